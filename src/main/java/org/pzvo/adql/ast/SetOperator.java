// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** Set operators (ADQL 2.1 §2.3, optional feature "sets"); INTERSECT binds tighter than UNION and EXCEPT. */
public enum SetOperator {
    UNION(1), EXCEPT(1), INTERSECT(2);

    private final int precedence;

    SetOperator(int precedence) {
        this.precedence = precedence;
    }

    /** Binding strength: a higher value binds tighter. */
    public int precedence() {
        return precedence;
    }

    /** The ADQL keyword. */
    public String keyword() {
        return name();
    }
}
