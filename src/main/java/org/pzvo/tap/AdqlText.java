// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.math.BigDecimal;
import org.pzvo.db.SqlNames;

/**
 * Safe pieces of ADQL text for protocols that build queries from their own parameters (SCS, SIA,
 * cutouts): delimited identifiers, string literals and numeric literals (ADQL 2.1 §2.1.3,
 * §2.3). Nothing a client sends reaches the query except through these.
 */
public final class AdqlText {
    private AdqlText() {
    }

    /** A delimited identifier: the exact name in double quotes, inner quotes doubled (spelled as in SQL). */
    public static String ident(String name) {
        return SqlNames.quote(name);
    }

    /** {@code "schema"."table"} for a qualified name {@code schema.table}. */
    public static String table(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A character string literal, inner apostrophes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A finite number as plain decimal text (no exponent); refuses NaN and infinities. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Expected a finite number, actual " + value);
        }
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return value < 0 ? "(" + text + ")" : text;
    }
}
