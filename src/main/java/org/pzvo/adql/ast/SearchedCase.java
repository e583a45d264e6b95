// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CASE WHEN cond THEN r ... [ELSE e] END}. */
public record SearchedCase(Span span, List<SearchedWhen> whens, Optional<Expr> elseResult) implements Expr {
    public SearchedCase {
        Objects.requireNonNull(span, "span");
        whens = List.copyOf(whens);
        Objects.requireNonNull(elseResult, "elseResult");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitSearchedCase(this);
    }
}
