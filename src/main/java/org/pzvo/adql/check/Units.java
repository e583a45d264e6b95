// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Conversion factors between VOUnits 1.0 strings for IN_UNIT (ADQL 2.1 §2.3.7): a unit is a
 * product of optionally prefixed known units with integer powers, joined by {@code .} or
 * {@code /} ({@code km/s}, {@code mas.yr-1}, {@code deg**2}, {@code m2}). Only multiplicative
 * units are handled; logarithmic ones (mag, dex, dB) and unknown symbols are refused, so a
 * conversion is either exact-by-factor or an error. Angles are a dimension of their own
 * (rad, with deg, arcmin, arcsec, mas, uas), as VOUnits treats them.
 */
public final class Units {
    /** Dimensions: length, mass, time, angle, current, temperature, amount, spare. */
    private static final int DIMENSIONS = 8;

    /** A parsed unit: a factor to SI-like base units and the powers of each dimension. */
    private record Value(double factor, int[] powers) {
        Value times(Value other, int sign) {
            int[] p = powers.clone();
            for (int i = 0; i < DIMENSIONS; i++) {
                p[i] += sign * other.powers[i];
            }
            return new Value(sign > 0 ? factor * other.factor : factor / other.factor, p);
        }

        Value pow(int n) {
            int[] p = powers.clone();
            for (int i = 0; i < DIMENSIONS; i++) {
                p[i] *= n;
            }
            return new Value(Math.pow(factor, n), p);
        }
    }

    private static Value base(double factor, int... powers) {
        return new Value(factor, Arrays.copyOf(powers, DIMENSIONS));
    }

    private static final double DEG = Math.PI / 180;
    /** Known unit symbols; SI prefixes may precede any of them. */
    private static final Map<String, Value> UNITS = Map.ofEntries(
            Map.entry("m", base(1, 1)), Map.entry("g", base(1e-3, 0, 1)), Map.entry("s", base(1, 0, 0, 1)),
            Map.entry("rad", base(1, 0, 0, 0, 1)), Map.entry("A", base(1, 0, 0, 0, 0, 1)),
            Map.entry("K", base(1, 0, 0, 0, 0, 0, 1)), Map.entry("mol", base(1, 0, 0, 0, 0, 0, 0, 1)),
            Map.entry("deg", base(DEG, 0, 0, 0, 1)), Map.entry("arcmin", base(DEG / 60, 0, 0, 0, 1)),
            Map.entry("arcsec", base(DEG / 3600, 0, 0, 0, 1)), Map.entry("mas", base(DEG / 3.6e6, 0, 0, 0, 1)),
            Map.entry("uas", base(DEG / 3.6e9, 0, 0, 0, 1)), Map.entry("sr", base(1, 0, 0, 0, 2)),
            Map.entry("min", base(60, 0, 0, 1)), Map.entry("h", base(3600, 0, 0, 1)),
            Map.entry("d", base(86400, 0, 0, 1)), Map.entry("yr", base(365.25 * 86400, 0, 0, 1)),
            Map.entry("a", base(365.25 * 86400, 0, 0, 1)), Map.entry("Hz", base(1, 0, 0, -1)),
            Map.entry("N", base(1, 1, 1, -2)), Map.entry("J", base(1, 2, 1, -2)), Map.entry("W", base(1, 2, 1, -3)),
            Map.entry("erg", base(1e-7, 2, 1, -2)), Map.entry("eV", base(1.602176634e-19, 2, 1, -2)),
            Map.entry("Jy", base(1e-26, 0, 1, -2)), Map.entry("Angstrom", base(1e-10, 1)),
            Map.entry("AU", base(1.495978707e11, 1)), Map.entry("au", base(1.495978707e11, 1)),
            Map.entry("pc", base(3.0856775814913673e16, 1)), Map.entry("lyr", base(9.4607304725808e15, 1)),
            Map.entry("solMass", base(1.98840987e30, 0, 1)), Map.entry("solRad", base(6.957e8, 1)),
            Map.entry("Pa", base(1, -1, 1, -2)), Map.entry("C", base(1, 0, 0, 1, 0, 1)),
            Map.entry("V", base(1, 2, 1, -3, 0, -1)), Map.entry("T", base(1, 0, 1, -2, 0, -1)),
            Map.entry("G", base(1e-4, 0, 1, -2, 0, -1)), Map.entry("Ohm", base(1, 2, 1, -3, 0, -2)),
            Map.entry("ct", base(1)), Map.entry("count", base(1)), Map.entry("photon", base(1)),
            Map.entry("ph", base(1)), Map.entry("pix", base(1)), Map.entry("pixel", base(1)),
            Map.entry("%", base(0.01)), Map.entry("", base(1)));

    private static final Map<String, Double> PREFIXES = Map.ofEntries(Map.entry("y", 1e-24), Map.entry("z", 1e-21),
            Map.entry("a", 1e-18), Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9),
            Map.entry("u", 1e-6), Map.entry("m", 1e-3), Map.entry("c", 1e-2), Map.entry("d", 1e-1),
            Map.entry("da", 1e1), Map.entry("h", 1e2), Map.entry("k", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9),
            Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18), Map.entry("Z", 1e21),
            Map.entry("Y", 1e24));

    private Units() {
    }

    /**
     * The factor f with value_in_{@code to} = f * value_in_{@code from}.
     *
     * @throws IllegalArgumentException naming the unit that cannot be parsed, or saying that the
     *         dimensions differ
     */
    public static double factor(String from, String to) {
        Value a = parse(Objects.requireNonNull(from, "from"));
        Value b = parse(Objects.requireNonNull(to, "to"));
        if (!Arrays.equals(a.powers, b.powers)) {
            throw new IllegalArgumentException("'" + from + "' cannot be converted to '" + to + "'");
        }
        return a.factor / b.factor;
    }

    /** Whether {@code unit} is a unit this class understands. */
    public static boolean isKnown(String unit) {
        try {
            parse(unit);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Value parse(String unit) {
        String text = unit.trim();
        Value result = base(1);
        int sign = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.' || c == '/' || c == ' ') {
                String factor = text.substring(start, i);
                if (!factor.isEmpty()) {
                    result = result.times(term(factor, unit), sign);
                } else if (i < text.length() && c != ' ') {
                    throw unknown(unit);
                }
                if (c == '/') {
                    sign = -1;
                }
                start = i + 1;
            }
        }
        return result;
    }

    /** One factor such as {@code km}, {@code s-1}, {@code deg**2}, {@code m2} or a number like {@code 1e-3}. */
    private static Value term(String text, String unit) {
        int powerAt = text.indexOf("**");
        String symbol = text;
        int power = 1;
        if (powerAt >= 0) {
            symbol = text.substring(0, powerAt);
            power = integer(text.substring(powerAt + 2).replace("(", "").replace(")", ""), unit);
        } else {
            int digits = text.length();
            while (digits > 0 && (Character.isDigit(text.charAt(digits - 1)) || text.charAt(digits - 1) == '-'
                    || text.charAt(digits - 1) == '+')) {
                digits--;
            }
            if (digits > 0 && digits < text.length()) {
                symbol = text.substring(0, digits);
                power = integer(text.substring(digits), unit);
            }
        }
        Value v = symbol(symbol, unit);
        return v.pow(power);
    }

    private static Value symbol(String symbol, String unit) {
        Value known = UNITS.get(symbol);
        if (known != null) {
            return known;
        }
        try {
            double number = Double.parseDouble(symbol);
            return base(number);
        } catch (NumberFormatException notANumber) {
            for (int length = 2; length >= 1; length--) {
                if (symbol.length() > length) {
                    Double prefix = PREFIXES.get(symbol.substring(0, length));
                    Value rest = UNITS.get(symbol.substring(length));
                    if (prefix != null && rest != null) {
                        return new Value(prefix * rest.factor, rest.powers);
                    }
                }
            }
        }
        throw unknown(unit);
    }

    private static int integer(String text, String unit) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw unknown(unit);
        }
    }

    private static IllegalArgumentException unknown(String unit) {
        return new IllegalArgumentException("unknown unit '" + unit + "'");
    }
}
