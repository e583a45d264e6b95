// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.StringLiteral;

/**
 * Pass: the geometric functions of ADQL 2.1 §4.2 become calls of our SQL functions (CONTRACTS.md
 * "org.pzvo.sky SQL functions"), exact on every engine: CONTAINS and INTERSECTS with a point →
 * {@code pzvo_contains(ra, dec, shape)}, other INTERSECTS → {@code pzvo_intersects}, DISTANCE →
 * {@code pzvo_distance}, AREA → {@code pzvo_area}, CENTROID → {@code pzvo_centroid}, COORD1/COORD2 →
 * the point's coordinates, COORDSYS → {@code 'ICRS'} (the only frame served). Shape arguments stay
 * constructor nodes, which the renderer writes as DALI double arrays. Runs after
 * {@link SpatialIndex}, which needs to see the original predicates.
 */
final class GeometryFunctions {
    private GeometryFunctions() {
    }

    static Query apply(Query query) throws AdqlException {
        try {
            return BottomUp.rewrite(query, node -> node instanceof BuiltinCall b
                    && b.function().category() == BuiltinFunction.Category.GEOMETRY ? lower(b) : node);
        } catch (Pass.Failure f) {
            throw f.error();
        }
    }

    private static Node lower(BuiltinCall call) {
        List<Expr> a = call.args();
        return switch (call.function()) {
            case CONTAINS -> {
                requirePoint(a.get(0), "CONTAINS");
                yield contains(a.get(0), a.get(1));
            }
            case INTERSECTS -> {
                if (isPoint(a.get(0))) {
                    yield contains(a.get(0), a.get(1));
                }
                yield isPoint(a.get(1)) ? contains(a.get(1), a.get(0)) : Internal.sql("pzvo_intersects", a);
            }
            case DISTANCE -> Internal.sql("pzvo_distance",
                    List.of(Geometry.x(a.get(0)), Geometry.y(a.get(0)), Geometry.x(a.get(1)), Geometry.y(a.get(1))));
            case AREA -> Internal.sql("pzvo_area", a);
            case CENTROID -> Internal.sql("pzvo_centroid", a);
            case COORD1 -> Geometry.x(a.get(0));
            case COORD2 -> Geometry.y(a.get(0));
            case COORDSYS -> new StringLiteral(call.span(), "ICRS");
            default -> throw new IllegalStateException("Expected a geometric function, actual " + call.function());
        };
    }

    private static boolean isPoint(Expr e) {
        return Geometry.kind(e) == Geometry.Kind.POINT;
    }

    /** Circles and polygons cannot be the contained side: pzvo_contains tests a point. */
    private static void requirePoint(Expr e, String function) {
        Geometry.Kind kind = Geometry.kind(e);
        if (kind == Geometry.Kind.CIRCLE || kind == Geometry.Kind.POLYGON) {
            throw new Pass.Failure(new AdqlException(e.span(), SqlMessages.pointExpected(function)));
        }
    }

    private static Expr contains(Expr point, Expr shape) {
        return Internal.sql("pzvo_contains", List.of(Geometry.x(point), Geometry.y(point), shape));
    }
}
