// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.pzvo.adql.ast.Span;

/** Spans of ANTLR tokens and contexts: 1-based lines and columns, end inclusive. */
final class Spans {
    private Spans() {
    }

    static Span of(Token token) {
        int line = token.getLine();
        int col = token.getCharPositionInLine() + 1;
        if (token.getType() == Token.EOF) {
            return new Span(line, col, line, col);
        }
        int[] end = end(token);
        return new Span(line, col, end[0], end[1]);
    }

    static Span of(TerminalNode node) {
        return of(node.getSymbol());
    }

    static Span of(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            stop = start;
        }
        Span first = of(start);
        Span last = of(stop);
        return new Span(first.startLine(), first.startCol(), last.endLine(), last.endCol());
    }

    /** Line and column of the last character of a token, which may span lines (ANTLR counts only LF as a line break). */
    private static int[] end(Token token) {
        String text = token.getText();
        int line = token.getLine();
        int col = token.getCharPositionInLine();
        for (int c : text.codePoints().toArray()) {
            if (c == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new int[] {line, Math.max(col, 1)};
    }
}
