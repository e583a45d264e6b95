// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MocTest {
    @Test
    void completeSiblingsMergeIntoTheirParent() {
        assertEquals("0/0 1/5", Moc.ascii(new long[] {0, 1, 2, 3, 5}, 1));
    }

    @Test
    void consecutiveCellsBecomeRanges() {
        assertEquals("2/5-7 9", Moc.ascii(new long[] {5, 6, 7, 9}, 2));
    }

    @Test
    void mergingCascadesAndTheDeepestOrderIsAlwaysWritten() {
        long[] all = new long[16];
        for (int i = 0; i < 16; i++) {
            all[i] = 16 + i;
        }
        assertEquals("0/1 2/", Moc.ascii(all, 2));
    }
}
