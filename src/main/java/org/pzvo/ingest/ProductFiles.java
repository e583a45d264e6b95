// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.obscore.ObsCore;
import org.pzvo.obscore.ObsCoreRow;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;
import org.pzvo.sky.Footprint;

/**
 * Writes HEALPix map products and MOCs as files below {@code <data>/products/} and registers
 * each in the product registry ({@link Products}) and, for the primary files, in ivoa.obscore:
 * <ul>
 * <li>{@code maps/<map_id>.fits}: the partial HEALPix map ({@link MapFiles#writeMap}), ObsCore
 *     {@code image}/{@code healpix-map};</li>
 * <li>{@code maps/<map_id>.moc.fits}, {@code .moc.txt}, {@code .moc.json}: its coverage as MOC 2.0
 *     FITS, ASCII and JSON (MOC 2.0 §4.3); the FITS file has an ObsCore row ({@code image}/
 *     {@code moc}), the other two are registry entries reached through DataLink #coverage;</li>
 * <li>{@code catalogs/<schema>.<table>.moc.*}: the same three forms for the positions of a
 *     catalog table, from its order-29 HEALPix column at order {@value #CATALOG_MOC_ORDER}
 *     (ObsCore {@code image}/{@code catalog-moc}).</li>
 * </ul>
 * Files are deterministic (no date in them): the same rows give the same bytes. Uses the caller's
 * connection and transaction; does not commit. The registry table must exist
 * ({@link Products#createTable}, DDL, which H2 commits: call it before a transaction starts).
 */
public final class ProductFiles {
    /** Order of catalog MOCs: cells of 3.4 arcmin, fine enough for DP1-size fields. */
    public static final int CATALOG_MOC_ORDER = 10;
    static final String FITS = "application/fits";
    static final String TEXT = "text/plain";
    static final String JSON = "application/json";
    private static final double SKY_SR = 4 * Math.PI;

    private ProductFiles() {
    }

    /** The fields of maps.map the ObsCore rows need. */
    private record MapInfo(String kind, String band, String quantity, int order, long pixels, String description) {
    }

    /**
     * Writes and registers the files of map {@code mapId} (already in maps.map).
     *
     * @return the registered products: the map, then its MOC in FITS, ASCII and JSON
     */
    public static List<Product> registerMap(Connection c, ProductSite site, ProductContext context, String mapId)
            throws IOException, SQLException {
        String problem = ProductIds.checkPath("maps/" + mapId + ".fits");
        if (problem != null) {
            throw new IllegalArgumentException("Map id " + mapId + " cannot name a product file: " + problem);
        }
        MapInfo map = mapInfo(c, mapId);
        MocRanges moc = MapSummary.of(c, mapId, map.order(), false).moc();
        Footprint footprint = moc.cellCount() == 0 ? null : Footprint.ofRanges(moc.ranges(), moc.order());
        String mapPath = "maps/" + mapId + ".fits";
        MapFiles.writeMap(c, mapId, file(site, mapPath));
        List<Product> products = new ArrayList<>();
        Product mapProduct = Products.registerFile(c, site.dataDir(), site.authority(), mapPath, Products.TYPE_MAP,
                mapId, null, FITS);
        products.add(mapProduct);
        double resolutionArcsec = Math.toDegrees(Math.sqrt(SKY_SR / (12.0 * (1L << (2 * map.order()))))) * 3600;
        String title = map.description() == null ? "HEALPix map " + mapId : map.description();
        ObsCore.insert(c, new ObsCoreRow(mapProduct.publisherDid(), "image", Products.TYPE_MAP, 3,
                context.collection(), mapId, title, context.targetName(), footprint, resolutionArcsec, map.pixels(),
                context.tMinMjd(), context.tMaxMjd(), band(map.band()), map.quantity(), context.facility(),
                context.instrument(), context.releaseDate()), mapProduct, site.baseUrl(), site.publisherId());
        List<Product> mocs = writeMoc(c, site, "maps/" + mapId, moc, mapId, "IMAGE", mapId, null);
        products.addAll(mocs);
        ObsCore.insert(c, new ObsCoreRow(mocs.get(0).publisherDid(), "image", Products.TYPE_MOC, 3,
                context.collection(), mapId + "#moc", "Coverage (MOC 2.0) of " + mapId + " (" + map.kind() + " map)",
                context.targetName(), footprint, resolutionArcsec, null, context.tMinMjd(), context.tMaxMjd(),
                band(map.band()), null, context.facility(), context.instrument(), context.releaseDate()),
                mocs.get(0), site.baseUrl(), site.publisherId());
        return products;
    }

    /**
     * Writes and registers the MOC of the positions of catalog {@code table} (which must have a
     * position with an order-29 HEALPix column), at order {@value #CATALOG_MOC_ORDER}.
     *
     * @return the MOC (empty for an empty table)
     */
    public static MocRanges registerCatalogMoc(Connection c, ProductSite site, ProductContext context, TableMeta table)
            throws IOException, SQLException {
        String hpx = table.position().orElseThrow(() -> new IllegalArgumentException("Table " + table.qualifiedName()
                + " has no position")).healpix();
        long divisor = 1L << (2 * (MocRanges.MAX_ORDER - CATALOG_MOC_ORDER));
        MocRanges.Builder builder = new MocRanges.Builder(CATALOG_MOC_ORDER);
        String sql = "SELECT DISTINCT " + SqlNames.quote(hpx) + " / " + divisor + " AS cell FROM "
                + SqlNames.table(table) + " WHERE " + SqlNames.quote(hpx) + " IS NOT NULL ORDER BY cell";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                builder.add(rs.getLong(1));
            }
        }
        MocRanges moc = builder.build();
        String name = table.qualifiedName();
        List<Product> mocs = writeMoc(c, site, "catalogs/" + name, moc, name, "CATALOG", null, name);
        Footprint footprint = moc.cellCount() == 0 ? null : Footprint.ofRanges(moc.ranges(), moc.order());
        double resolutionArcsec = Math.toDegrees(Math.sqrt(SKY_SR / (12.0 * (1L << (2 * CATALOG_MOC_ORDER))))) * 3600;
        ObsCore.insert(c, new ObsCoreRow(mocs.get(0).publisherDid(), "image", "catalog-moc", 3, context.collection(),
                name + "#moc", "Coverage (MOC 2.0, order " + CATALOG_MOC_ORDER + ") of the positions in " + name,
                context.targetName(), footprint, resolutionArcsec, null, context.tMinMjd(), context.tMaxMjd(), null,
                null, context.facility(), context.instrument(), context.releaseDate()), mocs.get(0), site.baseUrl(),
                site.publisherId());
        return moc;
    }

    /** Writes {@code <base>.moc.fits}, {@code .moc.txt} and {@code .moc.json} and registers them, FITS first. */
    private static List<Product> writeMoc(Connection c, ProductSite site, String base, MocRanges moc, String mocId,
                                          String mocType, String mapId, String tableName)
            throws IOException, SQLException {
        MapFiles.writeAtomically(file(site, base + ".moc.fits"), out -> MocFits.write(moc, mocId, mocType, out));
        MapFiles.writeAtomically(file(site, base + ".moc.txt"),
                out -> out.write((moc.ascii() + "\n").getBytes(StandardCharsets.US_ASCII)));
        MapFiles.writeAtomically(file(site, base + ".moc.json"),
                out -> out.write((moc.json() + "\n").getBytes(StandardCharsets.US_ASCII)));
        List<Product> out = new ArrayList<>();
        String[][] forms = {{".moc.fits", FITS}, {".moc.txt", TEXT}, {".moc.json", JSON}};
        for (String[] form : forms) {
            out.add(Products.registerFile(c, site.dataDir(), site.authority(), base + form[0], Products.TYPE_MOC, mapId,
                    tableName, form[1]));
        }
        return out;
    }

    static Path file(ProductSite site, String relativePath) {
        return site.dataDir().resolve(Products.DIRECTORY).resolve(relativePath);
    }

    private static String band(String band) {
        return band != null && org.pzvo.obscore.LsstBands.isBand(band) ? band : null;
    }

    private static MapInfo mapInfo(Connection c, String mapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"product_type\", \"band\", \"quantity\", \"hpx_order\","
                + " \"n_pixels\", \"description\" FROM \"maps\".\"map\" WHERE \"map_id\" = ?")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Expected a map registered in maps.map, actual " + mapId);
                }
                return new MapInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6));
            }
        }
    }
}
