// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.OptionalDouble;
import org.pzvo.adql.ast.Binary;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.NumericKind;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.Unary;

/**
 * Evaluates constant numeric expressions (literals, unary signs, + - * /) the way SQL does, so
 * that the geometry rewrite sees the same shape the database will: integer operands give integer
 * results, and integer division truncates toward zero ({@code 1/3600} is 0, as in H2 and
 * PostgreSQL).
 */
final class Constants {
    /** A value and whether SQL would type it as an integer. */
    private record Value(double value, boolean integral) {
    }

    private Constants() {
    }

    /** The value of {@code e}, or empty when it is not a constant this class understands. */
    static OptionalDouble value(Expr e) {
        Value v = eval(e);
        return v == null || !Double.isFinite(v.value) ? OptionalDouble.empty() : OptionalDouble.of(v.value);
    }

    private static Value eval(Expr e) {
        if (e instanceof NumericLiteral n) {
            return literal(n);
        }
        if (e instanceof Unary u) {
            Value v = eval(u.operand());
            return v == null ? null : switch (u.operator()) {
                case PLUS -> v;
                case MINUS -> new Value(-v.value, v.integral);
                case BIT_NOT -> null;
            };
        }
        if (e instanceof Binary b) {
            Value l = eval(b.left());
            Value r = eval(b.right());
            if (l == null || r == null) {
                return null;
            }
            boolean ints = l.integral && r.integral;
            return switch (b.operator()) {
                case ADD -> new Value(l.value + r.value, ints);
                case SUBTRACT -> new Value(l.value - r.value, ints);
                case MULTIPLY -> new Value(l.value * r.value, ints);
                case DIVIDE -> r.value == 0 ? null
                        : ints ? new Value((double) ((long) l.value / (long) r.value), true)
                        : new Value(l.value / r.value, false);
                default -> null;
            };
        }
        return null;
    }

    private static Value literal(NumericLiteral n) {
        try {
            return switch (n.kind()) {
                case INTEGER -> new Value(Long.parseLong(n.text()), true);
                case HEX -> new Value(Long.parseLong(n.text().substring(2), 16), true);
                case DECIMAL, REAL -> new Value(Double.parseDouble(n.text()), false);
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code e} is the integer literal {@code value} (as in {@code CONTAINS(...) = 1}). */
    static boolean isInteger(Expr e, long value) {
        return e instanceof NumericLiteral n && n.kind() == NumericKind.INTEGER && n.text().equals(Long.toString(value));
    }
}
