// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** A call of an ADQL built-in function other than an aggregate, CAST, COALESCE, IN_UNIT or a geometry constructor. DISTANCE always has two point arguments (the four-number form is normalised to two POINTs). */
public record BuiltinCall(Span span, BuiltinFunction function, List<Expr> args) implements Expr {
    public BuiltinCall {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBuiltinCall(this);
    }
}
