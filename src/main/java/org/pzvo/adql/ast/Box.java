// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code BOX([coordsys,] center, width, height)}; an inline centre becomes a {@link Point} without coordsys. */
public record Box(Span span, Optional<Expr> coordSys, Expr center, Expr width, Expr height) implements Expr {
    public Box {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(coordSys, "coordSys");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBox(this);
    }
}
