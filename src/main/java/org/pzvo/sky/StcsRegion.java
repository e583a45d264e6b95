// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADQL REGION values as STC-S text (TAP 1.0 §6, the form ADQL 2.1 §4.2.13 and ObsCore 1.1 use
 * for {@code s_region}). A REGION column is stored as the DOUBLE PRECISION array of its shape in
 * DALI order — point [ra, dec], circle [ra, dec, r], polygon [ra1, dec1, ...] — so that geometry
 * functions apply to it directly; this class is the one place where that array becomes text and
 * back. Frame ICRS only (the one frame served); reference positions are accepted and dropped.
 */
public final class StcsRegion {
    /** Shapes of the STC-S subset understood here. */
    public enum Kind { POSITION, CIRCLE, BOX, POLYGON }

    /** A parsed STC-S region: its kind and its numbers in order, degrees. */
    public record Shape(Kind kind, double[] numbers) {
    }

    private StcsRegion() {
    }

    /** The STC-S text of a stored shape array, or null for null. */
    public static String format(double[] shape) {
        if (shape == null) {
            return null;
        }
        String kind = switch (shape.length) {
            case 2 -> "POSITION";
            case 3 -> "CIRCLE";
            default -> "POLYGON";
        };
        StringBuilder out = new StringBuilder(kind).append(" ICRS");
        for (double v : shape) {
            out.append(' ').append(v);
        }
        return out.toString();
    }

    /**
     * The shape of an STC-S string: POSITION, CIRCLE, BOX or POLYGON, optionally followed by the
     * frame ICRS and a reference position; empty if the text is anything else.
     */
    public static Optional<Shape> parse(String text) {
        List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
        Kind kind;
        try {
            kind = Kind.valueOf(words.remove(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        while (!words.isEmpty() && isFrameWord(words.get(0))) {
            words.remove(0);
        }
        double[] numbers = new double[words.size()];
        for (int i = 0; i < numbers.length; i++) {
            try {
                numbers[i] = Double.parseDouble(words.get(i));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!Double.isFinite(numbers[i])) {
                return Optional.empty();
            }
        }
        int n = numbers.length;
        boolean sized = switch (kind) {
            case POSITION -> n == 2;
            case CIRCLE -> n == 3;
            case BOX -> n == 4;
            case POLYGON -> n >= 6 && n % 2 == 0;
        };
        return sized ? Optional.of(new Shape(kind, numbers)) : Optional.empty();
    }

    private static boolean isFrameWord(String w) {
        return switch (w.toUpperCase(Locale.ROOT)) {
            case "ICRS", "GEOCENTER", "BARYCENTER", "TOPOCENTER", "UNKNOWNREFPOS", "SPHERICAL2" -> true;
            default -> false;
        };
    }
}
