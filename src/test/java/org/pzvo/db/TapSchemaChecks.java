// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Assertions that TAP_SCHEMA in a database says exactly what the metadata says. */
public final class TapSchemaChecks {
    private TapSchemaChecks() {
    }

    public static void assertConsistent(Connection c, Metadata m) throws SQLException {
        assertEquals(m.schemas().stream().map(SchemaMeta::name).toList(),
                strings(c, "SELECT \"schema_name\" FROM \"TAP_SCHEMA\".\"schemas\" ORDER BY \"schema_index\""));
        assertEquals(m.tables().stream().map(TableMeta::qualifiedName).toList(),
                strings(c, "SELECT \"table_name\" FROM \"TAP_SCHEMA\".\"tables\" ORDER BY \"table_index\""));
        String sql = "SELECT \"column_name\", \"datatype\", \"arraysize\", \"xtype\", \"unit\", \"ucd\", \"description\","
                + " \"principal\", \"indexed\", \"std\", \"column_index\", \"size\" FROM \"TAP_SCHEMA\".\"columns\""
                + " WHERE \"table_name\" = ? ORDER BY \"column_index\"";
        int total = 0;
        for (TableMeta t : m.tables()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, t.qualifiedName());
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; i < t.columns().size(); i++) {
                        ColumnMeta col = t.columns().get(i);
                        String where = t.qualifiedName() + "." + col.name();
                        assertEquals(true, rs.next(), "missing TAP_SCHEMA.columns row for " + where);
                        assertEquals(col.adqlName(), rs.getString(1), where);
                        assertEquals(col.datatype(), rs.getString(2), where);
                        assertEquals(col.arraysize(), rs.getString(3), where);
                        assertEquals(col.xtype(), rs.getString(4), where);
                        assertEquals(col.unit(), rs.getString(5), where);
                        assertEquals(col.ucd(), rs.getString(6), where);
                        assertEquals(col.description(), rs.getString(7), where);
                        assertEquals(col.principal() ? 1 : 0, rs.getInt(8), where);
                        assertEquals(t.isIndexed(col) ? 1 : 0, rs.getInt(9), where);
                        assertEquals(col.std() ? 1 : 0, rs.getInt(10), where);
                        assertEquals(i + 1, rs.getInt(11), where);
                        int size = rs.getInt(12);
                        if (col.arraysize() == null || col.maxLength() < 0) {
                            assertEquals(true, rs.wasNull(), where);
                        } else {
                            assertEquals(col.maxLength(), size, where);
                        }
                        total++;
                    }
                    assertEquals(false, rs.next(), "extra TAP_SCHEMA.columns rows for " + t.qualifiedName());
                }
            }
        }
        assertEquals(List.of(String.valueOf(total)), strings(c, "SELECT COUNT(*) FROM \"TAP_SCHEMA\".\"columns\""));
        List<String> keys = new ArrayList<>();
        for (ForeignKeyMeta k : m.foreignKeys()) {
            for (int i = 0; i < k.fromColumns().size(); i++) {
                keys.add(k.keyId() + " " + k.fromTable() + "." + k.fromColumns().get(i) + " -> " + k.targetTable() + "."
                        + k.targetColumns().get(i));
            }
        }
        keys.sort(null);
        List<String> actual = strings(c, "SELECT k.\"key_id\" || ' ' || k.\"from_table\" || '.' || kc.\"from_column\""
                + " || ' -> ' || k.\"target_table\" || '.' || kc.\"target_column\" FROM \"TAP_SCHEMA\".\"keys\" k"
                + " JOIN \"TAP_SCHEMA\".\"key_columns\" kc ON kc.\"key_id\" = k.\"key_id\"");
        actual.sort(null);
        assertEquals(keys, actual);
    }

    public static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
