// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StcsRegionTest {
    @Test
    void storedShapesPrintAsStcs() {
        assertEquals("POSITION ICRS 10.5 -20.0", StcsRegion.format(new double[] {10.5, -20}));
        assertEquals("CIRCLE ICRS 10.5 -20.0 0.25", StcsRegion.format(new double[] {10.5, -20, 0.25}));
        assertEquals("POLYGON ICRS 1.0 2.0 3.0 2.0 3.0 4.0", StcsRegion.format(new double[] {1, 2, 3, 2, 3, 4}));
        assertNull(StcsRegion.format(null));
    }

    @Test
    void printedShapesParseBackExactly() {
        double[] polygon = {359.99999999999994, -89.5, 0.1, -89.5, 120.00000000000001, -88.25};
        StcsRegion.Shape shape = StcsRegion.parse(StcsRegion.format(polygon)).orElseThrow();
        assertEquals(StcsRegion.Kind.POLYGON, shape.kind());
        assertArrayEquals(polygon, shape.numbers());
    }

    @Test
    void frameAndReferencePositionAreOptionalAndCaseIsIgnored() {
        StcsRegion.Shape c = StcsRegion.parse("  circle  icrs geocenter 1 2 3 ").orElseThrow();
        assertEquals(StcsRegion.Kind.CIRCLE, c.kind());
        assertArrayEquals(new double[] {1, 2, 3}, c.numbers());
        assertEquals(StcsRegion.Kind.BOX, StcsRegion.parse("BOX 1 2 3 4").orElseThrow().kind());
    }

    @Test
    void otherFramesShapesAndSizesAreRefused() {
        for (String bad : new String[] {"", "POLYGON FK5 1 2 3 4 5 6", "POLYGON ICRS 1 2 3 4 5", "POLYGON ICRS 1 2 3 4",
            "CIRCLE ICRS 1 2", "POSITION 1 2 3", "UNION ICRS (CIRCLE 1 2 3)", "CIRCLE ICRS 1 NaN 3",
            "CIRCLE ICRS 1 2 Infinity", "ELLIPSE ICRS 1 2 3 4 5"}) {
            assertTrue(StcsRegion.parse(bad).isEmpty(), bad);
        }
    }
}
