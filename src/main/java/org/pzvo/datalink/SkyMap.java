// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.sky.SkyIndex;

/**
 * A partial HEALPix map held for rendering: sorted NESTED pixels at one order and their values
 * (12 bytes a pixel). Maps finer than {@value #MAX_ORDER} are averaged down to it while they are
 * streamed in, which bounds the memory of any preview. Immutable once built.
 */
final class SkyMap {
    /** The finest order kept for previews (pixels of 1.7 arcmin). */
    static final int MAX_ORDER = 11;
    /** The order at which catalog rows are counted before the density map is coarsened. */
    private static final int COUNT_ORDER = 9;

    final int order;
    final long[] pixels;
    final float[] values;

    SkyMap(int order, long[] pixels, float[] values) {
        this.order = order;
        this.pixels = pixels;
        this.values = values;
    }

    /**
     * The pixels of map {@code mapId} at {@code order} (its maps.map order): pixel_value where the
     * map has values, else the bit mask; streamed in pixel order.
     */
    static SkyMap ofMap(Connection c, String mapId, int order, boolean useMask) throws SQLException {
        Builder b = new Builder(Math.min(order, MAX_ORDER), 2 * (order - Math.min(order, MAX_ORDER)), false);
        try (PreparedStatement ps = c.prepareStatement("SELECT \"pixel\", \"" + (useMask ? "mask" : "pixel_value")
                + "\" FROM \"maps\".\"map_pixel\" WHERE \"map_id\" = ? ORDER BY \"pixel\"")) {
            ps.setFetchSize(10_000);
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(2);
                    if (!rs.wasNull()) {
                        b.add(rs.getLong(1), v);
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * The surface density of the rows of a positional table (rows per deg²), counted per cell of
     * the order-29 index column at order {@value #COUNT_ORDER}, then coarsened until a typical
     * occupied cell holds at least 8 rows (not below order 5).
     */
    static SkyMap densityOf(Connection c, TableMeta table) throws SQLException {
        PositionMeta pos = table.position().orElseThrow();
        long divisor = 1L << (2 * (SkyIndex.MAX_ORDER - COUNT_ORDER));
        String cell = SqlNames.quote(pos.healpix()) + " / " + divisor;
        Builder b = new Builder(COUNT_ORDER, 0, true);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + cell + ", COUNT(*) FROM " + SqlNames.table(table)
                + " WHERE " + SqlNames.quote(pos.healpix()) + " IS NOT NULL GROUP BY " + cell + " ORDER BY 1")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.add(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        SkyMap counts = b.build();
        while (counts.order > 5 && counts.pixels.length > 0 && counts.median() < 8) {
            counts = counts.degrade(counts.order - 1, true);
        }
        double cellAreaDeg2 = 4 * Math.PI * Math.pow(180 / Math.PI, 2) / (12L << (2 * counts.order));
        float[] density = new float[counts.values.length];
        for (int i = 0; i < density.length; i++) {
            density[i] = (float) (counts.values[i] / cellAreaDeg2);
        }
        return new SkyMap(counts.order, counts.pixels, density);
    }

    /** This map at a coarser order: the mean (or, for counts, the sum) of the pixels of each cell. */
    SkyMap degrade(int coarserOrder, boolean sum) {
        if (coarserOrder >= order) {
            return this;
        }
        Builder b = new Builder(coarserOrder, 2 * (order - coarserOrder), sum);
        for (int i = 0; i < pixels.length; i++) {
            b.add(pixels[i], values[i]);
        }
        return b.build();
    }

    /** The value at a position, NaN where the map has no pixel. */
    float valueAt(double raDeg, double decDeg) {
        int i = Arrays.binarySearch(pixels, SkyIndex.index(order, raDeg, decDeg));
        return i >= 0 ? values[i] : Float.NaN;
    }

    /** The value at quantile {@code q} in [0, 1] (from at most about a million samples). */
    double quantile(double q) {
        int step = Math.max(1, values.length / 1_000_000);
        float[] sample = new float[(values.length + step - 1) / step];
        for (int i = 0, j = 0; i < values.length; i += step) {
            sample[j++] = values[i];
        }
        Arrays.sort(sample);
        return sample.length == 0 ? Double.NaN : sample[(int) Math.round(q * (sample.length - 1))];
    }

    private double median() {
        return quantile(0.5);
    }

    /** Pixel area in square degrees. */
    double pixelAreaDeg2() {
        return 4 * Math.PI * Math.pow(180 / Math.PI, 2) / (12L << (2 * order));
    }

    /** Accumulates pixels given in ascending order, merging those of the same output cell. */
    private static final class Builder {
        private final int order;
        private final int shift;
        private long[] pixels = new long[1024];
        private float[] values = new float[1024];
        private int n;
        private long current = -1;
        private double sum;
        private int count;
        private final boolean summing;

        /** @param summing whether a cell gets the sum of its pixels (counts) rather than their mean */
        Builder(int order, int shift, boolean summing) {
            this.order = order;
            this.shift = shift;
            this.summing = summing;
        }

        void add(long finePixel, double value) {
            long cell = finePixel >> shift;
            if (cell != current) {
                flush();
                current = cell;
            }
            sum += value;
            count++;
        }

        private void flush() {
            if (count == 0) {
                return;
            }
            if (n == pixels.length) {
                pixels = Arrays.copyOf(pixels, 2 * n);
                values = Arrays.copyOf(values, 2 * n);
            }
            pixels[n] = current;
            values[n++] = (float) (summing ? sum : sum / count);
            sum = 0;
            count = 0;
        }

        SkyMap build() {
            flush();
            return new SkyMap(order, Arrays.copyOf(pixels, n), Arrays.copyOf(values, n));
        }
    }
}
