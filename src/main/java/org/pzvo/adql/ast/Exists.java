// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code EXISTS (subquery)}. */
public record Exists(Span span, Query query) implements Predicate {
    public Exists {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitExists(this);
    }
}
