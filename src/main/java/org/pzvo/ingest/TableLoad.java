// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.pzvo.db.Engine;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;

/**
 * The DDL of an atomic table load, per engine.
 *
 * <ul>
 * <li>PostgreSQL: DDL is transactional, so the table is created (after dropping the one it
 *     replaces) in the load's transaction; a rollback undoes everything.</li>
 * <li>H2: every DDL statement commits, so rows go to a staging table {@code <name>__ingest}
 *     that is renamed at the end ({@link #publish}) and dropped on failure ({@link #abort});
 *     a schema created for the load is dropped again on failure.</li>
 * </ul>
 * Constraints and indexes are added after the rows (faster than maintaining them row by row);
 * the primary key is added under a savepoint so that a duplicate can be reported by the caller.
 */
final class TableLoad {
    private static final String STAGING_SUFFIX = "__ingest";

    private final Connection connection;
    private final Engine engine;
    private final TableMeta table;
    private final String loadName;
    private boolean createdSchema;
    private boolean published;

    TableLoad(Connection connection, Engine engine, TableMeta table) {
        this.connection = connection;
        this.engine = engine;
        this.table = table;
        this.loadName = engine == Engine.H2 ? table.name() + STAGING_SUFFIX : table.name();
    }

    /** {@code "schema"."table"} rows are inserted into (the staging table on H2). */
    String loadTable() {
        return SqlNames.table(table.schema(), loadName);
    }

    /** Whether {@code schema.name} exists in the database. */
    static boolean exists(Connection connection, String schema, String name) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String esc = md.getSearchStringEscape();
        try (ResultSet rs = md.getTables(null, like(schema, esc), like(name, esc), null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_SCHEM").equals(schema) && rs.getString("TABLE_NAME").equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String like(String s, String esc) {
        return s.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    /**
     * Whether the (staging) table is created with its primary key: on H2, a key of one integer
     * column then becomes the table's row key, so the rows are stored in key order and a lookup
     * by key is one B-tree search (a key added after loading is a second index, searched before
     * the rows: a third of a cross-match's final join on 10^7 rows). A duplicate then stops the
     * load itself ({@link #recreateWithoutKey()} lets the caller find and report it).
     */
    boolean keyedWhileLoading() {
        return engine == Engine.H2 && table.integerKey().isPresent();
    }

    /** Creates the schema if missing and the (staging) table, constrained only by {@link #keyedWhileLoading()}. */
    void create(boolean replace) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (engine == Engine.H2 && !schemaExists()) {
                createdSchema = true;
            }
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(table.schema()));
            if (engine == Engine.H2) {
                st.execute("DROP TABLE IF EXISTS " + loadTable());
            } else if (replace) {
                st.execute("DROP TABLE IF EXISTS " + SqlNames.table(table));
            }
            for (String sql : SchemaInstaller.tableDdl(engine, table.withName(loadName), keyedWhileLoading())) {
                st.execute(sql);
            }
        }
    }

    /** Replaces the keyed staging table (whose load a duplicate key stopped) by an empty one without key. */
    void recreateWithoutKey() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + loadTable());
            for (String sql : SchemaInstaller.tableDdl(engine, table.withName(loadName), false)) {
                st.execute(sql);
            }
        }
    }

    private boolean schemaExists() throws SQLException {
        try (ResultSet rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                if (rs.getString("TABLE_SCHEM").equals(table.schema())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Adds the primary key, if any.
     *
     * @return false if it could not be added (duplicate keys); the transaction is still usable
     */
    boolean addPrimaryKey() throws SQLException {
        if (table.primaryKey().isEmpty() || keyedWhileLoading()) {
            return true;
        }
        String cols = SchemaInstaller.storedPrimaryKey(engine, table).stream().map(SqlNames::quote)
                .collect(Collectors.joining(", "));
        Savepoint sp = engine == Engine.POSTGRESQL ? connection.setSavepoint() : null;
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + loadTable() + " ADD PRIMARY KEY (" + cols + ")");
        } catch (SQLException e) {
            // 23505 unique_violation (PostgreSQL and H2); anything else is not the input's fault.
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (sp != null) {
                connection.rollback(sp);
            }
            return false;
        }
        if (sp != null) {
            connection.releaseSavepoint(sp);
        }
        // A partitioned table's stored key includes the HEALPix column: check the declared one.
        return SchemaInstaller.storedPrimaryKey(engine, table).equals(table.primaryKey()) || duplicateKey() == null;
    }

    /** The values of one duplicated primary key (smallest first), or null. */
    Object[] duplicateKey() throws SQLException {
        String cols = table.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + cols + " FROM " + loadTable() + " GROUP BY " + cols + " HAVING COUNT(*) > 1 ORDER BY "
                + cols + " FETCH FIRST 1 ROWS ONLY";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            Object[] key = new Object[table.primaryKey().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getObject(i + 1);
            }
            return key;
        }
    }

    /**
     * Makes the loaded table the published one, with its indexes. On H2: drops the table it
     * replaces and renames the staging table; beware that a failure after this point (creating an
     * index, writing TAP_SCHEMA) drops the new table but cannot bring a replaced one back. The
     * caller commits.
     */
    void publish(boolean replace) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (engine == Engine.H2) {
                if (replace) {
                    st.execute("DROP TABLE IF EXISTS " + SqlNames.table(table));
                }
                st.execute("ALTER TABLE " + loadTable() + " RENAME TO " + SqlNames.quote(table.name()));
                published = true;
            }
            for (String sql : SchemaInstaller.indexDdl(engine, table)) {
                st.execute(sql);
            }
        }
    }

    /** Undoes the load after a failure: rollback, and on H2 drop what DDL committed. */
    void abort() {
        try {
            connection.rollback();
            if (engine == Engine.H2) {
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + loadTable());
                    if (published) {
                        st.execute("DROP TABLE IF EXISTS " + SqlNames.table(table));
                    }
                    if (createdSchema) {
                        st.execute("DROP SCHEMA IF EXISTS " + SqlNames.quote(table.schema()));
                    }
                }
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not undo the failed load of " + table.qualifiedName()
                    + "; the database may hold a table " + loadTable() + " to drop by hand", e);
        }
    }
}
