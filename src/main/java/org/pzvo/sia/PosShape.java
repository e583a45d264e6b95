// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pzvo.dali.DaliException;
import org.pzvo.tap.AdqlText;

/**
 * One value of the SIA 2.0 §2.1.1 POS parameter: {@code CIRCLE ra dec radius}, {@code RANGE ra1
 * ra2 dec1 dec2} or {@code POLYGON ra1 dec1 ra2 dec2 ra3 dec3 ...} (ICRS degrees; RANGE bounds may
 * be {@code -Inf}/{@code +Inf}). Also the SODA-style CIRCLE and POLYGON parameters of the cutout
 * service. Immutable.
 *
 * <p>A RANGE is a box in coordinates, whose constant-declination sides are small circles, not
 * great circles. It becomes one polygon per {@value #CHUNK_DEG}° of right ascension, each with
 * its constant-declination sides cut into steps of at most {@value #STEP_DEG}° (so the polygon
 * edges stay within about 0.004° of the true side at |dec| ≤ 60°) and a single vertex at a pole
 * when the range reaches it. The whole sky constrains nothing.
 */
public final class PosShape {
    private static final double CHUNK_DEG = 90;
    private static final double STEP_DEG = 1;

    private final String kind;
    private final double[] numbers;

    private PosShape(String kind, double[] numbers) {
        this.kind = kind;
        this.numbers = numbers;
    }

    /** A POS value: the shape word, then its numbers. */
    static PosShape parse(String value) throws DaliException {
        String[] words = value.trim().split("\\s+", 2);
        return parse("POS", value, words[0], words.length > 1 ? words[1] : "");
    }

    /**
     * A shape given as separate kind and numbers (SODA's {@code CIRCLE=ra dec r} and
     * {@code POLYGON=ra1 dec1 ...}); errors name {@code param}.
     */
    public static PosShape parse(String param, String value, String kindWord, String numbers) throws DaliException {
        String kind = kindWord.toUpperCase(Locale.ROOT);
        String[] words = numbers.isBlank() ? new String[0] : numbers.trim().split("\\s+");
        double[] n = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            n[i] = Interval.number(param, value, words[i], "ICRS degrees");
        }
        try {
            check(kind, n);
        } catch (IllegalArgumentException e) {
            throw DaliException.badRequest(param + "=" + value + " is not understood: " + e.getMessage()
                    + (param.equals("POS") ? " (SIA 2.0 §2.1.1, e.g. POS=CIRCLE 62.0 -37.0 0.5)" : ""));
        }
        return new PosShape(kind, n);
    }

    /** "CIRCLE", "RANGE" or "POLYGON". */
    public String kind() {
        return kind;
    }

    /** The numbers after the shape word (RANGE bounds clamped to the sphere). */
    public double[] numbers() {
        return numbers.clone();
    }

    private static void check(String kind, double[] n) {
        switch (kind) {
            case "CIRCLE" -> {
                if (n.length != 3) {
                    throw bad("CIRCLE takes 3 numbers: ra dec radius");
                }
                checkPosition(n[0], n[1]);
                if (!(n[2] > 0 && n[2] <= 180)) {
                    throw bad("the radius must be in (0, 180] degrees");
                }
            }
            case "RANGE" -> {
                if (n.length != 4) {
                    throw bad("RANGE takes 4 numbers: ra1 ra2 dec1 dec2");
                }
                n[0] = Math.max(n[0], 0);
                n[1] = Math.min(n[1], 360);
                n[2] = Math.max(n[2], -90);
                n[3] = Math.min(n[3], 90);
                if (!(n[0] <= n[1] && n[0] <= 360 && n[1] >= 0 && n[2] <= n[3] && n[2] <= 90 && n[3] >= -90)) {
                    throw bad("RANGE needs 0 <= ra1 <= ra2 <= 360 and -90 <= dec1 <= dec2 <= 90");
                }
            }
            case "POLYGON" -> {
                if (n.length < 6 || n.length % 2 != 0) {
                    throw bad("POLYGON takes at least 3 vertices, as ra dec pairs");
                }
                for (int i = 0; i < n.length; i += 2) {
                    checkPosition(n[i], n[i + 1]);
                }
            }
            default -> throw bad("the shape must be CIRCLE, RANGE or POLYGON");
        }
    }

    /** The ADQL geometry constructors the value stands for (OR-ed); empty for the whole sky. */
    public List<String> adqlShapes() {
        return switch (kind) {
            case "CIRCLE" -> List.of("CIRCLE(" + join(numbers) + ")");
            case "POLYGON" -> List.of("POLYGON(" + join(numbers) + ")");
            default -> range();
        };
    }

    private List<String> range() {
        double ra1 = numbers[0];
        double ra2 = numbers[1];
        double dec1 = numbers[2];
        double dec2 = numbers[3];
        if (ra2 - ra1 >= 360 && dec1 <= -90 && dec2 >= 90) {
            return List.of();
        }
        if (ra1 == ra2 || dec1 == dec2) {
            // A degenerate box is a segment: widen it by a hair so it has an inside.
            ra2 = Math.min(360, ra2 + (ra1 == ra2 ? 1e-9 : 0));
            dec2 = Math.min(90, dec2 + (dec1 == dec2 ? 1e-9 : 0));
        }
        List<String> shapes = new ArrayList<>();
        int chunks = (int) Math.ceil((ra2 - ra1) / CHUNK_DEG);
        for (int c = 0; c < chunks; c++) {
            double lo = ra1 + c * (ra2 - ra1) / chunks;
            double hi = ra1 + (c + 1) * (ra2 - ra1) / chunks;
            shapes.add("POLYGON(" + join(box(lo, hi, dec1, dec2)) + ")");
        }
        return shapes;
    }

    /** The vertices of one chunk: the lower side eastwards, then the upper side westwards. */
    private static double[] box(double ra1, double ra2, double dec1, double dec2) {
        int steps = (int) Math.ceil((ra2 - ra1) / STEP_DEG);
        List<double[]> v = new ArrayList<>();
        side(v, ra1, ra2, dec1, steps);
        side(v, ra2, ra1, dec2, steps);
        double[] flat = new double[v.size() * 2];
        for (int i = 0; i < v.size(); i++) {
            flat[2 * i] = v.get(i)[0];
            flat[2 * i + 1] = v.get(i)[1];
        }
        return flat;
    }

    /** The vertices of a constant-declination side; a single vertex at a pole. */
    private static void side(List<double[]> v, double from, double to, double dec, int steps) {
        if (Math.abs(dec) >= 90) {
            v.add(new double[] {from, dec});
            return;
        }
        for (int i = 0; i <= steps; i++) {
            v.add(new double[] {from + (to - from) * i / steps, dec});
        }
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(AdqlText.number(values[i]));
        }
        return sb.toString();
    }

    private static void checkPosition(double raDeg, double decDeg) {
        if (!(raDeg >= 0 && raDeg <= 360 && decDeg >= -90 && decDeg <= 90)) {
            throw bad("positions need 0 <= ra <= 360 and -90 <= dec <= 90 degrees");
        }
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(why);
    }
}
