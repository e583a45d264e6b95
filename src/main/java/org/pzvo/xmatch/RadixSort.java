// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

/**
 * The stable sorting permutation of long keys in unsigned order (HEALPix indexes, below 2^62, or
 * signed keys with the sign bit flipped): an LSD radix sort on 11-bit digits, skipping the digits
 * in which all keys agree. Linear time, no boxing.
 */
final class RadixSort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private RadixSort() {
    }

    /** {@code order} such that the keys at {@code order[0], order[1], ...} ascend (unsigned), ties in input order. */
    static int[] order(long[] keys, int size) {
        int[] order = new int[size];
        int[] next = new int[size];
        long[] k = new long[size];
        long[] kNext = new long[size];
        long or = 0;
        long and = -1;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            k[i] = keys[i];
            or |= keys[i];
            and &= keys[i];
        }
        long varying = or ^ (size == 0 ? 0 : and);
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            if (((varying >>> shift) & (RADIX - 1)) == 0) {
                continue;
            }
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < size; i++) {
                count[(int) ((k[i] >>> shift) & (RADIX - 1)) + 1]++;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < size; i++) {
                int dest = count[(int) ((k[i] >>> shift) & (RADIX - 1))]++;
                next[dest] = order[i];
                kNext[dest] = k[i];
            }
            int[] t = order;
            order = next;
            next = t;
            long[] tk = k;
            k = kNext;
            kNext = tk;
        }
        return order;
    }
}
