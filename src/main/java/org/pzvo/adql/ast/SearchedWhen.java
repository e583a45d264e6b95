// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code WHEN condition THEN result} of a {@link SearchedCase}. */
public record SearchedWhen(Span span, Predicate condition, Expr result) {
    public SearchedWhen {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(result, "result");
    }
}
