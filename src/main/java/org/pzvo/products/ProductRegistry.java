// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SQL over the product registry tables pz.products, pz.product_files, pz.product_columns,
 * pz.product_activity and pz.product_used (tap-schema/pz.yaml, created with the other published
 * tables). Uses the caller's connection and transaction; never commits. Stateless.
 */
final class ProductRegistry {
    private static final String PRODUCTS = "\"pz\".\"products\"";
    private static final String FILES = "\"pz\".\"product_files\"";
    private static final String COLUMNS = "\"pz\".\"product_columns\"";
    private static final String ACTIVITY = "\"pz\".\"product_activity\"";
    private static final String USED = "\"pz\".\"product_used\"";
    private static final String PRODUCT_COLUMNS = "\"product_id\", \"name\", \"product_type\", \"owner\","
            + " \"description\", \"release\", \"official\", \"status\", \"shared_with\", \"shared_with_all\","
            + " \"table_name\", \"n_rows\", \"size_bytes\", \"created_at\", \"updated_at\"";

    /** A row of pz.product_files. */
    record FileRow(String fileName, String role, String contentType, long sizeBytes, String sha256,
                   String publisherDid) {}

    /** A ProvenanceDM Used relation of an activity. */
    record Used(String entityId, String entityKind, String role) {}

    /** Timestamps as DALI writes them, to the second. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ProductRegistry() {
    }

    static Optional<ProductEntry> find(Connection c, String id) throws SQLException {
        List<ProductEntry> found = select(c, " WHERE \"product_id\" = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every product, by identifier. */
    static List<ProductEntry> all(Connection c) throws SQLException {
        return select(c, "", null);
    }

    /** Inserts or replaces the row of {@code p}. */
    static void put(Connection c, ProductEntry p) throws SQLException {
        deleteWhere(c, PRODUCTS, p.id());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + PRODUCTS + " (" + PRODUCT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, p.type().code());
            ps.setString(4, p.owner());
            ps.setString(5, p.description());
            ps.setString(6, p.release());
            ps.setBoolean(7, p.official());
            ps.setString(8, p.published() ? "published" : "draft");
            ps.setString(9, String.join(" ", p.sharedWith()));
            ps.setBoolean(10, p.sharedWithAll());
            ps.setString(11, p.published() ? p.id() : null);
            ps.setLong(12, p.nRows());
            ps.setLong(13, p.sizeBytes());
            ps.setObject(14, LocalDateTime.parse(p.createdAt()));
            ps.setObject(15, LocalDateTime.parse(p.updatedAt()));
            ps.executeUpdate();
        }
    }

    /** Removes every registry row of product {@code id} (product, files, columns, provenance). */
    static void delete(Connection c, String id) throws SQLException {
        for (String table : List.of(USED, ACTIVITY, COLUMNS, FILES, PRODUCTS)) {
            deleteWhere(c, table, id);
        }
    }

    static List<ProductColumn> columns(Connection c, String id) throws SQLException {
        List<ProductColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"column_index\", \"column_name\", \"datatype\", \"ucd\","
                + " \"unit\", \"alias\", \"description\" FROM " + COLUMNS + " WHERE \"product_id\" = ?"
                + " ORDER BY \"column_index\"")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProductColumn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    static void putColumns(Connection c, String id, List<ProductColumn> columns) throws SQLException {
        deleteWhere(c, COLUMNS, id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + COLUMNS + " (\"product_id\", \"column_index\","
                + " \"column_name\", \"datatype\", \"ucd\", \"unit\", \"alias\", \"description\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ProductColumn col : columns) {
                ps.setString(1, id);
                ps.setInt(2, col.index());
                ps.setString(3, col.name());
                ps.setString(4, col.datatype());
                ps.setString(5, col.ucd());
                ps.setString(6, col.unit());
                ps.setString(7, col.alias());
                ps.setString(8, col.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<FileRow> files(Connection c, String id) throws SQLException {
        List<FileRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"file_name\", \"role\", \"content_type\","
                + " \"size_bytes\", \"sha256\", \"publisher_did\" FROM " + FILES + " WHERE \"product_id\" = ?"
                + " ORDER BY \"file_name\"")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Replaces the files of {@code id} with {@code file}. */
    static void putFile(Connection c, String id, FileRow file) throws SQLException {
        deleteWhere(c, FILES, id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FILES + " (\"product_id\", \"file_name\","
                + " \"role\", \"content_type\", \"size_bytes\", \"sha256\", \"publisher_did\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, file.fileName());
            ps.setString(3, file.role());
            ps.setString(4, file.contentType());
            ps.setLong(5, file.sizeBytes());
            ps.setString(6, file.sha256());
            ps.setString(7, file.publisherDid());
            ps.executeUpdate();
        }
    }

    /**
     * Records the activity that generated product {@code id} (ProvenanceDM Activity with
     * wasGeneratedBy) and what it used, replacing earlier provenance of the product.
     */
    static void putActivity(Connection c, String id, String activityId, String name, String pipeline,
                            String pipelineVersion, String configuration, String start, String end, String comment,
                            List<Used> used) throws SQLException {
        deleteWhere(c, USED, id);
        deleteWhere(c, ACTIVITY, id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ACTIVITY + " (\"activity_id\","
                + " \"product_id\", \"activity_name\", \"pipeline\", \"pipeline_version\", \"configuration\","
                + " \"start_time\", \"end_time\", \"comment\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            List<String> values = Arrays.asList(activityId, id, name, pipeline, pipelineVersion, configuration, start,
                    end, comment);
            for (int i = 0; i < values.size(); i++) {
                boolean stamp = i == 6 || i == 7;
                if (values.get(i) == null) {
                    ps.setNull(i + 1, stamp ? Types.TIMESTAMP : Types.VARCHAR);
                } else if (stamp) {
                    ps.setObject(i + 1, LocalDateTime.parse(values.get(i)));
                } else {
                    ps.setString(i + 1, values.get(i));
                }
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + USED + " (\"activity_id\", \"product_id\","
                + " \"entity_id\", \"entity_kind\", \"role\") VALUES (?, ?, ?, ?, ?)")) {
            for (Used u : used) {
                ps.setString(1, activityId);
                ps.setString(2, id);
                ps.setString(3, u.entityId());
                ps.setString(4, u.entityKind());
                ps.setString(5, u.role());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Rows and bytes of every product of {@code owner} except {@code exceptId} (null: none). */
    static long[] usage(Connection c, String owner, String exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(\"n_rows\"), 0),"
                + " COALESCE(SUM(\"size_bytes\"), 0) FROM " + PRODUCTS + " WHERE \"owner\" = ? AND \"product_id\" <> ?")) {
            ps.setString(1, owner);
            ps.setString(2, exceptId == null ? "" : exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static List<ProductEntry> select(Connection c, String where, String value) throws SQLException {
        List<ProductEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PRODUCT_COLUMNS + " FROM " + PRODUCTS + where
                + " ORDER BY \"product_id\"")) {
            if (value != null) {
                ps.setString(1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String shared = rs.getString(9);
                    out.add(new ProductEntry(rs.getString(1), rs.getString(2),
                            ProductType.parse(rs.getString(3)).orElse(ProductType.OTHER), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7), "published".equals(rs.getString(8)),
                            shared == null || shared.isBlank() ? List.of() : List.of(shared.strip().split(" +")),
                            rs.getBoolean(10), rs.getLong(12), rs.getLong(13), stamp(rs, 14), stamp(rs, 15)));
                }
            }
        }
        return out;
    }

    /** A TIMESTAMP column as ISO-8601 without zone (UTC, DALI 1.1 §3.3.3), to the second. */
    private static String stamp(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : STAMP.format(t);
    }

    private static void deleteWhere(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE \"product_id\" = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
