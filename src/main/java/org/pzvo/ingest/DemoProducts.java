// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;

/**
 * The file products of the demo data set (issue 4 point 2, issue 7), written after
 * {@link DemoData#generate} below {@code <data>/products/} and registered in the product
 * registry and ivoa.obscore: every map of maps.map with its MOCs ({@link ProductFiles}), a MOC
 * of every positional demo table, the training/validation set and the PDFs of every run
 * ({@link TableFiles}). Deterministic: the same demo rows give the same bytes.
 *
 * <p>Commits once at the end (auto-commit is switched off and restored); on failure the
 * registrations are rolled back (files already written stay, unregistered and so unreachable).
 */
public final class DemoProducts {
    /**
     * ObsCore facts of the demo: LSST DP1-like fields observed with LSSTComCam during its
     * on-sky campaign (2024-10-24 to 2024-12-11, MJD 60607–60656), released with DP1 on 2025-06-30.
     */
    public static final ProductContext CONTEXT = new ProductContext(DemoTables.SURVEY + "/" + DemoTables.RELEASE,
            "DP1 fields: " + String.join(", ", DemoSky.FIELD_NAMES), "Rubin Observatory", "LSSTComCam", 60607.0,
            60656.0, "2025-06-30T00:00:00");
    private static final List<String> CATALOGS = List.of("lsst.object", "pz.photoz", "spec.specz", "spec.training_set",
            "spec.specz_private");

    private DemoProducts() {
    }

    /**
     * Writes and registers every demo product.
     *
     * @return the registered products, in the order written
     */
    public static List<Product> write(Connection c, Metadata metadata, ProductSite site)
            throws IOException, SQLException {
        Products.createTable(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Products.deleteAll(c);
            List<Product> products = new ArrayList<>();
            for (String mapId : mapIds(c)) {
                products.addAll(ProductFiles.registerMap(c, site, CONTEXT, mapId));
            }
            Map<String, MocRanges> mocs = new HashMap<>();
            for (String name : CATALOGS) {
                TableMeta table = metadata.requireTable(name);
                mocs.put(name, ProductFiles.registerCatalogMoc(c, site, CONTEXT, table));
                products.addAll(Products.ofTable(c, name));
            }
            products.addAll(TableFiles.registerTrainingSet(c, site, CONTEXT, metadata, mocs.get("spec.training_set")));
            products.addAll(TableFiles.registerPdfs(c, site, CONTEXT, metadata, mocs.get("pz.photoz")));
            restrict(c, metadata);
            c.commit();
            return products;
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Products derived from a table restricted to groups (the MOC of spec.specz_private) carry
     * the table's first group as access group, and their ObsCore rows say data_rights = secure
     * (ObsCore 1.1 §4.15). Issue 9: they are invisible to anybody outside the group.
     */
    private static void restrict(Connection c, Metadata metadata) throws SQLException {
        for (TableMeta t : metadata.tables()) {
            if (t.isPublic()) {
                continue;
            }
            try (PreparedStatement rights = c.prepareStatement("UPDATE \"ivoa\".\"obscore\" SET \"data_rights\" ="
                    + " 'secure' WHERE \"obs_publisher_did\" IN (SELECT \"publisher_did\" FROM \"files\".\"product\""
                    + " WHERE \"table_name\" = ?)");
                 PreparedStatement group = c.prepareStatement("UPDATE \"files\".\"product\" SET \"access_group\" = ?"
                         + " WHERE \"table_name\" = ?")) {
                rights.setString(1, t.qualifiedName());
                rights.executeUpdate();
                group.setString(1, t.groups().get(0));
                group.setString(2, t.qualifiedName());
                group.executeUpdate();
            }
        }
    }

    private static List<String> mapIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"map_id\" FROM \"maps\".\"map\" ORDER BY \"map_id\"");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
