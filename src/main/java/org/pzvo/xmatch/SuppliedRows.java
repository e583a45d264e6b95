// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.SqlNames;
import org.pzvo.sql.PairRowColumns;

/**
 * The rows of one table that the engine's pairs reference ({@link org.pzvo.sql.PairRequest.Rows}),
 * read with one scan of the table in key order and held column by column (primitive arrays, a
 * bit set of NULLs), each matched row once however many pairs it is in; for each pair, the other
 * table's key and the index of its row. The SQL then joins only the other table.
 */
final class SuppliedRows {
    private static final int FETCH = 10_000;

    private final List<ColumnInfo> columns;
    private final Column[] values;
    private final long[] otherKeys;
    private final int[] rowOfPair;

    private SuppliedRows(List<ColumnInfo> columns, Column[] values, long[] otherKeys, int[] rowOfPair) {
        this.columns = columns;
        this.values = values;
        this.otherKeys = otherKeys;
        this.rowOfPair = rowOfPair;
    }

    /**
     * Reads the rows of {@code table} whose {@code keyColumn} is among {@code keys} (the supplied
     * side of each pair; {@code otherKeys} the other side, in the order the pairs will be read).
     */
    static SuppliedRows read(Connection c, TableInfo table, String keyColumn, long[] keys, long[] otherKeys,
                             BooleanSupplier cancelled) throws SQLException {
        long[] distinct = keys.clone();
        Arrays.sort(distinct);
        int n = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[n++] = distinct[i];
            }
        }
        long[] wanted = Arrays.copyOf(distinct, n);
        List<ColumnInfo> columns = table.columns();
        Column[] values = new Column[columns.size()];
        StringJoiner select = new StringJoiner(", ", "SELECT " + SqlNames.quote(keyColumn) + ", ", "");
        for (int i = 0; i < values.length; i++) {
            values[i] = Column.of(PairRowColumns.sqlType(columns.get(i)), n);
            select.add(SqlNames.quote(columns.get(i).name()));
        }
        String sql = select + " FROM " + SqlNames.table(table.schema(), table.sqlName()) + " ORDER BY "
                + SqlNames.quote(keyColumn);
        int found = 0;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery()) {
                while (found < n && rs.next()) {
                    long key = rs.getLong(1);
                    if (key != wanted[found]) {
                        continue;
                    }
                    for (int i = 0; i < values.length; i++) {
                        values[i].read(rs, i + 2, found);
                    }
                    found++;
                    if ((found & 0xffff) == 0 && cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("the cross-match was cancelled");
                    }
                }
            }
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        if (found < n) {
            throw new SQLException("Table " + table.qualifiedName() + " lost rows while the cross-match ran (" + found
                    + " of " + n + " matched keys found)");
        }
        int[] rowOfPair = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rowOfPair[i] = Arrays.binarySearch(wanted, keys[i]);
        }
        return new SuppliedRows(columns, values, otherKeys, rowOfPair);
    }

    List<ColumnInfo> columns() {
        return columns;
    }

    int pairs() {
        return otherKeys.length;
    }

    /** Pair {@code i}: the other table's key, then the supplied row's values (Java types of {@link Column}). */
    Object[] row(int i) {
        Object[] row = new Object[values.length + 1];
        row[0] = otherKeys[i];
        int r = rowOfPair[i];
        for (int j = 0; j < values.length; j++) {
            row[j + 1] = values[j].get(r);
        }
        return row;
    }

    /**
     * One column of the matched rows: numbers and booleans as 64 bits each (integers as they
     * are, floating-point numbers as their raw IEEE bits, so every value comes back exactly),
     * strings as they are, NULLs in a bit set.
     */
    private static final class Column {
        private final String type;
        private final long[] bits;
        private final String[] strings;
        private final BitSet nulls = new BitSet();

        private Column(String type, int n) {
            this.type = type;
            boolean string = type.equals("VARCHAR");
            this.bits = string ? null : new long[n];
            this.strings = string ? new String[n] : null;
        }

        static Column of(String sqlType, int n) {
            return switch (sqlType) {
                case "BIGINT", "INTEGER", "SMALLINT", "REAL", "DOUBLE", "BOOLEAN", "VARCHAR" -> new Column(sqlType, n);
                default -> throw new IllegalArgumentException("Expected a type the engine can supply, actual " + sqlType);
            };
        }

        void read(ResultSet rs, int column, int row) throws SQLException {
            switch (type) {
                case "VARCHAR" -> strings[row] = rs.getString(column);
                case "DOUBLE" -> bits[row] = Double.doubleToRawLongBits(rs.getDouble(column));
                case "REAL" -> bits[row] = Float.floatToRawIntBits(rs.getFloat(column));
                case "BOOLEAN" -> bits[row] = rs.getBoolean(column) ? 1 : 0;
                default -> bits[row] = rs.getLong(column);
            }
            if (rs.wasNull()) {
                nulls.set(row);
            }
        }

        /** The value of {@code row} as the Java type H2 maps to the column's SQL type. */
        Object get(int row) {
            if (nulls.get(row)) {
                return null;
            }
            return switch (type) {
                case "VARCHAR" -> strings[row];
                case "DOUBLE" -> Double.longBitsToDouble(bits[row]);
                case "REAL" -> Float.intBitsToFloat((int) bits[row]);
                case "BOOLEAN" -> bits[row] != 0;
                case "INTEGER" -> (int) bits[row];
                case "SMALLINT" -> (short) bits[row];
                default -> bits[row];
            };
        }
    }
}
