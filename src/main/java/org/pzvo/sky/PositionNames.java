// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The usual names of an equatorial position's columns (ra/dec, raj2000/dej2000, coord_ra/coord_dec,
 * ...), for tables whose columns carry no UCD: TAP uploads and user products find their position
 * by these names, compared case-insensitively, in this order of preference.
 */
public final class PositionNames {
    private static final List<String[]> PAIRS = List.of(
            new String[] {"ra", "dec"}, new String[] {"raj2000", "dej2000"}, new String[] {"raj2000", "decj2000"},
            new String[] {"ra_icrs", "de_icrs"}, new String[] {"ra_icrs", "dec_icrs"}, new String[] {"ra_deg", "dec_deg"},
            new String[] {"ra2000", "dec2000"}, new String[] {"coord_ra", "coord_dec"}, new String[] {"alpha", "delta"},
            new String[] {"ra_j2000", "dec_j2000"}, new String[] {"s_ra", "s_dec"});

    private PositionNames() {
    }

    /**
     * The indexes {ra, dec} into {@code names} of the first usual pair present (each column
     * accepted by {@code usable}, e.g. numeric), or {-1, -1}.
     */
    public static int[] find(List<String> names, IntPredicate usable) {
        for (String[] pair : PAIRS) {
            int ra = index(names, pair[0], usable);
            int dec = index(names, pair[1], usable);
            if (ra >= 0 && dec >= 0) {
                return new int[] {ra, dec};
            }
        }
        return new int[] {-1, -1};
    }

    private static int index(List<String> names, String name, IntPredicate usable) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name) && usable.test(i)) {
                return i;
            }
        }
        return -1;
    }
}
