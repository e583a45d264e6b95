// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code value [NOT] LIKE|ILIKE pattern}. */
public record Like(Span span, boolean negated, boolean caseInsensitive, Expr value, Expr pattern) implements Predicate {
    public Like {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitLike(this);
    }
}
