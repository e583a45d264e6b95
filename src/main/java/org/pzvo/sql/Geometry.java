// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.Locale;
import org.pzvo.adql.ast.Box;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.CastType;
import org.pzvo.adql.ast.Circle;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.NullLiteral;
import org.pzvo.adql.ast.Point;
import org.pzvo.adql.ast.Polygon;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.UdfCall;

/**
 * Shapes of geometry expressions in a checked tree. A geometry value in SQL is a DOUBLE PRECISION
 * array in DALI order (point [ra, dec], circle [ra, dec, r], polygon [ra1, dec1, ...]); a
 * constructor ({@link Point}, {@link Circle}, ...) is kept as a node until rendering so that the
 * coordinates of a point can be used directly.
 */
final class Geometry {
    /** Coarse shape kinds. */
    enum Kind { POINT, CIRCLE, POLYGON, OTHER }

    private Geometry() {
    }

    /** The kind of a geometry-valued expression, as far as it can be told without evaluating it. */
    static Kind kind(Expr e) {
        if (e instanceof Point) {
            return Kind.POINT;
        }
        if (e instanceof Circle) {
            return Kind.CIRCLE;
        }
        if (e instanceof Box || e instanceof Polygon) {
            return Kind.POLYGON;
        }
        if (e instanceof ResolvedColumn c) {
            return ofXtype(c.info().xtype());
        }
        if (e instanceof BuiltinCall b && b.function() == BuiltinFunction.CENTROID) {
            return Kind.POINT;
        }
        if (e instanceof UdfCall u && (u.name().equalsIgnoreCase("ivo_healpix_center")
                || u.name().equals(Internal.PREFIX + "pzvo_centroid"))) {
            return Kind.POINT;
        }
        if (e instanceof Cast c && c.type().isGeometry()) {
            return c.type() == CastType.POINT ? Kind.POINT : c.type() == CastType.CIRCLE ? Kind.CIRCLE : Kind.POLYGON;
        }
        return Kind.OTHER;
    }

    private static Kind ofXtype(String xtype) {
        if (xtype == null) {
            return Kind.OTHER;
        }
        return switch (xtype.toLowerCase(Locale.ROOT)) {
            case "point" -> Kind.POINT;
            case "circle" -> Kind.CIRCLE;
            // A REGION column holds a polygon array (org.pzvo.db.SqlTypes).
            case "polygon", "adql:region" -> Kind.POLYGON;
            default -> Kind.OTHER;
        };
    }

    /** The first coordinate (RA) of a point-valued expression. */
    static Expr x(Expr point) {
        return point instanceof Point p ? p.x() : coordinate(point, 1);
    }

    /** The second coordinate (Dec) of a point-valued expression. */
    static Expr y(Expr point) {
        return point instanceof Point p ? p.y() : coordinate(point, 2);
    }

    private static Expr coordinate(Expr point, int index1) {
        if (point instanceof NullLiteral n) {
            // A bare NULL has no array type to subscript (PostgreSQL refuses "(NULL)[1]").
            return new Cast(n.span(), n, CastType.DOUBLE_PRECISION, -1);
        }
        return Internal.element(point, index1);
    }
}
