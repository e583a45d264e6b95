// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.SqlNames;

/**
 * Reads the positions of a table with one SQL scan ({@code key, hpx29, ra, dec[, radius]} of the
 * rows whose HEALPix index is not NULL) and sorts them by index. A NULL radius is read as NaN,
 * which matches nothing, as {@code distance <= NULL} is never true.
 */
final class PositionReader {
    private static final int FETCH = 10_000;

    private PositionReader() {
    }

    static TableRead read(Connection c, TableInfo table, String keyColumn, String radiusColumn) throws SQLException {
        return read(c, table.schema(), table.sqlName(), table.position().orElseThrow(), keyColumn, radiusColumn);
    }

    static TableRead read(Connection c, String schema, String sqlName, PositionIndex p, String keyColumn,
                          String radiusColumn) throws SQLException {
        String sql = "SELECT " + SqlNames.quote(keyColumn) + ", " + SqlNames.quote(p.healpixColumn()) + ", "
                + SqlNames.quote(p.raColumn()) + ", " + SqlNames.quote(p.decColumn())
                + (radiusColumn == null ? "" : ", " + SqlNames.quote(radiusColumn))
                + " FROM " + SqlNames.table(schema, sqlName)
                + " WHERE " + SqlNames.quote(p.healpixColumn()) + " IS NOT NULL";
        int capacity = 1 << 12;
        long[] key = new long[capacity];
        long[] hpx = new long[capacity];
        double[] ra = new double[capacity];
        double[] dec = new double[capacity];
        double[] radius = radiusColumn == null ? null : new double[capacity];
        int n = 0;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (n == key.length) {
                        capacity = key.length * 2;
                        key = Arrays.copyOf(key, capacity);
                        hpx = Arrays.copyOf(hpx, capacity);
                        ra = Arrays.copyOf(ra, capacity);
                        dec = Arrays.copyOf(dec, capacity);
                        radius = radius == null ? null : Arrays.copyOf(radius, capacity);
                    }
                    key[n] = rs.getLong(1);
                    hpx[n] = rs.getLong(2);
                    ra[n] = rs.getDouble(3);
                    dec[n] = rs.getDouble(4);
                    if (radius != null) {
                        double r = rs.getDouble(5);
                        radius[n] = rs.wasNull() ? Double.NaN : r;
                    }
                    n++;
                }
            }
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
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
