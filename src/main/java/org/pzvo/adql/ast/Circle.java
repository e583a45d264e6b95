// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code CIRCLE([coordsys,] center, radius)}; an inline centre {@code x, y} becomes a {@link Point} without coordsys. */
public record Circle(Span span, Optional<Expr> coordSys, Expr center, Expr radius) implements Expr {
    public Circle {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(coordSys, "coordSys");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(radius, "radius");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCircle(this);
    }
}
