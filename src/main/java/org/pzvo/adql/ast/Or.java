// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code left OR right}. */
public record Or(Span span, Predicate left, Predicate right) implements Predicate {
    public Or {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitOr(this);
    }
}
