// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/**
 * An identifier as written: regular ({@code ra}) or delimited ({@code "Ra Obj"}), ADQL 2.1 §2.1.3.
 * {@code text} is without the enclosing quotes and with doubled quotes undone.
 */
public record Identifier(Span span, String text, boolean delimited) {
    public Identifier {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Whether this identifier denotes {@code name}: regular identifiers match case-insensitively,
     * delimited ones exactly (ADQL 2.1 §2.1.3).
     */
    public boolean matches(String name) {
        return delimited ? text.equals(name) : text.equalsIgnoreCase(name);
    }
}
