// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.Arrays;

/**
 * A set of sky cells as sorted, merged, flattened half-open ranges of order-29 NESTED indexes
 * ({@code [lo0, hi0, lo1, hi1, ...]}, as {@code org.pzvo.sky.Coverage} returns them): which pixels
 * of a map a cutout keeps. A pixel is kept when its own order-29 range overlaps the set.
 * Immutable (the array is copied).
 */
public final class PixelSelection {
    /** Every pixel. */
    public static final PixelSelection ALL_SKY = new PixelSelection(new long[] {0, 12L << 58});

    private final long[] ranges29;

    private PixelSelection(long[] ranges29) {
        this.ranges29 = ranges29;
    }

    /**
     * @throws IllegalArgumentException unless the array holds an even number of sorted,
     *     non-overlapping, non-empty ranges
     */
    public static PixelSelection of(long[] ranges29) {
        if (ranges29.length % 2 != 0) {
            throw new IllegalArgumentException("Expected [lo, hi) pairs, actual " + ranges29.length + " values");
        }
        for (int i = 0; i < ranges29.length; i += 2) {
            if (ranges29[i] >= ranges29[i + 1] || (i > 0 && ranges29[i] < ranges29[i - 1])) {
                throw new IllegalArgumentException("Expected sorted non-empty ranges, actual " + Arrays.toString(
                        Arrays.copyOfRange(ranges29, Math.max(0, i - 2), i + 2)));
            }
        }
        return new PixelSelection(ranges29.clone());
    }

    /** Start of the first range (0 when empty). */
    long lo29() {
        return ranges29.length == 0 ? 0 : ranges29[0];
    }

    /** End of the last range (0 when empty). */
    long hi29() {
        return ranges29.length == 0 ? 0 : ranges29[ranges29.length - 1];
    }

    /** Whether {@code [lo, hi)} overlaps one of the ranges. */
    boolean overlaps(long lo, long hi) {
        // The first range whose end lies beyond lo, by binary search over the range ends.
        int a = 0;
        int b = ranges29.length / 2;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (ranges29[2 * mid + 1] <= lo) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a < ranges29.length / 2 && ranges29[2 * a] < hi;
    }
}
