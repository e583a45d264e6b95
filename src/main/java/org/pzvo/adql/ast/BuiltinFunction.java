// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * ADQL 2.1 built-in functions called with plain argument lists: mathematical (§2.3.2),
 * trigonometric (§2.3.3), string (§2.3.4, optional feature "string") and geometric (§4.2, optional
 * feature "geo"). Aggregates, CAST, COALESCE, IN_UNIT and the geometry constructors have records of
 * their own.
 */
public enum BuiltinFunction {
    ABS(Category.MATH, 1, 1), CEILING(Category.MATH, 1, 1), DEGREES(Category.MATH, 1, 1),
    EXP(Category.MATH, 1, 1), FLOOR(Category.MATH, 1, 1), LOG(Category.MATH, 1, 1),
    LOG10(Category.MATH, 1, 1), MOD(Category.MATH, 2, 2), PI(Category.MATH, 0, 0),
    POWER(Category.MATH, 2, 2), RADIANS(Category.MATH, 1, 1), RAND(Category.MATH, 0, 1),
    ROUND(Category.MATH, 1, 2), SQRT(Category.MATH, 1, 1), TRUNCATE(Category.MATH, 1, 2),
    ACOS(Category.TRIG, 1, 1), ASIN(Category.TRIG, 1, 1), ATAN(Category.TRIG, 1, 1),
    ATAN2(Category.TRIG, 2, 2), COS(Category.TRIG, 1, 1), COT(Category.TRIG, 1, 1),
    SIN(Category.TRIG, 1, 1), TAN(Category.TRIG, 1, 1),
    LOWER(Category.STRING, 1, 1), UPPER(Category.STRING, 1, 1),
    AREA(Category.GEOMETRY, 1, 1), CENTROID(Category.GEOMETRY, 1, 1), COORD1(Category.GEOMETRY, 1, 1),
    COORD2(Category.GEOMETRY, 1, 1), COORDSYS(Category.GEOMETRY, 1, 1), CONTAINS(Category.GEOMETRY, 2, 2),
    INTERSECTS(Category.GEOMETRY, 2, 2), DISTANCE(Category.GEOMETRY, 2, 2);

    /** Function families, as grouped by the ADQL 2.1 sections. */
    public enum Category { MATH, TRIG, STRING, GEOMETRY }

    private final Category category;
    private final int minArgs;
    private final int maxArgs;

    BuiltinFunction(Category category, int minArgs, int maxArgs) {
        this.category = category;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public Category category() {
        return category;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /** The ADQL spelling. */
    public String adqlName() {
        return name();
    }
}
