// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import cds.healpix.FlatHashList;
import cds.healpix.Healpix;
import cds.healpix.NeighbourSelector;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.pzvo.sky.Spherical;

/**
 * The cross-match merge: every pair (probe row, target row) whose great-circle distance is within
 * the radius, exactly as the SQL of the positional join decides it. For each probe row, the target
 * rows are looked up in the probe's cell at the order whose cells are larger than the radius and in
 * the 8 (or 7) neighbours of that cell (CDS {@link Healpix#getBestStartingDepth}: the cone lies in
 * those cells), as HEALPix ranges of the sorted target; each candidate gets the distance test of
 * {@code pzvo_distance} ({@link Spherical#distanceDeg}) with the arguments in the order the query
 * wrote them, since the formula is not bitwise symmetric.
 *
 * <p>Probe rows are processed in parallel chunks; the pairs come out grouped by probe row, in the
 * probes' order. Thread-safe: no shared mutable state.
 */
final class Matcher {
    private static final int CHUNK = 1 << 15;

    /** What is matched: a NaN {@code radiusDeg} means per-probe radii in {@code probeRadiusDeg}. */
    record Spec(Positions probe, double[] probeRadiusDeg, double radiusDeg, Positions target, boolean probeFirst,
                boolean strict) {
    }

    private Matcher() {
    }

    /** The matching pairs as (probe key, target key); polls {@code cancelled} between chunks. */
    static Pairs match(Spec spec, BooleanSupplier cancelled) {
        int n = spec.probe().size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        Pairs[] parts = new Pairs[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cross-match cancelled");
            }
            parts[c] = chunk(spec, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
        });
        return Pairs.concat(List.of(parts));
    }

    private static Pairs chunk(Spec spec, int from, int to) {
        Positions probe = spec.probe();
        Positions target = spec.target();
        Pairs out = new Pairs(Math.max(16, to - from));
        NeighbourSelector[] selectors = new NeighbourSelector[30];
        FlatHashList neighbours = new FlatHashList(29, 8);
        long[] los = new long[9];
        long[] his = new long[9];
        int constantDepth = Double.isNaN(spec.radiusDeg()) ? 0 : depth(spec.radiusDeg());
        for (int i = from; i < to; i++) {
            double radiusDeg = Double.isNaN(spec.radiusDeg()) ? spec.probeRadiusDeg()[i] : spec.radiusDeg();
            if (!(radiusDeg >= 0)) {
                continue; // NULL, NaN or negative: no distance is within it
            }
            int depth = Double.isNaN(spec.radiusDeg()) ? depth(radiusDeg) : constantDepth;
            double ra = probe.raDeg(i);
            double dec = probe.decDeg(i);
            long key = probe.key(i);
            int ranges;
            if (depth < 0) {
                los[0] = 0;
                his[0] = 12L << 58;
                ranges = 1;
            } else {
                int shift = 2 * (29 - depth);
                long cell = probe.hpx29(i) >>> shift;
                if (selectors[depth] == null) {
                    selectors[depth] = Healpix.getNested(depth).newNeighbourSelector();
                }
                neighbours.clear();
                selectors[depth].neighbours(cell, neighbours);
                los[0] = cell << shift;
                his[0] = (cell + 1) << shift;
                ranges = 1;
                for (int k = 0; k < neighbours.size(); k++) {
                    long c = neighbours.get(k);
                    los[ranges] = c << shift;
                    his[ranges] = (c + 1) << shift;
                    ranges++;
                }
                ranges = merge(los, his, ranges);
            }
            for (int k = 0; k < ranges; k++) {
                long hi = his[k];
                for (int t = target.firstAtLeast(los[k]); t < target.size() && target.hpx29(t) < hi; t++) {
                    double d = spec.probeFirst()
                            ? Spherical.distanceDeg(ra, dec, target.raDeg(t), target.decDeg(t))
                            : Spherical.distanceDeg(target.raDeg(t), target.decDeg(t), ra, dec);
                    if (spec.strict() ? d < radiusDeg : d <= radiusDeg) {
                        out.add(key, target.key(t));
                    }
                }
            }
        }
        return out;
    }

    /** The order whose cell and neighbours cover a cone of this radius, or -1 for the whole sky. */
    static int depth(double radiusDeg) {
        return Healpix.getBestStartingDepth(Math.toRadians(radiusDeg));
    }

    /** Sorts the ranges by start and merges touching ones; returns the new count. */
    private static int merge(long[] los, long[] his, int count) {
        for (int i = 1; i < count; i++) {
            long lo = los[i];
            long hi = his[i];
            int j = i - 1;
            while (j >= 0 && los[j] > lo) {
                los[j + 1] = los[j];
                his[j + 1] = his[j];
                j--;
            }
            los[j + 1] = lo;
            his[j + 1] = hi;
        }
        int out = 0;
        for (int i = 1; i < count; i++) {
            if (los[i] <= his[out]) {
                his[out] = Math.max(his[out], his[i]);
            } else {
                out++;
                los[out] = los[i];
                his[out] = his[i];
            }
        }
        return count == 0 ? 0 : out + 1;
    }

    /** Growable pair columns. */
    static final class Pairs {
        private long[] first;
        private long[] second;
        private int size;

        Pairs(int capacity) {
            first = new long[capacity];
            second = new long[capacity];
        }

        void add(long a, long b) {
            if (size == first.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, first.length * 2L);
                if (grown == size) {
                    throw new IllegalStateException("more than " + size + " pairs");
                }
                first = java.util.Arrays.copyOf(first, grown);
                second = java.util.Arrays.copyOf(second, grown);
            }
            first[size] = a;
            second[size] = b;
            size++;
        }

        int size() {
            return size;
        }

        long first(int i) {
            return first[i];
        }

        long second(int i) {
            return second[i];
        }

        static Pairs concat(List<Pairs> parts) {
            long total = 0;
            for (Pairs p : parts) {
                total += p.size;
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " pairs");
            }
            Pairs all = new Pairs((int) Math.max(1, total));
            for (Pairs p : parts) {
                System.arraycopy(p.first, 0, all.first, all.size, p.size);
                System.arraycopy(p.second, 0, all.second, all.size, p.size);
                all.size += p.size;
            }
            return all;
        }
    }
}
