// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** One ORDER BY sort key; the key is an expression, an unsigned integer ordinal, or (after checking) an {@link OutputColumnRef}. */
public record OrderItem(Span span, Expr key, boolean descending) implements Node {
    public OrderItem {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitOrderItem(this);
    }
}
