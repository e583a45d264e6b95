// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** Prefix value operators: sign and bitwise NOT ({@code ~}). */
public enum UnaryOperator {
    PLUS("+"), MINUS("-"), BIT_NOT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The ADQL spelling. */
    public String symbol() {
        return symbol;
    }
}
