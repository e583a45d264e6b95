// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code WHEN value THEN result} of a {@link SimpleCase}. */
public record SimpleWhen(Span span, Expr value, Expr result) {
    public SimpleWhen {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(result, "result");
    }
}
