// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The VOUnits (VOUnits 1.0) that IN_UNIT converts between: a unit is a quantity and a factor to
 * that quantity's reference unit. Conversion multiplies by {@code from.factor / to.factor}.
 */
final class Units {
    /** A unit: what it measures and how many reference units one of it is. */
    record Unit(String quantity, double factor) {
    }

    private static final double DEG = Math.PI / 180;
    private static final double PC_M = 3.0856775814913673e16;
    private static final double DAY_S = 86400;
    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        angle("rad", 1);
        angle("deg", DEG);
        angle("arcmin", DEG / 60);
        angle("arcsec", DEG / 3600);
        angle("mas", DEG / 3.6e6);
        angle("uas", DEG / 3.6e9);
        put("sr", "solid angle", 1);
        put("deg**2", "solid angle", DEG * DEG);
        put("arcmin**2", "solid angle", DEG * DEG / 3600);
        put("arcsec**2", "solid angle", DEG * DEG / 1.296e7);
        put("m", "length", 1);
        put("km", "length", 1e3);
        put("AU", "length", 1.495978707e11);
        put("au", "length", 1.495978707e11);
        put("pc", "length", PC_M);
        put("kpc", "length", PC_M * 1e3);
        put("Mpc", "length", PC_M * 1e6);
        put("Gpc", "length", PC_M * 1e9);
        put("s", "time", 1);
        put("ms", "time", 1e-3);
        put("min", "time", 60);
        put("h", "time", 3600);
        put("d", "time", DAY_S);
        put("yr", "time", 365.25 * DAY_S);
        put("a", "time", 365.25 * DAY_S);
        put("Jy", "spectral flux density", 1);
        put("mJy", "spectral flux density", 1e-3);
        put("uJy", "spectral flux density", 1e-6);
        put("nJy", "spectral flux density", 1e-9);
    }

    private Units() {
    }

    private static void angle(String name, double factor) {
        put(name, "angle", factor);
    }

    private static void put(String name, String quantity, double factor) {
        UNITS.put(name, new Unit(quantity, factor));
    }

    /** The unit named exactly {@code name} (VOUnits are case-sensitive: mJy is not MJy). */
    static Optional<Unit> of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(UNITS.get(name.trim()));
    }

    /** The known unit names, for messages. */
    static String known() {
        return String.join(", ", UNITS.keySet());
    }
}
