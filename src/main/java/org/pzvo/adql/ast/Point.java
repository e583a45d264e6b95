// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code POINT([coordsys,] x, y)}; also produced for coordinates given inline to CIRCLE, BOX, POLYGON and DISTANCE. */
public record Point(Span span, Optional<Expr> coordSys, Expr x, Expr y) implements Expr {
    public Point {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(coordSys, "coordSys");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitPoint(this);
    }
}
