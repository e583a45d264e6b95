// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The registry of file products: the internal table {@code files.product} (not in TAP_SCHEMA,
 * so not queryable through TAP) with one row per file below {@code <data.dir>/products/}.
 * Only registered files are served by /files and resolved by DataLink.
 *
 * <p>Every method uses the caller's connection and transaction; none commits. Thread-safe
 * (stateless).
 */
public final class Products {
    /** A partial HEALPix map FITS file. */
    public static final String TYPE_MAP = "healpix-map";
    /** A space MOC (any serialisation) of a map or of a catalog table. */
    public static final String TYPE_MOC = "moc";
    /** A spectroscopic training/validation set file. */
    public static final String TYPE_TRAINING_SET = "training-set";
    /** The photo-z PDFs of one run. */
    public static final String TYPE_PDF = "photoz-pdf";

    /** The directory below the data directory that holds every product. */
    public static final String DIRECTORY = "products";

    private static final String TABLE = "\"files\".\"product\"";
    private static final String COLUMNS = "\"publisher_did\", \"relative_path\", \"product_type\", \"map_id\","
            + " \"table_name\", \"content_type\", \"size_bytes\", \"sha256\", \"access_group\"";

    private Products() {
    }

    /** Creates the registry schema and table if missing (same DDL on H2 and PostgreSQL); idempotent. */
    public static void createTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS \"files\"");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "\"publisher_did\" VARCHAR(600) NOT NULL PRIMARY KEY,"
                    + " \"relative_path\" VARCHAR(" + ProductIds.MAX_PATH_CHARS + ") NOT NULL UNIQUE,"
                    + " \"product_type\" VARCHAR(40) NOT NULL, \"map_id\" VARCHAR(200), \"table_name\" VARCHAR(200),"
                    + " \"content_type\" VARCHAR(100) NOT NULL, \"size_bytes\" BIGINT NOT NULL,"
                    + " \"sha256\" CHAR(64) NOT NULL, \"access_group\" VARCHAR(100))");
        }
    }

    /** The product registered under {@code publisherDid}, if any. */
    public static Optional<Product> find(Connection c, String publisherDid) throws SQLException {
        return first(select(c, "\"publisher_did\" = ?", publisherDid));
    }

    /** The product registered at {@code relativePath} (below products/), if any. */
    public static Optional<Product> findByPath(Connection c, String relativePath) throws SQLException {
        return first(select(c, "\"relative_path\" = ?", relativePath));
    }

    /** Every product of map {@code mapId} (the map and its MOCs), by relative path. */
    public static List<Product> ofMap(Connection c, String mapId) throws SQLException {
        return select(c, "\"map_id\" = ?", mapId);
    }

    /** Every product derived from table {@code tableName} ("schema.table"), by relative path. */
    public static List<Product> ofTable(Connection c, String tableName) throws SQLException {
        return select(c, "\"table_name\" = ?", tableName);
    }

    /**
     * The file of {@code p}: {@code <dataDir>/products/<relativePath>}.
     *
     * @throws IllegalArgumentException if the relative path is not an acceptable product path
     *                                  ({@link ProductIds#checkPath}) or resolves outside products/
     */
    public static Path file(Path dataDir, Product p) {
        String problem = ProductIds.checkPath(p.relativePath());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path root = dataDir.resolve(DIRECTORY).toAbsolutePath().normalize();
        Path file = root.resolve(p.relativePath()).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Product path " + p.relativePath() + " resolves outside " + DIRECTORY);
        }
        return file;
    }

    /** Inserts {@code p}, replacing a product with the same identifier or path. */
    public static void register(Connection c, Product p) throws SQLException {
        delete(c, p.publisherDid());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE \"relative_path\" = ?")) {
            ps.setString(1, p.relativePath());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.publisherDid());
            ps.setString(2, p.relativePath());
            ps.setString(3, p.productType());
            ps.setString(4, p.mapId());
            ps.setString(5, p.tableName());
            ps.setString(6, p.contentType());
            ps.setLong(7, p.sizeBytes());
            ps.setString(8, p.sha256());
            ps.setString(9, p.accessGroup());
            ps.executeUpdate();
        }
    }

    /**
     * Registers the existing file {@code <dataDir>/products/<relativePath>}: size and SHA-256
     * are read from the file.
     *
     * @return the registered product
     */
    public static Product registerFile(Connection c, Path dataDir, String authority, String relativePath,
                                       String productType, String mapId, String tableName, String contentType)
            throws SQLException, IOException {
        Product probe = new Product(ProductIds.did(authority, relativePath), relativePath, productType, mapId,
                tableName, contentType, 0, "0".repeat(64), null);
        Path file = file(dataDir, probe);
        Product p = new Product(probe.publisherDid(), relativePath, productType, mapId, tableName, contentType,
                Files.size(file), sha256(file), null);
        register(c, p);
        return p;
    }

    /** Removes the product {@code publisherDid} from the registry (not its file); true if it was there. */
    public static boolean delete(Connection c, String publisherDid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE \"publisher_did\" = ?")) {
            ps.setString(1, publisherDid);
            return ps.executeUpdate() > 0;
        }
    }

    /** Whether any product is registered. */
    public static boolean any(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM " + TABLE + " FETCH FIRST 1 ROWS ONLY")) {
            return rs.next();
        }
    }

    /** Empties the registry (the files stay): used before the demo data set is written again. */
    public static void deleteAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + TABLE);
        }
    }

    /** The SHA-256 of a file, lower-case hexadecimal. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<Product> select(Connection c, String where, String value) throws SQLException {
        List<Product> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + where
                + " ORDER BY \"relative_path\"")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    private static Optional<Product> first(List<Product> products) {
        return products.isEmpty() ? Optional.empty() : Optional.of(products.get(0));
    }
}
