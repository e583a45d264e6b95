// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Locale;
import java.util.Set;

/**
 * Coordinate-system strings (ADQL 2.1 §4.2.1, STC-S): pzvo serves ICRS only (DESIGN.md), so a
 * geometry in another frame is an error. Accepted coordinate systems: the empty string, {@code ICRS}
 * and ICRS followed by a reference position or flavour ({@code 'ICRS GEOCENTER'},
 * {@code 'ICRS TOPOCENTER SPHERICAL2'}), case-insensitively. REGION strings are refused when they
 * name another STC-S frame anywhere.
 */
final class Frames {
    /** STC-S frame names other than ICRS. */
    private static final Set<String> OTHER_FRAMES = Set.of("FK4", "FK5", "J2000", "B1950", "ECLIPTIC",
            "GALACTIC", "GALACTIC_II", "SUPER_GALACTIC", "GEO_C", "GEO_D", "UNKNOWNFRAME");

    private Frames() {
    }

    /** The offending frame word of a coordsys argument, or null when it is acceptable. */
    static String badCoordSys(String coordSys) {
        String s = coordSys.trim();
        if (s.isEmpty()) {
            return null;
        }
        String first = s.split("\\s+")[0];
        return first.equalsIgnoreCase("ICRS") ? null : first;
    }

    /** The frame word of an STC-S region string other than ICRS, or null (ADQL 2.1 §4.2.10). */
    static String badRegionFrame(String stcs) {
        for (String word : stcs.trim().split("[\\s()]+")) {
            if (OTHER_FRAMES.contains(word.toUpperCase(Locale.ROOT))) {
                return word;
            }
        }
        return null;
    }
}
