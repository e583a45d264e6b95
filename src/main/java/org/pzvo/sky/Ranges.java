// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.util.Arrays;

/**
 * Sorted, merged, flattened half-open ranges of order-29 NESTED indexes
 * ({@code [lo0, hi0, lo1, hi1, ...]}), kept as {@code long[]} (never boxed).
 * A cell p at order k is the range {@code [p << 2(29-k), (p+1) << 2(29-k))}.
 */
final class Ranges {
    /** Exclusive upper bound of order-29 indexes: 12 * 4^29. */
    static final long END = 12L << (2 * SkyIndex.MAX_ORDER);
    /** The whole sky. */
    static final long[] ALL_SKY = {0, END};

    /** The per-order shift 2 (29 - k), filled eagerly. */
    private static final int[] SHIFT = new int[SkyIndex.MAX_ORDER + 1];

    static {
        for (int order = 0; order <= SkyIndex.MAX_ORDER; order++) {
            SHIFT[order] = 2 * (SkyIndex.MAX_ORDER - order);
        }
    }

    private Ranges() {
    }

    static long lo(int order, long cell) {
        return cell << SHIFT[order];
    }

    static long hi(int order, long cell) {
        return (cell + 1) << SHIFT[order];
    }

    /**
     * The union of n intervals {@code [los[i], his[i])}, which may overlap or nest, as a merged
     * flattened range list (adjacent ranges are joined). The input arrays are sorted in place.
     */
    static long[] union(long[] los, long[] his, int n) {
        Arrays.sort(los, 0, n);
        Arrays.sort(his, 0, n);
        long[] out = new long[2 * n];
        int size = 0;
        int open = 0;
        int i = 0;
        int j = 0;
        // A sweep over start and end events; starts go first at ties, so touching ranges merge.
        while (i < n) {
            if (los[i] <= his[j]) {
                if (open == 0) {
                    if (size > 0 && out[size - 1] == los[i]) {
                        size--;
                    } else {
                        out[size++] = los[i];
                    }
                }
                open++;
                i++;
            } else {
                open--;
                if (open == 0) {
                    out[size++] = his[j];
                }
                j++;
            }
        }
        if (n > 0) {
            out[size++] = his[n - 1];
        }
        return Arrays.copyOf(out, size);
    }

    /**
     * Reduces merged ranges to at most {@code maxRanges} by filling the smallest gaps between
     * consecutive ranges: the result is a superset, and among all supersets made of that many
     * ranges it covers the fewest indexes (any such superset must fill all but maxRanges - 1 gaps).
     */
    static long[] degrade(long[] ranges, int maxRanges) {
        int n = ranges.length / 2;
        if (n <= maxRanges) {
            return ranges;
        }
        long[] gaps = new long[n - 1];
        for (int i = 0; i < n - 1; i++) {
            gaps[i] = ranges[2 * i + 2] - ranges[2 * i + 1];
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        int keep = maxRanges - 1;
        // Keep the gaps strictly above the threshold, then ties from the left, keep in all.
        long threshold = keep == 0 ? Long.MAX_VALUE : sorted[sorted.length - keep];
        int above = 0;
        for (long gap : gaps) {
            if (gap > threshold) {
                above++;
            }
        }
        int tiesToKeep = keep - above;
        long[] out = new long[2 * maxRanges];
        int size = 0;
        out[size++] = ranges[0];
        for (int i = 0; i < n - 1; i++) {
            boolean keepGap = gaps[i] > threshold || (gaps[i] == threshold && tiesToKeep-- > 0);
            if (keepGap) {
                out[size++] = ranges[2 * i + 1];
                out[size++] = ranges[2 * i + 2];
            }
        }
        out[size++] = ranges[ranges.length - 1];
        return Arrays.copyOf(out, size);
    }
}
