// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<String> words = new ArrayList<>(List.of(text.value().trim().split("\\s+")));
        String kind = words.isEmpty() ? "" : words.remove(0).toUpperCase(Locale.ROOT);
        while (!words.isEmpty() && isFrameWord(words.get(0))) {
            words.remove(0);
        }
        List<Expr> numbers = new ArrayList<>();
        for (String w : words) {
            try {
                double v = Double.parseDouble(w);
                numbers.add(v < 0 ? new Unary(region.span(), UnaryOperator.MINUS,
                        number(region, -v)) : number(region, v));
            } catch (NumberFormatException e) {
                throw fail(region, SqlMessages.regionUnsupported(text.value()));
            }
        }
        Span s = region.span();
        int n = numbers.size();
        return switch (kind) {
            case "POSITION" -> n == 2 ? point(s, numbers, 0) : bad(region, text);
            case "CIRCLE" -> n == 3 ? new Circle(s, Optional.empty(), point(s, numbers, 0), numbers.get(2)) : bad(region, text);
            case "BOX" -> n == 4 ? new Box(s, Optional.empty(), point(s, numbers, 0), numbers.get(2), numbers.get(3))
                    : bad(region, text);
            case "POLYGON" -> {
                if (n < 6 || n % 2 != 0) {
                    yield bad(region, text);
                }
                List<Expr> vertices = new ArrayList<>();
                for (int i = 0; i < n; i += 2) {
                    vertices.add(point(s, numbers, i));
                }
                yield new Polygon(s, Optional.empty(), vertices);
            }
            default -> bad(region, text);
        };
    }

    private static boolean isFrameWord(String w) {
        return switch (w.toUpperCase(Locale.ROOT)) {
            case "ICRS", "GEOCENTER", "BARYCENTER", "TOPOCENTER", "UNKNOWNREFPOS", "SPHERICAL2" -> true;
            default -> false;
        };
    }

    private static Point point(Span s, List<Expr> numbers, int i) {
        return new Point(s, Optional.empty(), numbers.get(i), numbers.get(i + 1));
    }

    private static NumericLiteral number(Region region, double v) {
        return new NumericLiteral(region.span(), Double.toString(v), NumericKind.REAL);
    }

    private static Node bad(Region region, StringLiteral text) {
        throw fail(region, SqlMessages.regionUnsupported(text.value()));
    }

    private static Pass.Failure fail(Region region, String message) {
        return new Pass.Failure(new AdqlException(region.span(), message));
    }
}
