// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Aggregate;
import org.pzvo.adql.ast.Binary;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.Coalesce;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.InUnit;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.NumericKind;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.Unary;

/**
 * Pass: {@code IN_UNIT(value, 'unit')} (ADQL 2.1 §2.4.5) becomes {@code value * factor}. The
 * value's unit comes from the column metadata (through arithmetic with constants, signs, MIN/MAX/
 * AVG/SUM and the functions whose unit the checker knows); units of different quantities, or an
 * unknown unit, are an {@link AdqlException} at the offending text.
 */
final class UnitConversion {
    /** Units of the products this pass created, which the metadata of their operands would misstate. */
    private final Map<Expr, String> converted = new IdentityHashMap<>();

    private UnitConversion() {
    }

    static Query apply(Query query) throws AdqlException {
        UnitConversion pass = new UnitConversion();
        try {
            return BottomUp.rewrite(query, node -> node instanceof InUnit u ? pass.convert(u) : node);
        } catch (Pass.Failure f) {
            throw f.error();
        }
    }

    private Node convert(InUnit node) {
        String targetName = node.unit().value();
        Units.Unit target = Units.of(targetName)
                .orElseThrow(() -> fail(node.unit().span(), SqlMessages.unknownUnit(targetName)));
        String sourceName = unitOf(node.value());
        if (sourceName != null && sourceName.trim().equals(targetName.trim())) {
            return remember(node.value(), targetName);
        }
        Units.Unit source = Units.of(sourceName)
                .orElseThrow(() -> fail(node.value().span(), SqlMessages.unknownSourceUnit(sourceName)));
        if (!source.quantity().equals(target.quantity())) {
            throw fail(node.span(), SqlMessages.incompatibleUnits(sourceName, targetName));
        }
        double factor = source.factor() / target.factor();
        NumericLiteral f = new NumericLiteral(Span.NONE, Double.toString(factor), NumericKind.REAL);
        return remember(new Binary(node.span(), BinaryOperator.MULTIPLY, node.value(), f), targetName);
    }

    private Expr remember(Expr e, String unit) {
        converted.put(e, unit);
        return e;
    }

    private static Pass.Failure fail(Span span, String message) {
        return new Pass.Failure(new AdqlException(span, message));
    }

    /** The unit of a numeric expression, or null when unknown or dimensionless. */
    private String unitOf(Expr e) {
        if (converted.containsKey(e)) {
            return converted.get(e);
        }
        if (e instanceof ResolvedColumn c) {
            return c.info().unit();
        }
        if (e instanceof Unary u) {
            return unitOf(u.operand());
        }
        if (e instanceof Cast c) {
            return unitOf(c.value());
        }
        if (e instanceof Coalesce c) {
            return unitOf(c.args().get(0));
        }
        if (e instanceof Aggregate a) {
            return a.arg().map(this::unitOf).orElse(null);
        }
        if (e instanceof Binary b) {
            return binaryUnit(b);
        }
        if (e instanceof BuiltinCall b) {
            return switch (b.function()) {
                case ABS, CEILING, FLOOR, ROUND, TRUNCATE -> unitOf(b.args().get(0));
                case DEGREES, DISTANCE, COORD1, COORD2 -> "deg";
                case RADIANS, ACOS, ASIN, ATAN, ATAN2 -> "rad";
                case AREA -> "deg**2";
                default -> null;
            };
        }
        return null;
    }

    private String binaryUnit(Binary b) {
        boolean leftConstant = Constants.value(b.left()).isPresent();
        boolean rightConstant = Constants.value(b.right()).isPresent();
        return switch (b.operator()) {
            case MULTIPLY -> leftConstant ? unitOf(b.right()) : rightConstant ? unitOf(b.left()) : null;
            case DIVIDE -> rightConstant ? unitOf(b.left()) : null;
            case ADD, SUBTRACT -> {
                String l = unitOf(b.left());
                String r = unitOf(b.right());
                yield leftConstant ? r : rightConstant || Objects.equals(l, r) ? l : null;
            }
            default -> null;
        };
    }
}
