// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code NOT operand}. */
public record Not(Span span, Predicate operand) implements Predicate {
    public Not {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
