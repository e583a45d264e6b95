// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CASE operand WHEN v THEN r ... [ELSE e] END}. */
public record SimpleCase(Span span, Expr operand, List<SimpleWhen> whens, Optional<Expr> elseResult) implements Expr {
    public SimpleCase {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operand, "operand");
        whens = List.copyOf(whens);
        Objects.requireNonNull(elseResult, "elseResult");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitSimpleCase(this);
    }
}
