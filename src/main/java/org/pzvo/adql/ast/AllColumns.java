// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code *} or {@code qualifier.*}; the checker expands it into explicit columns. */
public record AllColumns(Span span, Optional<TableName> qualifier) implements SelectItem {
    public AllColumns {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitAllColumns(this);
    }
}
