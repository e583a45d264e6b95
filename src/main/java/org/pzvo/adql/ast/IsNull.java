// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code value IS [NOT] NULL}. */
public record IsNull(Span span, boolean negated, Expr value) implements Predicate {
    public IsNull {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitIsNull(this);
    }
}
