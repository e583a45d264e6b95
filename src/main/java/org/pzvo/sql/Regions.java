// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Box;
import org.pzvo.adql.ast.Circle;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.NumericKind;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.Point;
import org.pzvo.adql.ast.Polygon;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.Region;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.StringLiteral;
import org.pzvo.adql.ast.Unary;
import org.pzvo.adql.ast.UnaryOperator;
import org.pzvo.sky.StcsRegion;

/**
 * Pass: {@code REGION('...')} with a constant STC-S string (ADQL 2.1 §4.2.13; STC-S as in TAP
 * 1.0 §6) becomes the equivalent geometry constructor, so it is evaluated and indexed like one.
 * Understood: {@code POSITION}, {@code CIRCLE}, {@code BOX} and {@code POLYGON}, with an optional
 * ICRS frame (the only one served; the checker has refused others) and optional reference position
 * {@code GEOCENTER}/{@code BARYCENTER}/{@code TOPOCENTER}/{@code UNKNOWNREFPOS}. Anything else
 * (UNION, NOT, non-constant text) is an {@link AdqlException} at the REGION.
 */
final class Regions {
    private Regions() {
    }

    static Query apply(Query query) throws AdqlException {
        try {
            return BottomUp.rewrite(query, node -> node instanceof Region r ? shape(r) : node);
        } catch (Pass.Failure f) {
            throw f.error();
        }
    }

    private static Node shape(Region region) {
        if (!(region.text() instanceof StringLiteral text)) {
            throw fail(region, SqlMessages.regionNotConstant());
        }
        StcsRegion.Shape shape = StcsRegion.parse(text.value())
                .orElseThrow(() -> fail(region, SqlMessages.regionUnsupported(text.value())));
        List<Expr> numbers = new ArrayList<>();
        for (double v : shape.numbers()) {
            numbers.add(v < 0 ? new Unary(region.span(), UnaryOperator.MINUS, number(region, -v)) : number(region, v));
        }
        Span s = region.span();
        return switch (shape.kind()) {
            case POSITION -> point(s, numbers, 0);
            case CIRCLE -> new Circle(s, Optional.empty(), point(s, numbers, 0), numbers.get(2));
            case BOX -> new Box(s, Optional.empty(), point(s, numbers, 0), numbers.get(2), numbers.get(3));
            case POLYGON -> {
                List<Expr> vertices = new ArrayList<>();
                for (int i = 0; i < numbers.size(); i += 2) {
                    vertices.add(point(s, numbers, i));
                }
                yield new Polygon(s, Optional.empty(), vertices);
            }
        };
    }

    private static Point point(Span s, List<Expr> numbers, int i) {
        return new Point(s, Optional.empty(), numbers.get(i), numbers.get(i + 1));
    }

    private static NumericLiteral number(Region region, double v) {
        return new NumericLiteral(region.span(), Double.toString(v), NumericKind.REAL);
    }

    private static Pass.Failure fail(Region region, String message) {
        return new Pass.Failure(new AdqlException(region.span(), message));
    }
}
