// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import org.pzvo.adql.check.TableInfo;

/** Checker output: a catalog table with its canonical metadata and the correlation name every resolved column reference to it uses (unique within its FROM scope). The table's {@code PositionIndex} is reachable via {@code table().position()}. */
public record ResolvedTable(Span span, TableInfo table, String correlation) implements FromItem {
    public ResolvedTable {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(correlation, "correlation");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitResolvedTable(this);
    }
}
