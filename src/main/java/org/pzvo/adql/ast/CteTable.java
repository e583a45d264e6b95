// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import org.pzvo.adql.check.ColumnInfo;

/** Checker output: a reference to a common table expression by its canonical name, with the correlation name column references use. */
public record CteTable(Span span, String cteName, String correlation, List<ColumnInfo> columns) implements FromItem {
    public CteTable {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(cteName, "cteName");
        Objects.requireNonNull(correlation, "correlation");
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCteTable(this);
    }
}
