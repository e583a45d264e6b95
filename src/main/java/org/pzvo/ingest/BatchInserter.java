// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Engine;
import org.pzvo.db.SqlNames;
import org.pzvo.db.SqlTypes;
import org.pzvo.db.TableMeta;

/**
 * Batched INSERT into one published table: values are given in the order of the column names
 * passed at construction (each checked against the metadata), sent with
 * {@link PreparedStatement#addBatch()} and executed every {@code batchSize} rows, committed
 * every {@code commitRows} rows (rounded up to whole batches) and at {@link #close()}. The
 * connection must have auto-commit off. Not thread-safe.
 *
 * <p>Why commits are rarer than batches: on H2 every commit stores the changed B-tree pages
 * (the URL has {@code WRITE_DELAY=0}), which cost more than the inserts themselves when done
 * every few thousand rows.
 *
 * <p>Accepted values: null, Boolean, Short, Integer, Long, Float, Double, String,
 * {@link LocalDateTime} (timestamps, UTC) and float[] for float array columns.
 */
final class BatchInserter implements AutoCloseable {
    private final Connection connection;
    private final Engine engine;
    private final PreparedStatement statement;
    private final ColumnMeta[] columns;
    private final int batchSize;
    private final long commitRows;
    private final String stage;
    private final long total;
    private final ProgressListener progress;
    private long rows;
    private int pending;
    private long uncommitted;

    BatchInserter(Connection connection, Engine engine, TableMeta table, List<String> columnNames, int batchSize,
                  long commitRows, long total, ProgressListener progress) throws SQLException {
        this.connection = connection;
        this.engine = engine;
        this.columns = new ColumnMeta[columnNames.size()];
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqlNames.table(table)).append(" (");
        for (int i = 0; i < columns.length; i++) {
            String name = columnNames.get(i);
            columns[i] = table.column(name).orElseThrow(() -> new IllegalStateException(
                    "The demo generator writes column " + name + " but the metadata of " + table.qualifiedName()
                            + " has no such column"));
            sql.append(i == 0 ? "" : ", ").append(SqlNames.quote(name));
        }
        sql.append(") VALUES (").append("?, ".repeat(columns.length - 1)).append("?)");
        this.statement = connection.prepareStatement(sql.toString());
        this.batchSize = batchSize;
        this.commitRows = commitRows;
        this.stage = table.qualifiedName();
        this.total = total;
        this.progress = progress;
    }

    /** Adds one row; executes the batch when it is full, and commits every {@code commitRows} rows. */
    void add(Object... values) throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("Expected " + columns.length + " values for " + stage + ", actual "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            set(i + 1, columns[i], values[i]);
        }
        statement.addBatch();
        rows++;
        if (++pending >= batchSize) {
            flush(false);
        }
    }

    private void set(int p, ColumnMeta column, Object v) throws SQLException {
        if (v == null) {
            statement.setNull(p, column.isArray() ? Types.ARRAY : sqlType(column));
        } else if (v instanceof Double d) {
            statement.setDouble(p, d);
        } else if (v instanceof Float f) {
            statement.setFloat(p, f);
        } else if (v instanceof Long l) {
            statement.setLong(p, l);
        } else if (v instanceof Integer i) {
            statement.setInt(p, i);
        } else if (v instanceof Short s) {
            statement.setShort(p, s);
        } else if (v instanceof float[] a) {
            if (engine == Engine.POSTGRESQL) {
                statement.setObject(p, a);
            } else {
                Float[] boxed = new Float[a.length];
                for (int k = 0; k < a.length; k++) {
                    boxed[k] = a[k];
                }
                statement.setArray(p, connection.createArrayOf(SqlTypes.elementType(column), boxed));
            }
        } else {
            statement.setObject(p, v);
        }
    }

    private static int sqlType(ColumnMeta c) {
        if ("timestamp".equals(c.xtype())) {
            return Types.TIMESTAMP;
        }
        return switch (c.datatype()) {
            case "boolean" -> Types.BOOLEAN;
            case "short" -> Types.SMALLINT;
            case "int" -> Types.INTEGER;
            case "long" -> Types.BIGINT;
            case "float" -> Types.REAL;
            case "double" -> Types.DOUBLE;
            default -> Types.VARCHAR;
        };
    }

    private void flush(boolean commit) throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            uncommitted += pending;
            pending = 0;
            progress.progress(stage, rows, total);
        }
        if (uncommitted > 0 && (commit || uncommitted >= commitRows)) {
            connection.commit();
            uncommitted = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush(true);
        } finally {
            statement.close();
        }
    }
}
