// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** A table named in FROM, as written by the user (unresolved), with its optional correlation name. */
public record TableRef(Span span, TableName name, Optional<Identifier> alias) implements FromItem {
    public TableRef {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitTableRef(this);
    }
}
