// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.SqlNames;

/**
 * Reads the positions of a table ({@code key, hpx29, ra, dec[, radius]} of the rows whose HEALPix
 * index is not NULL), with one SQL scan or one pass over a {@link HeldTable}, and sorts them by
 * index. A NULL radius is read as NaN, which matches nothing, as {@code distance <= NULL} is never
 * true.
 */
final class PositionReader {
    private static final int FETCH = 10_000;

    private PositionReader() {
    }

    static TableRead read(Connection c, TableInfo table, String keyColumn, String radiusColumn)
            throws SQLException, IOException {
        var held = HeldTable.of(table.sqlName());
        if (held.isPresent()) {
            return read(held.get(), table, radiusColumn);
        }
        return read(c, table.schema(), table.sqlName(), table.position().orElseThrow(), keyColumn, radiusColumn);
    }

    static TableRead read(Connection c, String schema, String sqlName, PositionIndex p, String keyColumn,
                          String radiusColumn) throws SQLException {
        String sql = "SELECT " + SqlNames.quote(keyColumn) + ", " + SqlNames.quote(p.healpixColumn()) + ", "
                + SqlNames.quote(p.raColumn()) + ", " + SqlNames.quote(p.decColumn())
                + (radiusColumn == null ? "" : ", " + SqlNames.quote(radiusColumn))
                + " FROM " + SqlNames.table(schema, sqlName)
                + " WHERE " + SqlNames.quote(p.healpixColumn()) + " IS NOT NULL";
        Builder b = new Builder(radiusColumn != null);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double radius = Double.NaN;
                    if (radiusColumn != null) {
                        double r = rs.getDouble(5);
                        radius = rs.wasNull() ? Double.NaN : r;
                    }
                    b.add(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), radius);
                }
            }
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        return b.build();
    }

    /** The same rows from a held table: its row numbers are the keys. */
    private static TableRead read(HeldTable held, TableInfo table, String radiusColumn) throws IOException {
        PositionIndex p = table.position().orElseThrow();
        int hpx = index(table, p.healpixColumn());
        int ra = index(table, p.raColumn());
        int dec = index(table, p.decColumn());
        int radius = radiusColumn == null ? -1 : index(table, radiusColumn);
        Builder b = new Builder(radiusColumn != null);
        long key = 0;
        try (HeldTable.Rows rows = held.rows()) {
            while (rows.next()) {
                key++;
                if (rows.value(hpx) instanceof Long h) {
                    b.add(key, h, ((Number) rows.value(ra)).doubleValue(), ((Number) rows.value(dec)).doubleValue(),
                            radius < 0 || !(rows.value(radius) instanceof Number r) ? Double.NaN : r.doubleValue());
                }
            }
        }
        return b.build();
    }

    private static int index(TableInfo table, String column) {
        List<ColumnInfo> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Expected a column " + column + " in " + table.qualifiedName());
    }

    /** Grows the columns while reading, then sorts them by HEALPix index. */
    private static final class Builder {
        private long[] key = new long[1 << 12];
        private long[] hpx = new long[key.length];
        private double[] ra = new double[key.length];
        private double[] dec = new double[key.length];
        private double[] radius;
        private int n;

        Builder(boolean withRadius) {
            radius = withRadius ? new double[key.length] : null;
        }

        void add(long k, long h, double r, double d, double rad) {
            if (n == key.length) {
                int capacity = key.length * 2;
                key = Arrays.copyOf(key, capacity);
                hpx = Arrays.copyOf(hpx, capacity);
                ra = Arrays.copyOf(ra, capacity);
                dec = Arrays.copyOf(dec, capacity);
                radius = radius == null ? null : Arrays.copyOf(radius, capacity);
            }
            key[n] = k;
            hpx[n] = h;
            ra[n] = r;
            dec[n] = d;
            if (radius != null) {
                radius[n] = rad;
            }
            n++;
        }

        TableRead build() {
            int[] order = RadixSort.order(hpx, n);
            long[] h = new long[n];
            long[] k = new long[n];
            double[] r = new double[n];
            double[] d = new double[n];
            double[] rad = radius == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                int j = order[i];
                h[i] = hpx[j];
                k[i] = key[j];
                r[i] = ra[j];
                d[i] = dec[j];
                if (rad != null) {
                    rad[i] = radius[j];
                }
            }
            Positions positions = new Positions(n, LongBuffer.wrap(h), LongBuffer.wrap(k), DoubleBuffer.wrap(r),
                    DoubleBuffer.wrap(d));
            return new TableRead(positions, rad);
        }
    }
}
