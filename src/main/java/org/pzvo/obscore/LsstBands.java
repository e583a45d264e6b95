// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.util.List;

/**
 * Wavelength edges of the LSST ugrizy filters, in metres, as ObsCore em_min/em_max need them
 * (ObsCore 1.1 §4.18): u 320–400 nm, g 400–552 nm, r 552–691 nm, i 691–818 nm, z 818–922 nm,
 * y 950–1080 nm (Ivezić et al. 2019, ApJ 873, 111, "LSST: from science drivers to reference
 * design", filter bandpasses; LSST Science Book v2.0).
 */
public final class LsstBands {
    /** The bands, blue to red. */
    public static final List<String> BANDS = List.of("u", "g", "r", "i", "z", "y");
    private static final double[] MIN_M = {320e-9, 400e-9, 552e-9, 691e-9, 818e-9, 950e-9};
    private static final double[] MAX_M = {400e-9, 552e-9, 691e-9, 818e-9, 922e-9, 1080e-9};

    private LsstBands() {
    }

    /**
     * {em_min, em_max} in metres of one band, or of the whole ugrizy range when {@code band} is
     * null.
     *
     * @throws IllegalArgumentException for another band name
     */
    public static double[] edgesM(String band) {
        if (band == null) {
            return new double[] {MIN_M[0], MAX_M[MAX_M.length - 1]};
        }
        int k = BANDS.indexOf(band);
        if (k < 0) {
            throw new IllegalArgumentException("Expected an LSST band (u, g, r, i, z or y), actual " + band);
        }
        return new double[] {MIN_M[k], MAX_M[k]};
    }

    /** Whether {@code band} is one of ugrizy. */
    public static boolean isBand(String band) {
        return BANDS.contains(band);
    }
}
