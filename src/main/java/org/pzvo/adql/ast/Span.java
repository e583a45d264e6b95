// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * A region of the query text. Lines and columns are 1-based; the end position is the column of
 * the last character of the region (inclusive). Columns count Unicode code points from the start
 * of the line (as ANTLR does), a tab counting as one; only LF ends a line.
 */
public record Span(int startLine, int startCol, int endLine, int endCol) {
    /** The span of nodes that have no text (only in trees built by code, never by the parser). */
    public static final Span NONE = new Span(0, 0, 0, 0);

    /** The smallest span covering both {@code first} and {@code last}. */
    public static Span between(Span first, Span last) {
        return new Span(first.startLine, first.startCol, last.endLine, last.endCol);
    }
}
