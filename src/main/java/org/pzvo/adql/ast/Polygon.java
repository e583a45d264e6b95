// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code POLYGON([coordsys,] v1, v2, v3 [, v]...)}; inline vertex coordinates become {@link Point}s without coordsys. */
public record Polygon(Span span, Optional<Expr> coordSys, List<Expr> vertices) implements Expr {
    public Polygon {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(coordSys, "coordSys");
        vertices = List.copyOf(vertices);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitPolygon(this);
    }
}
