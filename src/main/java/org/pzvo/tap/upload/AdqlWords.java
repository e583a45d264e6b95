// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.pzvo.adql.parse.AdqlLexer;

/** ADQL reserved words (ADQL 2.1 §2.1.2), from the grammar's own lexer. */
final class AdqlWords {
    private AdqlWords() {
    }

    /** Whether {@code word} lexes as one ADQL keyword or reserved word rather than an identifier. */
    static boolean isReserved(String word) {
        AdqlLexer lexer = new AdqlLexer(CharStreams.fromString(word));
        lexer.removeErrorListeners();
        Token first = lexer.nextToken();
        Token second = lexer.nextToken();
        int type = first.getType();
        return second.getType() == Token.EOF && first.getText().length() == word.length()
                && type >= AdqlLexer.ABS && type <= AdqlLexer.RESERVED_WORD;
    }
}
