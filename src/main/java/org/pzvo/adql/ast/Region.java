// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code REGION(string)}. */
public record Region(Span span, Expr text) implements Expr {
    public Region {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitRegion(this);
    }
}
