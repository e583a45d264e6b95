// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** A user-defined function call (ADQL 2.1 §2.6); {@code name} as written (a regular identifier). */
public record UdfCall(Span span, String name, List<Expr> args) implements Expr {
    public UdfCall {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitUdfCall(this);
    }
}
