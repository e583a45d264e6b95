// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.sql.PairRowColumns;

/**
 * The rows of one table that the engine's pairs reference ({@link org.pzvo.sql.PairRequest.Rows}),
 * read with one pass over the {@link HeldTable} in key order and held column by column (primitive arrays, a
 * bit set of NULLs), each matched row once however many pairs it is in; for each pair, the other
 * table's key and the index of its row. The SQL then joins only the other table.
 */
final class SuppliedRows {
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
     * Reads the rows of the held {@code table} whose key is among {@code keys} (the supplied side
     * of each pair; {@code otherKeys} the other side, in the order the pairs will be read).
     */
    static SuppliedRows read(HeldTable held, TableInfo table, long[] keys, long[] otherKeys, BooleanSupplier cancelled)
            throws IOException {
        // Keys are row numbers (1 .. rows): an array indexed by key marks the wanted rows (-2),
        // then holds their index among the matched rows, so no key is sorted or searched.
        long maxKey = 0;
        for (long k : keys) {
            if (k < 1) {
                throw new IllegalArgumentException("Expected row numbers from 1, actual " + k);
            }
            maxKey = Math.max(maxKey, k);
        }
        int[] rowOfKey = new int[Math.toIntExact(maxKey + 1)];
        Arrays.fill(rowOfKey, -1);
        int n = 0;
        for (long k : keys) {
            if (rowOfKey[(int) k] == -1) {
                rowOfKey[(int) k] = -2;
                n++;
            }
        }
        List<ColumnInfo> columns = table.columns();
        Column[] values = new Column[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Column.of(PairRowColumns.sqlType(columns.get(i)), n);
        }
        int found = 0;
        int key = 0;
        try (HeldTable.Rows rows = held.rows()) {
            while (found < n && rows.next()) {
                if (++key > maxKey || rowOfKey[key] != -2) {
                    continue;
                }
                for (int i = 0; i < values.length; i++) {
                    values[i].set(found, rows.value(i));
                }
                rowOfKey[key] = found++;
                if ((found & 0xffff) == 0 && cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("the cross-match was cancelled");
                }
            }
        }
        if (found < n) {
            throw new IllegalStateException("Table " + table.qualifiedName() + " has fewer rows than its pairs name ("
                    + found + " of " + n + " matched keys found)");
        }
        int[] rowOfPair = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rowOfPair[i] = rowOfKey[(int) keys[i]];
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
        /** The SQL types the engine can supply (the names {@link PairRowColumns#sqlType} gives). */
        private enum Kind { BIGINT, INTEGER, SMALLINT, REAL, DOUBLE, BOOLEAN, VARCHAR }

        private final Kind kind;
        private final long[] bits;
        private final String[] strings;
        private final BitSet nulls = new BitSet();

        private Column(Kind kind, int n) {
            this.kind = kind;
            this.bits = kind == Kind.VARCHAR ? null : new long[n];
            this.strings = kind == Kind.VARCHAR ? new String[n] : null;
        }

        static Column of(String sqlType, int n) {
            try {
                return new Column(Kind.valueOf(sqlType), n);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Expected a type the engine can supply, actual " + sqlType, e);
            }
        }

        /** Sets {@code row} to {@code v}: null, or a value of the column's SQL type. */
        void set(int row, Object v) {
            if (v == null) {
                nulls.set(row);
                return;
            }
            switch (kind) {
                case VARCHAR -> strings[row] = v.toString();
                case DOUBLE -> bits[row] = Double.doubleToRawLongBits(((Number) v).doubleValue());
                case REAL -> bits[row] = Float.floatToRawIntBits(((Number) v).floatValue());
                case BOOLEAN -> bits[row] = (Boolean) v ? 1 : 0;
                default -> bits[row] = ((Number) v).longValue();
            }
        }

        /** The value of {@code row} as the Java type H2 maps to the column's SQL type. */
        Object get(int row) {
            if (nulls.get(row)) {
                return null;
            }
            return switch (kind) {
                case VARCHAR -> strings[row];
                case DOUBLE -> Double.longBitsToDouble(bits[row]);
                case REAL -> Float.intBitsToFloat((int) bits[row]);
                case BOOLEAN -> bits[row] != 0;
                case INTEGER -> (int) bits[row];
                case SMALLINT -> (short) bits[row];
                case BIGINT -> bits[row];
            };
        }
    }
}
