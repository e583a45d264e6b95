// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.adql.ast.CastType;

/** Small text helpers shared by the dialects. */
final class SqlText {
    private SqlText() {
    }

    /**
     * {@code text} between two {@code quote} characters, each quote inside doubled (SQL-92 delimited
     * identifiers and character literals). NUL characters are refused earlier, by {@code Support}.
     */
    static String quote(String text, char quote) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Expected text without NUL characters");
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == quote) {
                out.append(quote);
            }
        }
        return out.append(quote).toString();
    }

    /** The SQL-92 type names shared by H2 and PostgreSQL. */
    static String standardCastType(CastType type, int length) {
        return switch (type) {
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE_PRECISION, TIMESTAMP -> type.adql();
            case CHAR, VARCHAR -> length >= 0 ? type.adql() + "(" + length + ")" : type.adql();
            case POINT, CIRCLE, POLYGON -> throw new IllegalArgumentException(
                    "Expected a non-geometry CAST type, actual " + type);
        };
    }

    /** {@code CAST(x AS DOUBLE PRECISION)}. */
    static String asDouble(String sql) {
        return "CAST(" + sql + " AS DOUBLE PRECISION)";
    }
}
