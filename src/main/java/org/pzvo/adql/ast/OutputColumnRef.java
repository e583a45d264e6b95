// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** Checker output: an ORDER BY key that refers to an output column of the query (by alias or ordinal); {@code position} is 1-based and {@code name} is the unique output name. */
public record OutputColumnRef(Span span, int position, String name) implements Expr {
    public OutputColumnRef {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitOutputColumnRef(this);
    }
}
