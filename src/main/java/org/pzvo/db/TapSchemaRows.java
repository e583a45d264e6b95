// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the TAP_SCHEMA rows (TAP 1.1 §4.1–4.5) of the schemas of a {@link Metadata}, after
 * deleting the rows those schemas had. Package-private: called by {@link SchemaInstaller}.
 *
 * <p>Values: table names are qualified ({@code lsst.object}); column names as written in ADQL
 * ({@link ColumnMeta#adqlName()}); {@code arraysize} is the VOTable text or NULL;
 * {@code "size"} is the number in the arraysize or NULL; flags are 0/1 integers;
 * {@code column_index} is the 1-based position in the table, {@code table_index} the position
 * over all tables of the metadata (0-based) and {@code schema_index} the schema's {@code index}.
 */
final class TapSchemaRows {
    private static final String TS = SqlNames.quote(SchemaInstaller.TAP_SCHEMA) + ".";
    private static final String TABLES_OF_SCHEMA =
            "SELECT \"table_name\" FROM " + TS + "\"tables\" WHERE \"schema_name\" = ?";

    private TapSchemaRows() {
    }

    static void write(Connection connection, Metadata metadata) throws SQLException {
        for (SchemaMeta schema : metadata.schemas()) {
            delete(connection, schema.name());
        }
        List<Object[]> schemas = new ArrayList<>();
        List<Object[]> tables = new ArrayList<>();
        List<Object[]> columns = new ArrayList<>();
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> keyColumns = new ArrayList<>();
        int tableIndex = 0;
        for (SchemaMeta schema : metadata.schemas()) {
            schemas.add(new Object[] {schema.name(), schema.utype(), schema.description(), schema.index()});
            for (TableMeta table : schema.tables()) {
                tables.add(new Object[] {schema.name(), table.qualifiedName(), table.type(), table.utype(),
                        table.description(), tableIndex++});
                int columnIndex = 1;
                for (ColumnMeta c : table.columns()) {
                    int max = c.maxLength();
                    Integer size = c.arraysize() == null || max < 0 ? null : max;
                    columns.add(new Object[] {table.qualifiedName(), c.adqlName(), c.datatype(), c.arraysize(),
                            c.xtype(), size, c.description(), c.utype(), c.unit(), c.ucd(),
                            flag(table.isIndexed(c)), flag(c.principal()), flag(c.std()), columnIndex++});
                }
                for (ForeignKeyMeta k : table.foreignKeys()) {
                    keys.add(new Object[] {k.keyId(), k.fromTable(), k.targetTable(), k.description(), k.utype()});
                    for (int i = 0; i < k.fromColumns().size(); i++) {
                        keyColumns.add(new Object[] {k.keyId(), adqlName(metadata, k.fromTable(), k.fromColumns().get(i)),
                                adqlName(metadata, k.targetTable(), k.targetColumns().get(i))});
                    }
                }
            }
        }
        SchemaInstaller.batch(connection, insert("schemas", "schema_name", "utype", "description", "schema_index"),
                schemas);
        SchemaInstaller.batch(connection, insert("tables", "schema_name", "table_name", "table_type", "utype",
                "description", "table_index"), tables);
        SchemaInstaller.batch(connection, insert("columns", "table_name", "column_name", "datatype", "arraysize",
                "xtype", "size", "description", "utype", "unit", "ucd", "indexed", "principal", "std",
                "column_index"), columns);
        SchemaInstaller.batch(connection, insert("keys", "key_id", "from_table", "target_table", "description",
                "utype"), keys);
        SchemaInstaller.batch(connection, insert("key_columns", "key_id", "from_column", "target_column"), keyColumns);
    }

    private static void delete(Connection connection, String schema) throws SQLException {
        String keysOfSchema = "SELECT \"key_id\" FROM " + TS + "\"keys\" WHERE \"from_table\" IN (" + TABLES_OF_SCHEMA + ")";
        String[] statements = {
            "DELETE FROM " + TS + "\"key_columns\" WHERE \"key_id\" IN (" + keysOfSchema + ")",
            "DELETE FROM " + TS + "\"keys\" WHERE \"from_table\" IN (" + TABLES_OF_SCHEMA + ")",
            "DELETE FROM " + TS + "\"columns\" WHERE \"table_name\" IN (" + TABLES_OF_SCHEMA + ")",
            "DELETE FROM " + TS + "\"tables\" WHERE \"schema_name\" = ?",
            "DELETE FROM " + TS + "\"schemas\" WHERE \"schema_name\" = ?",
        };
        for (String sql : statements) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, schema);
                ps.executeUpdate();
            }
        }
    }

    private static String adqlName(Metadata metadata, String table, String column) {
        return metadata.requireTable(table).column(column).orElseThrow().adqlName();
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static String insert(String table, String... columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(TS).append(SqlNames.quote(table)).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(SqlNames.quote(columns[i]));
        }
        sql.append(") VALUES (").append("?, ".repeat(columns.length - 1)).append("?)");
        return sql.toString();
    }
}
