// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

/** The user-facing messages of the translator, in one place (the parser and checker have {@code org.pzvo.adql.Messages}). */
final class SqlMessages {
    private SqlMessages() {
    }

    static String regionUnsupported(String stcs) {
        return "REGION supports the STC-S shapes POSITION, CIRCLE, BOX and POLYGON in ICRS, not '" + stcs + "'";
    }

    static String regionNotConstant() {
        return "REGION needs a constant STC-S string";
    }

    static String geometryCastUnsupported(String type) {
        return "CAST of a string to " + type + " is not supported; write the shape with POINT, CIRCLE or POLYGON";
    }

    static String pointExpected(String function) {
        return function + " supports a point as its first argument (or as either argument of INTERSECTS);"
                + " comparing two circles or polygons is not supported";
    }

    static String nulCharacter() {
        return "text must not contain NUL characters";
    }

    static String fullJoinUnsupported(String engine) {
        return "FULL OUTER JOIN is not supported by this service's database (" + engine + ");"
                + " combine a LEFT and a RIGHT OUTER JOIN with UNION instead";
    }
}
