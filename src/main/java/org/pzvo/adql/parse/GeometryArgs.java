// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.Binary;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BooleanLiteral;
import org.pzvo.adql.ast.Box;
import org.pzvo.adql.ast.Circle;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.NullLiteral;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.Point;
import org.pzvo.adql.ast.Polygon;
import org.pzvo.adql.ast.Region;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.StringLiteral;
import org.pzvo.adql.ast.Unary;

/**
 * Sorts out the argument forms of the ADQL 2.1 geometry constructors (§4.2): an optional leading
 * coordinate system (deprecated but allowed), then either inline coordinates or point values.
 * Inline coordinates become {@link Point} nodes without coordinate system, so that later stages
 * see one shape per constructor. The form is decided syntactically: a leading string literal,
 * NULL or concatenation is a coordinate system; a literal or arithmetic where a point is needed is
 * an error here rather than in the checker (that is what makes {@code CIRCLE('fk5', 2, 3)} invalid).
 */
final class GeometryArgs {
    /**
     * Words of an STC-S coordinate system specification (STC-S 1.33 §4.3: frame, reference
     * position, flavour). A literal coordinate system made of other words is a syntax error; a
     * frame other than ICRS is refused later, by the checker, as unsupported rather than invalid.
     */
    private static final java.util.Set<String> STC_S_WORDS = java.util.Set.of("ICRS", "FK4", "FK5", "J2000",
            "B1950", "ECLIPTIC", "GALACTIC", "GALACTIC_I", "GALACTIC_II", "SUPER_GALACTIC", "GEO_C", "GEO_D",
            "UNKNOWNFRAME", "GEOCENTER", "BARYCENTER", "HELIOCENTER", "TOPOCENTER", "GALACTIC_CENTER",
            "EMBARYCENTER", "MOON", "MERCURY", "VENUS", "MARS", "JUPITER", "SATURN", "URANUS", "NEPTUNE", "PLUTO",
            "LSR", "LSRK", "LSRD", "RELOCATABLE", "UNKNOWNREFPOS", "SPHERICAL2", "SPHERICAL3", "CARTESIAN2",
            "CARTESIAN3", "UNITSPHERE");

    private GeometryArgs() {
    }

    static Expr build(Span span, String function, List<Expr> args) {
        int n = args.size();
        boolean cs = n > 0 && isCoordSys(args.get(0));
        switch (function) {
            case "POINT":
                if (n == 3 || n == 2) {
                    Optional<Expr> sys = coordSys(args, n == 3);
                    int i = n - 2;
                    return new Point(span, sys, number(args.get(i)), number(args.get(i + 1)));
                }
                throw fail(span, function, List.of("POINT([coordsys,] x, y)"));
            case "CIRCLE":
                if (n == 4) {
                    return new Circle(span, coordSys(args, true), point(args.get(1), args.get(2)), number(args.get(3)));
                }
                if (n == 3 && cs) {
                    return new Circle(span, coordSys(args, true), pointValue(args.get(1)), number(args.get(2)));
                }
                if (n == 3) {
                    return new Circle(span, Optional.empty(), point(args.get(0), args.get(1)), number(args.get(2)));
                }
                if (n == 2) {
                    return new Circle(span, Optional.empty(), pointValue(args.get(0)), number(args.get(1)));
                }
                throw fail(span, function, List.of("CIRCLE([coordsys,] x, y, radius)", "CIRCLE([coordsys,] point, radius)"));
            case "BOX":
                if (n == 5) {
                    return new Box(span, coordSys(args, true), point(args.get(1), args.get(2)), number(args.get(3)),
                            number(args.get(4)));
                }
                if (n == 4 && cs) {
                    return new Box(span, coordSys(args, true), pointValue(args.get(1)), number(args.get(2)),
                            number(args.get(3)));
                }
                if (n == 4) {
                    return new Box(span, Optional.empty(), point(args.get(0), args.get(1)), number(args.get(2)),
                            number(args.get(3)));
                }
                if (n == 3) {
                    return new Box(span, Optional.empty(), pointValue(args.get(0)), number(args.get(1)),
                            number(args.get(2)));
                }
                throw fail(span, function, List.of("BOX([coordsys,] x, y, width, height)",
                        "BOX([coordsys,] point, width, height)"));
            case "POLYGON":
                return polygon(span, args, cs);
            default:
                if (n != 1) {
                    throw AstBuilder.error(span, Messages.wrongArgumentCount("REGION", 1, 1, n));
                }
                return new Region(span, args.get(0));
        }
    }

    private static Expr polygon(Span span, List<Expr> args, boolean cs) {
        List<Expr> rest = args.subList(cs ? 1 : 0, args.size());
        boolean anyPoint = rest.stream().anyMatch(e -> e instanceof Point);
        List<Expr> vertices = new ArrayList<>();
        if (!anyPoint && rest.size() % 2 == 0 && rest.size() >= 6) {
            for (int i = 0; i < rest.size(); i += 2) {
                vertices.add(point(rest.get(i), rest.get(i + 1)));
            }
        } else if (rest.size() >= 3) {
            for (Expr e : rest) {
                vertices.add(pointValue(e));
            }
        } else {
            throw fail(span, "POLYGON", List.of("POLYGON([coordsys,] x1, y1, x2, y2, x3, y3 [, x, y]...)",
                    "POLYGON([coordsys,] point1, point2, point3 [, point]...)"));
        }
        return new Polygon(span, cs ? Optional.of(args.get(0)) : Optional.empty(), vertices);
    }

    /** A point from inline coordinates, spanning both. */
    static Point point(Expr x, Expr y) {
        return new Point(Span.between(x.span(), y.span()), Optional.empty(), number(x), number(y));
    }

    private static Optional<Expr> coordSys(List<Expr> args, boolean present) {
        if (!present) {
            return Optional.empty();
        }
        Expr sys = args.get(0);
        if (sys instanceof NumericLiteral || sys instanceof BooleanLiteral || sys instanceof Unary) {
            throw AstBuilder.error(sys.span(), Messages.notACoordSys(describe(sys)));
        }
        if (sys instanceof StringLiteral literal) {
            for (String word : literal.value().trim().split("\\s+")) {
                if (!word.isEmpty() && !STC_S_WORDS.contains(word.toUpperCase(java.util.Locale.ROOT))) {
                    throw AstBuilder.error(sys.span(), Messages.unknownCoordSys(literal.value()));
                }
            }
        }
        return Optional.of(sys);
    }

    private static boolean isCoordSys(Expr e) {
        return e instanceof StringLiteral || e instanceof NullLiteral
                || e instanceof Binary b && b.operator() == BinaryOperator.CONCAT;
    }

    /**
     * A coordinate, radius or size. Any value expression is syntactically allowed here (the BNF's
     * numeric_value_expression admits literals of every type); the checker checks the type.
     */
    private static Expr number(Expr e) {
        return e;
    }

    private static Expr pointValue(Expr e) {
        if (e instanceof NumericLiteral || e instanceof StringLiteral || e instanceof BooleanLiteral
                || e instanceof Unary || e instanceof Binary || e instanceof Circle || e instanceof Box
                || e instanceof Polygon || e instanceof Region) {
            throw AstBuilder.error(e.span(), Messages.notAPoint(describe(e)));
        }
        return e;
    }

    private static String describe(Expr e) {
        if (e instanceof StringLiteral) {
            return "a string literal";
        }
        if (e instanceof NumericLiteral || e instanceof Unary) {
            return "a number";
        }
        if (e instanceof BooleanLiteral) {
            return "a boolean";
        }
        if (e instanceof Binary b) {
            return b.operator() == BinaryOperator.CONCAT ? "a string expression" : "a numeric expression";
        }
        return "a " + e.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    private static SyntaxErrors.Signal fail(Span span, String function, List<String> forms) {
        return AstBuilder.error(span, Messages.geometryForm(function, forms));
    }
}
