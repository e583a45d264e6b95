// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Collection;
import java.util.Locale;
import org.pzvo.adql.ast.Identifier;

/** Identifier matching (ADQL 2.1 §2.1.3) and "did you mean" suggestions. */
final class Names {
    private Names() {
    }

    /** Whether two user identifiers denote the same name (both regular: ignoring case; else exactly). */
    static boolean same(Identifier a, Identifier b) {
        return a.delimited() || b.delimited() ? a.text().equals(b.text()) : a.text().equalsIgnoreCase(b.text());
    }

    /**
     * The candidate closest to {@code name} in edit distance (ignoring case), if close enough (at
     * most a third of the name's length, at least 2); a candidate that starts with a name of three
     * or more characters counts as close. Null when nothing is close.
     */
    static String suggest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int d = lower.length() >= 3 && other.startsWith(lower) && !other.equals(lower) ? 1 : distance(lower, other);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
