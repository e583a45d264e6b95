// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** Join types of {@code <qualified_join>}; a plain {@code JOIN} is {@link #INNER}. */
public enum JoinType {
    INNER("INNER JOIN"), LEFT("LEFT OUTER JOIN"), RIGHT("RIGHT OUTER JOIN"), FULL("FULL OUTER JOIN");

    private final String keywords;

    JoinType(String keywords) {
        this.keywords = keywords;
    }

    /** The canonical keywords, e.g. {@code LEFT OUTER JOIN}. */
    public String keywords() {
        return keywords;
    }

    /** Whether rows of the left side may come back with NULLs for the right side's columns. */
    public boolean nullsRight() {
        return this == LEFT || this == FULL;
    }

    /** Whether rows of the right side may come back with NULLs for the left side's columns. */
    public boolean nullsLeft() {
        return this == RIGHT || this == FULL;
    }
}
