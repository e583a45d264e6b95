// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.db.Metadata;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.ingest.MocRanges;
import org.pzvo.obscore.ObsCore;
import org.pzvo.obscore.ObsCoreRow;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;
import org.pzvo.sky.Footprint;

/**
 * Registers a published product: its file in the file registry (served by /files, resolved by
 * DataLink), its ivoa.obscore row (ObsCore 1.1; footprint from the HEALPix index when it has
 * positions) and its registry and provenance rows, in one transaction of the caller's connection.
 */
final class ProductStore {
    /** Order of the MOC whose outline becomes the ObsCore footprint (cells of about 3.4 arcmin). */
    private static final int FOOTPRINT_ORDER = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final String authority;

    /** A finished async job whose result became the product (its provenance). */
    record JobSource(String jobId, String query, Instant start, Instant end, String url, Metadata metadata) {}

    ProductStore(Path dataDir, String authority) {
        this.dataDir = dataDir;
        this.authority = authority;
    }

    void register(Connection c, ProductEntry p, ProductRegistry.FileRow main, String relativePath, TableMeta table,
                  List<ProductColumn> columns, String baseUrl, JobSource job) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Product file = Products.registerFile(c, dataDir, authority, relativePath, "pz-" + p.type().code(), null,
                    p.id(), main.contentType());
            String zUcd = columns.stream().anyMatch(col -> "z".equals(col.alias())) ? "src.redshift" : null;
            ObsCore.insert(c, new ObsCoreRow(file.publisherDid(), "measurements", p.type().code(),
                    job == null ? 3 : 4, COLLECTION, p.id(), title(p), null, footprint(c, table), null, null, null,
                    null, null, zUcd, null, null, p.updatedAt()), file, baseUrl, "ivo://" + authority + "/pzvo");
            ProductRegistry.put(c, p);
            ProductRegistry.putFile(c, p.id(), new ProductRegistry.FileRow(main.fileName(), main.role(),
                    main.contentType(), file.sizeBytes(), file.sha256(), file.publisherDid()));
            if (job != null) {
                ProductRegistry.putActivity(c, p.id(), p.id() + "#job-" + job.jobId(), "tap-async-job", "pzvo /tap/async",
                        null, config(Map.of("QUERY", job.query())), iso(job.start()),
                        iso(job.end()), "Result of TAP job " + job.url() + " saved as a product", used(job, p));
            } else {
                ProductRegistry.putActivity(c, p.id(), p.id() + "#upload", "upload", null, null,
                        config(Map.of("file", main.fileName(), "sha256", file.sha256())), p.createdAt(), p.updatedAt(),
                        "Uploaded by " + p.owner() + " and published through /products",
                        List.of(new ProductRegistry.Used(ProductIds.did(authority, relativePath), "file", "input")));
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static final String COLLECTION = "pzvo user products";

    /** Removes the file registrations and ObsCore rows of product {@code id} (its registry rows stay). */
    static void unregisterFiles(Connection c, String id) throws SQLException {
        for (ProductRegistry.FileRow f : ProductRegistry.files(c, id)) {
            if (f.publisherDid() != null) {
                ObsCore.delete(c, f.publisherDid());
                Products.delete(c, f.publisherDid());
            }
        }
    }

    private static String title(ProductEntry p) {
        String t = p.type().label() + " " + p.name() + " by " + p.owner()
                + (p.description().isBlank() ? "" : ": " + p.description());
        return t.length() > 200 ? t.substring(0, 197) + "..." : t;
    }

    /** Inputs of a job: the job itself, and the published tables its query names. */
    private static List<ProductRegistry.Used> used(JobSource job, ProductEntry p) {
        List<ProductRegistry.Used> used = new ArrayList<>();
        used.add(new ProductRegistry.Used(job.url(), "job", "query"));
        String q = job.query().toLowerCase(Locale.ROOT);
        for (TableMeta t : job.metadata().tables()) {
            String name = t.qualifiedName().toLowerCase(Locale.ROOT);
            if (!name.equals(p.id()) && q.matches("(?s).*(^|[^a-z0-9_.])" + java.util.regex.Pattern.quote(name)
                    + "([^a-z0-9_].*|$)")) {
                used.add(new ProductRegistry.Used(t.qualifiedName(), name.startsWith("user_") ? "product" : "table",
                        "input"));
            }
        }
        return used;
    }

    private static Footprint footprint(Connection c, TableMeta table) throws SQLException {
        if (table.position().isEmpty()) {
            return null;
        }
        String hpx = SqlNames.quote(table.position().get().healpix());
        long divisor = 1L << (2 * (MocRanges.MAX_ORDER - FOOTPRINT_ORDER));
        MocRanges.Builder moc = new MocRanges.Builder(FOOTPRINT_ORDER);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT " + hpx + " / "
                + divisor + " AS cell FROM " + SqlNames.table(table) + " WHERE " + hpx + " IS NOT NULL ORDER BY cell")) {
            while (rs.next()) {
                moc.add(rs.getLong(1));
            }
        }
        MocRanges ranges = moc.build();
        return ranges.cellCount() == 0 ? null : Footprint.ofRanges(ranges.ranges(), ranges.order());
    }

    private static String config(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(values));
        } catch (IOException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : ProductRegistry.STAMP.format(java.time.LocalDateTime.ofInstant(t,
                java.time.ZoneOffset.UTC));
    }

    /** Whether {@code name} cannot be a table name without quotes (an ADQL reserved word). */
    static boolean isReserved(String name) {
        try {
            AdqlParser.parseQuery("SELECT * FROM s." + name);
            return false;
        } catch (AdqlException e) {
            return true;
        }
    }

    /** Deletes a file or directory tree if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
