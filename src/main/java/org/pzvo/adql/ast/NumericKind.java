// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** The lexical form of a {@link NumericLiteral} (ADQL 2.1 §2.1.4). */
public enum NumericKind {
    /** Digits only, e.g. {@code 42}. */
    INTEGER,
    /** Digits with a decimal point, e.g. {@code 3.14}, {@code .5}, {@code 1.}. */
    DECIMAL,
    /** With an exponent, e.g. {@code 10e-5}. */
    REAL,
    /** Hexadecimal, e.g. {@code 0x1F}. */
    HEX
}
