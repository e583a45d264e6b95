// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VOUnits conversion factors for IN_UNIT. */
class UnitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "deg, arcsec, 3600",
        "deg, rad, 0.017453292519943295",
        "arcsec, mas, 1000",
        "mas/yr, rad/yr, 4.84813681109536e-9",
        "mas.yr-1, arcsec/yr, 0.001",
        "km/s, m/s, 1000",
        "nJy, Jy, 1e-9",
        "Jy, erg/s/cm2/Hz, 1e-23",
        "deg**2, arcmin2, 3600",
        "Angstrom, nm, 0.1",
        "kpc, pc, 1000",
        "Gyr, yr, 1e9",
        "h, s, 3600",
    })
    void factors(String from, String to, double expected) {
        assertEquals(expected, Units.factor(from, to), Math.abs(expected) * 1e-12);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "deg, m, '''deg'' cannot be converted to ''m'''",
        "mag, Jy, unknown unit 'mag'",
        "m, furlong, unknown unit 'furlong'",
        "m//s, m, unknown unit 'm//s'",
    })
    void refusals(String from, String to, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.factor(from, to));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void knownUnits() {
        assertTrue(Units.isKnown("mJy"));
        assertFalse(Units.isKnown("dex"));
    }
}
