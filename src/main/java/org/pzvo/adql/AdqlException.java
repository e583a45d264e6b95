// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import java.util.Objects;
import org.pzvo.adql.ast.Span;

/**
 * A user-facing error in an ADQL query: syntax, names, types or unsupported features. It carries
 * the {@link Span} of the offending text and a message from {@link Messages}. {@link #getMessage()}
 * is {@code "line L, column C: message"}; the TAP layer maps it to a DALI error document.
 */
public final class AdqlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Span span;
    private final String userMessage;

    public AdqlException(Span span, String userMessage) {
        super("line " + span.startLine() + ", column " + span.startCol() + ": " + userMessage);
        this.span = Objects.requireNonNull(span, "span");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    }

    /** The offending region of the query. */
    public Span span() {
        return span;
    }

    /** The message without position. */
    public String userMessage() {
        return userMessage;
    }

    /** 1-based line of the start of the offending text. */
    public int line() {
        return span.startLine();
    }

    /** 1-based column of the start of the offending text. */
    public int column() {
        return span.startCol();
    }
}
