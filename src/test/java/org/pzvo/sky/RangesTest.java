// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void unionMergesOverlappingNestedAndTouchingIntervals() {
        long[] los = {10, 0, 12, 30, 20, 40};
        long[] his = {20, 5, 15, 35, 25, 41};
        assertArrayEquals(new long[] {0, 5, 10, 25, 30, 35, 40, 41}, Ranges.union(los, his, 6));
        assertArrayEquals(new long[] {3, 9}, Ranges.union(new long[] {3, 5}, new long[] {5, 9}, 2));
        assertArrayEquals(new long[0], Ranges.union(new long[0], new long[0], 0));
    }

    @Test
    void unionAgreesWithABitmapOnRandomIntervals() {
        Random random = new Random(1);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(20);
            long[] los = new long[n];
            long[] his = new long[n];
            boolean[] covered = new boolean[200];
            for (int i = 0; i < n; i++) {
                los[i] = random.nextInt(190);
                his[i] = los[i] + 1 + random.nextInt(10);
                for (long k = los[i]; k < his[i]; k++) {
                    covered[(int) k] = true;
                }
            }
            long[] ranges = Ranges.union(los, his, n);
            assertNull(SkyTesting.checkWellFormed(ranges));
            for (int k = 0; k < 200; k++) {
                assertEquals(covered[k], SkyTesting.inRanges(ranges, k), "index " + k);
            }
        }
    }

    @Test
    void degradeFillsTheSmallestGapsAndStaysASuperset() {
        long[] ranges = {0, 10, 12, 20, 50, 60, 61, 70, 100, 110};
        assertArrayEquals(ranges, Ranges.degrade(ranges, 5));
        assertArrayEquals(new long[] {0, 20, 50, 70, 100, 110}, Ranges.degrade(ranges, 3));
        assertArrayEquals(new long[] {0, 20, 50, 110}, Ranges.degrade(ranges, 2));
        assertArrayEquals(new long[] {0, 110}, Ranges.degrade(ranges, 1));
        long[] ties = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new long[] {0, 1, 2, 7}, Ranges.degrade(ties, 2), "equal gaps: the leftmost are kept");
    }

    @Test
    void degradeIsOptimalAgainstBruteForceOnSmallCases() {
        Random random = new Random(2);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(6);
            long[] ranges = new long[2 * n];
            long at = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                ranges[2 * i] = at;
                at += 1 + random.nextInt(5);
                ranges[2 * i + 1] = at;
                at += 1 + random.nextInt(5);
            }
            int max = 1 + random.nextInt(n);
            long[] degraded = Ranges.degrade(ranges, max);
            assertNull(SkyTesting.checkWellFormed(degraded));
            assertTrue(degraded.length / 2 <= max);
            for (int k = 0; k < ranges.length; k += 2) {
                assertTrue(SkyTesting.inRanges(degraded, ranges[k]) && SkyTesting.inRanges(degraded, ranges[k + 1] - 1));
            }
            assertEquals(bestCover(ranges, max), covered(degraded));
        }
    }

    /** Brute force: the least coverage over every choice of gaps to keep. */
    private static long bestCover(long[] ranges, int max) {
        int n = ranges.length / 2;
        long best = Long.MAX_VALUE;
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            if (Integer.bitCount(mask) > max - 1) {
                continue;
            }
            long total = ranges[ranges.length - 1] - ranges[0];
            for (int i = 0; i < n - 1; i++) {
                if ((mask & (1 << i)) != 0) {
                    total -= ranges[2 * i + 2] - ranges[2 * i + 1];
                }
            }
            best = Math.min(best, total);
        }
        return best;
    }

    private static long covered(long[] ranges) {
        long total = 0;
        for (int k = 0; k < ranges.length; k += 2) {
            total += ranges[k + 1] - ranges[k];
        }
        return total;
    }
}
