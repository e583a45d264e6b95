// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.Messages;

/**
 * Turns the first ANTLR syntax error into an {@link AdqlException} with friendly wording:
 * "mismatched input 'FROM'; expecting an expression". The listener throws, so ANTLR never gets to
 * recover (Trino's {@code ErrorHandler} idea, without its rule-level analysis: sets of expected
 * tokens are summarised instead).
 */
final class SyntaxErrors extends BaseErrorListener {

    /** Unchecked carrier for the AdqlException, unwrapped by {@link ParseDriver}. */
    static final class Signal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient AdqlException error;

        Signal(AdqlException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Parser parser = (Parser) recognizer;
        Token token = (Token) offendingSymbol;
        IntervalSet expected = parser.getExpectedTokens();
        throw new Signal(new AdqlException(Spans.of(token), message(parser, token, expected)));
    }

    static String message(Parser parser, Token token, IntervalSet expected) {
        switch (token.getType()) {
            case AdqlLexer.UNEXPECTED_CHAR:
                return Messages.unexpectedCharacter(token.getText().codePointAt(0));
            case AdqlLexer.UNTERMINATED_STRING:
                return Messages.unterminatedString();
            case AdqlLexer.UNTERMINATED_DELIMITED_ID:
                return Messages.unterminatedDelimitedIdentifier();
            default:
                break;
        }
        String wanted = describe(expected);
        if (token.getType() == Token.EOF) {
            return Messages.unexpectedEnd(wanted);
        }
        String text = token.getText();
        String hint = "";
        if (isNameLike(token.getType()) && expected.contains(AdqlLexer.REGULAR_ID)) {
            hint = Messages.reservedWordHint(text);
        } else {
            TokenStream tokens = parser.getInputStream();
            Token previous = tokens.index() > 0 ? tokens.LT(-1) : null;
            if (previous != null && isNameLike(previous.getType()) && expected.size() == 1
                    && expected.contains(AdqlLexer.LPAREN)) {
                hint = Messages.reservedWordHint(previous.getText());
            }
        }
        return Messages.mismatchedInput(text, wanted) + hint;
    }

    static boolean isKeyword(int type) {
        return type >= AdqlLexer.ABS && type <= AdqlLexer.RESERVED_WORD && type != AdqlLexer.BIGINT;
    }

    /**
     * Keywords a user may plausibly have meant as a column or table name (function and type names
     * and the reserved words the grammar does not use), as opposed to clause keywords such as FROM.
     */
    static boolean isNameLike(int type) {
        if (type == AdqlLexer.RESERVED_WORD) {
            return true;
        }
        String name = AdqlLexer.VOCABULARY.getSymbolicName(type);
        return name != null && NAME_LIKE.contains(name);
    }

    private static final Set<String> NAME_LIKE = Set.of("ABS", "ACOS", "AREA", "ASIN", "ATAN", "ATAN2", "AVG", "BOX",
            "CEILING", "CENTROID", "CHAR", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "COS", "COT", "COUNT",
            "DEGREES", "DISTANCE", "DOUBLE", "EXP", "FLOOR", "INTEGER", "INTERSECTS", "LOG", "LOG10", "LOWER", "MAX",
            "MIN", "MOD", "PI", "POINT", "POLYGON", "POWER", "PRECISION", "RADIANS", "RAND", "REAL", "REGION", "ROUND",
            "SIN", "SMALLINT", "SQRT", "SUM", "TAN", "TIMESTAMP", "TOP", "TRUNCATE", "UPPER", "VARCHAR", "COALESCE",
            "IN_UNIT", "OFFSET", "DESC", "ASC", "LEFT", "RIGHT", "FULL", "END");

    /** A short English description of what the parser could have accepted. */
    static String describe(IntervalSet expected) {
        if (expected.contains(AdqlLexer.EXISTS) && expected.contains(AdqlLexer.NOT) && expected.contains(AdqlLexer.STRING)) {
            return "a condition";
        }
        if (expected.contains(AdqlLexer.STRING) && expected.contains(AdqlLexer.REGULAR_ID)) {
            return "an expression";
        }
        Set<String> names = new LinkedHashSet<>();
        for (int type : expected.toList()) {
            if (type != AdqlLexer.BIGINT || !expected.contains(AdqlLexer.REGULAR_ID)) {
                names.add(describe(type));
            }
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    private static String describe(int type) {
        switch (type) {
            case Token.EOF:
                return "end of query";
            case AdqlLexer.REGULAR_ID:
            case AdqlLexer.DELIMITED_ID:
                return "a name";
            case AdqlLexer.UNSIGNED_INTEGER:
                return "an unsigned integer";
            case AdqlLexer.STRING:
                return "a string literal";
            case AdqlLexer.DECIMAL:
            case AdqlLexer.REAL_NUMBER:
            case AdqlLexer.HEX_NUMBER:
                return "a number";
            default:
                String literal = AdqlLexer.VOCABULARY.getLiteralName(type);
                if (literal != null && Character.isLetter(literal.charAt(1))) {
                    return literal.substring(1, literal.length() - 1).toUpperCase(Locale.ROOT);
                }
                if (literal != null) {
                    return literal;
                }
                String symbolic = AdqlLexer.VOCABULARY.getSymbolicName(type);
                return symbolic == null ? "token " + type : symbolic;
        }
    }
}
