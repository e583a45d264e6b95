// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.Span;

/**
 * Runs the generated parser and the {@link AstBuilder}; the one entry point of this package, used
 * by {@link org.pzvo.adql.AdqlParser}. Parses in SLL mode first and re-parses in full LL mode only
 * when SLL fails (Trino's {@code invokeParser}); the LL pass throws on the first error. Nesting is
 * bounded before parsing (parentheses) and after building (tree depth) so that no later stage can
 * overflow the stack; a {@link StackOverflowError} in between still becomes a clean error.
 * NUL characters are refused anywhere, even in literals, because no database accepts them in text.
 * Thread-safe: every call uses its own lexer, parser and builder.
 */
public final class ParseDriver {
    /** Most parentheses open at once. */
    public static final int MAX_PAREN_DEPTH = 200;
    /** Deepest syntax tree accepted (nodes on one root-to-leaf path). */
    public static final int MAX_TREE_DEPTH = 1000;

    private ParseDriver() {
    }

    /** Parses one ADQL query of at most {@code maxLength} characters. */
    public static Query parse(String adql, int maxLength) throws AdqlException {
        if (adql.length() > maxLength) {
            throw new AdqlException(new Span(1, 1, 1, 1), Messages.queryTooLong(adql.length(), maxLength));
        }
        int nul = adql.indexOf('\0');
        if (nul >= 0) {
            throw new AdqlException(position(adql, nul), Messages.unexpectedCharacter(0));
        }
        try {
            Query query = parseChecked(adql);
            if (Nodes.depth(query) > MAX_TREE_DEPTH) {
                throw new AdqlException(query.span(), Messages.queryTooDeep());
            }
            return query;
        } catch (SyntaxErrors.Signal signal) {
            throw signal.error;
        } catch (StackOverflowError e) {
            throw new AdqlException(new Span(1, 1, 1, 1), Messages.queryTooDeep());
        }
    }

    private static Query parseChecked(String adql) throws AdqlException {
        AdqlLexer lexer = new AdqlLexer(CharStreams.fromString(adql));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkTokens(tokens);
        AdqlParser parser = new AdqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        AdqlParser.QueryContext tree;
        try {
            tree = parser.query();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new SyntaxErrors());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.query();
        }
        return new AstBuilder().build(tree);
    }

    /** The one-character span at {@code index} (lines broken by LF, as ANTLR counts them). */
    private static Span position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = text.codePointCount(lineStart, index) + 1;
        return new Span(line, col, line, col);
    }

    private static void checkTokens(CommonTokenStream tokens) throws AdqlException {
        if (tokens.size() == 1) {
            throw new AdqlException(Spans.of(tokens.get(0)), Messages.emptyQuery());
        }
        int depth = 0;
        for (Token token : tokens.getTokens()) {
            if (token.getType() == AdqlLexer.LPAREN && ++depth > MAX_PAREN_DEPTH) {
                throw new AdqlException(Spans.of(token), Messages.queryTooDeep());
            } else if (token.getType() == AdqlLexer.RPAREN) {
                depth--;
            }
        }
    }
}
