// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.adql.ast.Aggregate;
import org.pzvo.adql.ast.AggregateFunction;
import org.pzvo.adql.ast.Binary;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.NumericKind;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.UdfCall;
import org.pzvo.adql.ast.Unary;

/** The little type inference the renderer needs: whether a numeric expression has an integer type. */
final class Types {
    private Types() {
    }

    /** True when {@code e} certainly has an integer SQL type (so MOD can stay integral). */
    static boolean integral(Expr e) {
        if (e instanceof NumericLiteral n) {
            return n.kind() == NumericKind.INTEGER || n.kind() == NumericKind.HEX;
        }
        if (e instanceof ResolvedColumn c) {
            return c.info().arraysize() == null && switch (c.info().datatype()) {
                case "short", "int", "long", "unsignedByte" -> true;
                default -> false;
            };
        }
        if (e instanceof Unary u) {
            return integral(u.operand());
        }
        if (e instanceof Binary b) {
            return b.operator().isNumeric() && integral(b.left()) && integral(b.right());
        }
        if (e instanceof Cast c) {
            return switch (c.type()) {
                case SMALLINT, INTEGER, BIGINT -> true;
                default -> false;
            };
        }
        if (e instanceof Aggregate a) {
            return a.function() == AggregateFunction.COUNT
                    || (a.function() == AggregateFunction.SUM || a.function() == AggregateFunction.MIN
                    || a.function() == AggregateFunction.MAX) && a.arg().map(Types::integral).orElse(false);
        }
        if (e instanceof BuiltinCall b) {
            return switch (b.function()) {
                case ABS, MOD -> b.args().stream().allMatch(Types::integral);
                default -> false;
            };
        }
        return e instanceof UdfCall u && (u.name().equalsIgnoreCase("ivo_healpix_index")
                || u.name().equalsIgnoreCase("ivo_hasword") || u.name().equalsIgnoreCase("ivo_nocasematch"));
    }
}
