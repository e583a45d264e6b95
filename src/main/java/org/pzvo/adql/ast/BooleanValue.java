// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** A boolean-valued expression (a user-defined function or TRUE/FALSE) used as a condition. */
public record BooleanValue(Span span, Expr value) implements Predicate {
    public BooleanValue {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBooleanValue(this);
    }
}
