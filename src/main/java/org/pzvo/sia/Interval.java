// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sia;

import org.pzvo.dali.DaliException;

/** DALI 1.1 §3.3.5 numeric intervals: {@code "lo hi"}, {@code -Inf}/{@code +Inf} for open ends. */
final class Interval {
    private Interval() {
    }

    /**
     * {@code {lo, hi}}; a single number gives {@code lo = hi}.
     *
     * @throws DaliException (400) naming {@code name} for anything else, NaN, or lo > hi
     */
    static double[] parse(String name, String value, String what) throws DaliException {
        String[] words = value.trim().split("\\s+");
        if (words.length < 1 || words.length > 2) {
            throw bad(name, value, what);
        }
        double lo = number(name, value, words[0], what);
        double hi = words.length == 2 ? number(name, value, words[1], what) : lo;
        if (lo > hi) {
            throw DaliException.badRequest(name + "=" + value + ": the lower bound is above the upper bound;"
                    + " give \"lo hi\" with lo <= hi");
        }
        return new double[] {lo, hi};
    }

    /** A number, {@code -Inf}, {@code +Inf} or {@code Inf} (DALI 1.1 §3.3.5). */
    static double number(String name, String value, String word, String what) throws DaliException {
        switch (word) {
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            default:
                try {
                    double v = Double.parseDouble(word);
                    if (Double.isFinite(v) && !word.matches(".*[A-Za-z&&[^eE]].*")) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw bad(name, value, what);
        }
    }

    private static DaliException bad(String name, String value, String what) {
        return DaliException.badRequest(name + "=" + value + " is not an interval; give \"lo hi\" (" + what
                + "; -Inf or +Inf for an open end) or a single value");
    }
}
