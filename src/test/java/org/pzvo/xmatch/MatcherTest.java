// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.sky.SkyIndex;
import org.pzvo.sky.Spherical;

/**
 * The merge against a brute-force double loop with the same distance function, on clustered
 * positions at both poles and across RA 0/360, constant and per-row radii, strict and not; the
 * radix sort; and the position file written, mapped and read back.
 */
class MatcherTest {
    @TempDir
    Path dir;

    private static double[][] cluster(SplittableRandom rng, int n) {
        double[][] centres = {{0, 90}, {77, -90}, {0, 0}, {359.9999, 45}, {200, -60}};
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % centres.length];
            double dec = Math.max(-90, Math.min(90, c[1] + (rng.nextDouble() - 0.5) * 0.02));
            double ra = (c[0] + (rng.nextDouble() - 0.5) * 0.02 + 360) % 360;
            out[i] = new double[] {ra, dec};
        }
        return out;
    }

    private static TableRead read(double[][] p, double[] radius) {
        int n = p.length;
        long[] hpx = new long[n];
        int[] order;
        for (int i = 0; i < n; i++) {
            hpx[i] = SkyIndex.hpx29(p[i][0], p[i][1]);
        }
        order = RadixSort.order(hpx, n);
        long[] h = new long[n];
        long[] k = new long[n];
        double[] r = new double[n];
        double[] d = new double[n];
        double[] rad = radius == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            h[i] = hpx[j];
            k[i] = j;
            r[i] = p[j][0];
            d[i] = p[j][1];
            if (rad != null) {
                rad[i] = radius[j];
            }
            assertTrue(i == 0 || h[i - 1] <= h[i], "sorted");
        }
        return new TableRead(new Positions(n, LongBuffer.wrap(h), LongBuffer.wrap(k), DoubleBuffer.wrap(r),
                DoubleBuffer.wrap(d)), rad);
    }

    @Test
    void pairsAreThoseOfTheBruteForce() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] a = cluster(rng, 700);
        double[][] b = cluster(rng, 1500);
        double[] radius = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            radius[i] = i % 17 == 0 ? Double.NaN : rng.nextDouble() * 0.003;
        }
        TableRead ta = read(a, radius);
        TableRead tb = read(b, null);
        for (double r : new double[] {1e-5, 3e-4, 0.003, 0.05, Double.NaN}) {
            for (boolean strict : new boolean[] {false, true}) {
                for (boolean probeFirst : new boolean[] {false, true}) {
                    TreeSet<String> expected = new TreeSet<>();
                    for (int i = 0; i < a.length; i++) {
                        double ri = Double.isNaN(r) ? radius[i] : r;
                        for (int j = 0; j < b.length; j++) {
                            double d = probeFirst ? Spherical.distanceDeg(a[i][0], a[i][1], b[j][0], b[j][1])
                                    : Spherical.distanceDeg(b[j][0], b[j][1], a[i][0], a[i][1]);
                            if (strict ? d < ri : d <= ri) {
                                expected.add(i + "-" + j);
                            }
                        }
                    }
                    Matcher.Pairs pairs = Matcher.match(new Matcher.Spec(ta.positions(), ta.radiusDeg(), r,
                            tb.positions(), probeFirst, strict), () -> false);
                    TreeSet<String> actual = new TreeSet<>();
                    for (int i = 0; i < pairs.size(); i++) {
                        actual.add(pairs.first(i) + "-" + pairs.second(i));
                    }
                    assertEquals(expected, actual, "radius " + r + " strict " + strict + " probeFirst " + probeFirst);
                    assertTrue(r != 0.05 || expected.size() > 10_000, "dense enough: " + expected.size());
                }
            }
        }
    }

    @Test
    void radixSortOrdersUnsignedKeysStably() {
        long[] keys = {5, 1L << 61, 0, 5, 3, -1 ^ Long.MIN_VALUE, 7L << 33, 1};
        int[] order = RadixSort.order(keys, keys.length);
        assertArrayEquals(new int[] {2, 7, 4, 0, 3, 6, 1, 5}, order);
    }

    @Test
    void positionFileRoundTripsAndRefusesOtherFiles() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        TableRead t = read(cluster(rng, 5000), null);
        Path file = dir.resolve("s.t.pos");
        PositionFile.write(file, t.positions(), new PositionFile.Fingerprint(5000, 0, 4999));
        PositionFile.Mapped m = PositionFile.open(file).orElseThrow();
        assertEquals(new PositionFile.Fingerprint(5000, 0, 4999), m.fingerprint());
        assertEquals(5000, m.positions().size());
        for (int i = 0; i < 5000; i++) {
            assertEquals(t.positions().hpx29(i), m.positions().hpx29(i));
            assertEquals(t.positions().key(i), m.positions().key(i));
            assertEquals(t.positions().raDeg(i), m.positions().raDeg(i));
            assertEquals(t.positions().decDeg(i), m.positions().decDeg(i));
        }
        for (long lo : new long[] {0, t.positions().hpx29(1234), t.positions().hpx29(1234) + 1, 12L << 58}) {
            int first = m.positions().firstAtLeast(lo);
            assertTrue(first == 5000 || m.positions().hpx29(first) >= lo);
            assertTrue(first == 0 || m.positions().hpx29(first - 1) < lo);
        }
        java.nio.file.Files.write(dir.resolve("bad.pos"), new byte[100]);
        assertTrue(PositionFile.open(dir.resolve("bad.pos")).isEmpty());
        assertTrue(PositionFile.open(dir.resolve("missing.pos")).isEmpty());
    }
}
