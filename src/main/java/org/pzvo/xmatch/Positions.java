// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.nio.DoubleBuffer;
import java.nio.LongBuffer;

/**
 * The positions of one table, sorted by their order-29 NESTED HEALPix index (DESIGN.md "HEALPix
 * everywhere"): four parallel columns {@code hpx29}, {@code key} (the row's unique integer key),
 * {@code raDeg}, {@code decDeg}, held in heap arrays or mapped from a {@link PositionFile}. Rows
 * without a position are not in the set. A coarse lookup table gives, for every cell at order
 * {@link #lookupOrder()}, the first row of that cell, so a range search touches one cell's rows.
 *
 * <p>Immutable and thread-safe once built: readers use absolute gets only.
 */
public final class Positions {
    /** The finest lookup order: 12 * 4^12 cells = 805 MB would be too many; 4^11 * 12 * 4 B = 201 MB is the cap. */
    private static final int MAX_LOOKUP_ORDER = 11;

    private final int size;
    private final LongBuffer hpx29;
    private final LongBuffer key;
    private final DoubleBuffer raDeg;
    private final DoubleBuffer decDeg;
    private final int lookupOrder;
    private final int lookupShift;
    private final int[] firstRow;

    Positions(int size, LongBuffer hpx29, LongBuffer key, DoubleBuffer raDeg, DoubleBuffer decDeg) {
        this.size = size;
        this.hpx29 = hpx29;
        this.key = key;
        this.raDeg = raDeg;
        this.decDeg = decDeg;
        // About four rows per lookup cell: the binary search inside a cell is then a few steps.
        int order = 0;
        while (order < MAX_LOOKUP_ORDER && 12L << (2 * (order + 1)) <= Math.max(12, size / 4)) {
            order++;
        }
        this.lookupOrder = order;
        this.lookupShift = 2 * (29 - order);
        int cells = 12 << (2 * order);
        this.firstRow = new int[cells + 1];
        int row = 0;
        for (int c = 0; c <= cells; c++) {
            long lo = (long) c << lookupShift;
            while (row < size && hpx29.get(row) < lo) {
                row++;
            }
            firstRow[c] = row;
        }
    }

    public int size() {
        return size;
    }

    long hpx29(int row) {
        return hpx29.get(row);
    }

    long key(int row) {
        return key.get(row);
    }

    double raDeg(int row) {
        return raDeg.get(row);
    }

    double decDeg(int row) {
        return decDeg.get(row);
    }

    int lookupOrder() {
        return lookupOrder;
    }

    /** The first row whose index is {@code >= lo} (order 29), or {@link #size()}. */
    int firstAtLeast(long lo) {
        if (lo <= 0) {
            return 0;
        }
        long cell = lo >>> lookupShift;
        if (cell >= firstRow.length - 1) {
            return size;
        }
        int a = firstRow[(int) cell];
        int b = firstRow[(int) cell + 1];
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (hpx29.get(mid) < lo) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }
}
