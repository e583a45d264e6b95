// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which pixels a cutout keeps: overlap of a pixel's order-29 range with the selection. */
class PixelSelectionTest {
    @Test
    void overlapAtTheEdgesOfHalfOpenRanges() {
        PixelSelection s = PixelSelection.of(new long[] {10, 20, 40, 41});
        assertFalse(s.overlaps(0, 10));
        assertTrue(s.overlaps(0, 11));
        assertTrue(s.overlaps(19, 25));
        assertFalse(s.overlaps(20, 40));
        assertTrue(s.overlaps(40, 41));
        assertFalse(s.overlaps(41, 100));
        assertTrue(s.overlaps(0, 1000));
        assertEquals(10, s.lo29());
        assertEquals(41, s.hi29());
    }

    @Test
    void emptyAndAllSky() {
        PixelSelection none = PixelSelection.of(new long[0]);
        assertFalse(none.overlaps(0, Long.MAX_VALUE));
        assertTrue(PixelSelection.ALL_SKY.overlaps((12L << 58) - 1, 12L << 58));
    }

    @Test
    void malformedRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PixelSelection.of(new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PixelSelection.of(new long[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> PixelSelection.of(new long[] {5, 9, 7, 12}));
    }
}
