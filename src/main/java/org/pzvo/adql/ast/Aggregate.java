// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** An SQL set function; {@code arg} is empty only for {@code COUNT(*)}. */
public record Aggregate(Span span, AggregateFunction function, boolean distinct, Optional<Expr> arg) implements Expr {
    public Aggregate {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arg, "arg");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }
}
