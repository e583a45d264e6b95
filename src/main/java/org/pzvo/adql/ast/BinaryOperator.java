// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * Infix value operators. Precedence, highest first: {@code * /}, {@code + -}, {@code &}, {@code ^},
 * {@code |}, {@code ||}; all are left-associative. ADQL 2.1 §2.3 gives the arithmetic and string
 * operators; the bitwise ones are from its BNF ({@code <bitwise_expression>}).
 */
public enum BinaryOperator {
    MULTIPLY("*", 6), DIVIDE("/", 6), ADD("+", 5), SUBTRACT("-", 5), BIT_AND("&", 4), BIT_XOR("^", 3),
    BIT_OR("|", 2), CONCAT("||", 1);

    private final String symbol;
    private final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The ADQL spelling. */
    public String symbol() {
        return symbol;
    }

    /** Binding strength: a higher value binds tighter. */
    public int precedence() {
        return precedence;
    }

    /** Whether the operator works on numbers (all but {@link #CONCAT}). */
    public boolean isNumeric() {
        return this != CONCAT;
    }

    /** Whether the operator is one of the bitwise operators, which need integer operands. */
    public boolean isBitwise() {
        return this == BIT_AND || this == BIT_OR || this == BIT_XOR;
    }
}
