// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;

/**
 * SHA-256 of a table's rows in primary-key order, hashing typed values (float bits, long
 * values, strings, array elements, timestamps) so that the same rows give the same digest on H2
 * and PostgreSQL.
 */
final class TableChecksum {
    private TableChecksum() {
    }

    /** The tables the demo generator fills. */
    static final String[] DEMO_TABLES = {"lsst.object", "pz.photoz", "pz.run", "pz.nz", "pz.validation_metrics",
        "spec.specz", "spec.training_set", "maps.map", "maps.map_pixel"};

    /** Checksums of every demo table, by qualified name. */
    static Map<String, String> ofDemoTables(Connection c, Metadata metadata) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String t : DEMO_TABLES) {
            sums.put(t, of(c, metadata.requireTable(t)));
        }
        return sums;
    }

    static String of(Connection c, TableMeta t) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String order = t.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
        String columns = t.columns().stream().map(col -> SqlNames.quote(col.name())).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + columns + " FROM " + SqlNames.table(t) + " ORDER BY " + order)) {
            while (rs.next()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    ColumnMeta col = t.columns().get(i);
                    String v = value(rs, i + 1, col);
                    md.update((v == null ? "\u0000NULL" : v).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0x1f);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String value(ResultSet rs, int i, ColumnMeta col) throws SQLException {
        if (col.isArray()) {
            Array a = rs.getArray(i);
            if (a == null) {
                return null;
            }
            Object[] items = (Object[]) a.getArray();
            StringBuilder sb = new StringBuilder();
            for (Object item : items) {
                sb.append(Float.floatToIntBits(((Number) item).floatValue())).append(',');
            }
            return sb.toString();
        }
        if ("timestamp".equals(col.xtype())) {
            java.sql.Timestamp ts = rs.getTimestamp(i);
            return ts == null ? null : ts.toLocalDateTime().toString();
        }
        String v = switch (col.datatype()) {
            case "float" -> Integer.toString(Float.floatToIntBits(rs.getFloat(i)));
            case "double" -> Long.toString(Double.doubleToLongBits(rs.getDouble(i)));
            case "short", "int", "long" -> Long.toString(rs.getLong(i));
            case "boolean" -> Boolean.toString(rs.getBoolean(i));
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }
}
