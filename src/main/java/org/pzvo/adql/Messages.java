// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import java.util.List;

/**
 * Every user-facing message text of the ADQL engine, in one place so that wording stays
 * consistent and tests can refer to it. Messages carry no position: {@link AdqlException} adds
 * "line L, column C: ". Names are quoted as the user wrote them.
 */
public final class Messages {
    private Messages() {
    }

    // ------------------------------------------------------------------ syntax

    public static String mismatchedInput(String tokenText, String expected) {
        return "mismatched input '" + tokenText + "'; expecting " + expected;
    }

    public static String unexpectedEnd(String expected) {
        return "unexpected end of query; expecting " + expected;
    }

    public static String unexpectedCharacter(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        if (codePoint < 0x20 || codePoint == 0x7F) {
            return "unexpected character " + code;
        }
        String text = new String(Character.toChars(codePoint));
        if (codePoint == ';') {
            return "unexpected character ';' (an ADQL query is one statement, without a terminating semicolon)";
        }
        return codePoint < 0x80 ? "unexpected character '" + text + "'"
                : "unexpected character '" + text + "' (" + code + "); ADQL allows only ASCII outside literals"
                        + " and delimited identifiers";
    }

    public static String unterminatedString() {
        return "unterminated string literal: the closing ' is missing";
    }

    public static String unterminatedDelimitedIdentifier() {
        return "unterminated delimited identifier: the closing \" is missing";
    }

    public static String reservedWordHint(String word) {
        return " ('" + word + "' is a reserved word; write \"" + word + "\" to use it as a name)";
    }

    public static String emptyQuery() {
        return "empty query";
    }

    public static String queryTooLong(int length, int maxLength) {
        return "query too long: " + length + " characters, at most " + maxLength + " allowed";
    }

    public static String queryTooDeep() {
        return "query too deep to parse";
    }

    public static String numberTooLarge(String text) {
        return "number too large: " + text;
    }

    public static String tooManyNameParts(String name) {
        return "too many qualifiers in '" + name + "'";
    }

    public static String joinExpectedInParentheses() {
        return "expecting a JOIN inside the parentheses";
    }

    public static String wrongArgumentCount(String function, int min, int max, int actual) {
        String expected = min == max ? String.valueOf(min) : max == min + 1 ? min + " or " + max : min + " to " + max;
        return function + " takes " + expected + (max == 1 && min == 1 ? " argument" : " arguments") + ", not " + actual;
    }

    public static String geometryForm(String function, List<String> forms) {
        return "invalid arguments for " + function + "; expecting " + String.join(" or ", forms);
    }

    public static String notAPoint(String what) {
        return "expecting a point (POINT(...) or a point-valued column), not " + what;
    }

    public static String unknownCoordSys(String text) {
        return "unknown coordinate system '" + text + "'; expecting an STC-S frame such as 'ICRS', or ''";
    }

    public static String geometryOperand(String operator) {
        return "a geometry cannot be an operand of " + operator;
    }

    public static String notACoordSys(String what) {
        return "expecting a coordinate system string, not " + what;
    }

    // ------------------------------------------------------------------ names

    public static String unknownTable(String name, String suggestion) {
        return "unknown table '" + name + "'" + didYouMean(suggestion);
    }

    public static String unknownSchema(String name, String suggestion) {
        return "unknown schema '" + name + "'" + didYouMean(suggestion);
    }

    public static String ambiguousTable(String name, List<String> candidates) {
        return "ambiguous table name '" + name + "': could be " + String.join(" or ", candidates)
                + "; qualify it with its schema";
    }

    public static String unknownColumn(String name, String suggestion) {
        return "unknown column '" + name + "'" + didYouMean(suggestion);
    }

    public static String unknownColumnIn(String name, String table, String suggestion) {
        return "unknown column '" + name + "' in '" + table + "'" + didYouMean(suggestion);
    }

    public static String ambiguousColumn(String name, List<String> candidates) {
        return "ambiguous column name '" + name + "': could be " + String.join(" or ", candidates)
                + "; qualify it with a table name or alias";
    }

    public static String unknownQualifier(String name, String suggestion) {
        return "unknown table or alias '" + name + "'" + didYouMean(suggestion);
    }

    public static String duplicateCorrelation(String name) {
        return "table name or alias '" + name + "' used twice in the same FROM clause; give one of them an alias";
    }

    public static String duplicateCte(String name) {
        return "common table expression '" + name + "' defined twice";
    }

    public static String cteColumnCount(String name, int declared, int actual) {
        return "common table expression '" + name + "' names " + declared + " columns but its query has " + actual;
    }

    public static String usingColumnMissing(String name, String side) {
        return "column '" + name + "' of USING is not in the " + side + " side of the join";
    }

    public static String orderByOrdinal(long ordinal, int columns) {
        return "ORDER BY position " + ordinal + " is not in the select list (1 to " + columns + ")";
    }

    public static String groupByOrdinal(long ordinal, int columns) {
        return "GROUP BY position " + ordinal + " is not in the select list (1 to " + columns + ")";
    }

    public static String setColumnCount(String operator, int left, int right) {
        return operator + " needs the same number of columns on both sides, not " + left + " and " + right;
    }

    public static String setOrderBy() {
        return "ORDER BY of a set operation must name an output column or give its position";
    }

    public static String subqueryColumns(int count) {
        return "subquery must return exactly one column, not " + count;
    }

    // ------------------------------------------------------------------ types and features

    public static String argumentType(String function, int position, String expected, String actual) {
        return "argument " + position + " of " + function + " must be " + expected + ", not " + actual;
    }

    public static String operandType(String operator, String expected, String actual) {
        return "operand of " + operator + " must be " + expected + ", not " + actual;
    }

    public static String comparisonTypes(String left, String right) {
        return "cannot compare " + left + " with " + right;
    }

    public static String unknownFunction(String name, String suggestion) {
        return "unknown function '" + name + "'" + didYouMean(suggestion);
    }

    public static String unsupportedFeature(String name) {
        return name + " is not supported by this service";
    }

    public static String unsupportedFrame(String frame) {
        return "unsupported coordinate system '" + frame + "': this service supports only ICRS";
    }

    public static String aggregateNotAllowed(String clause) {
        return "aggregate functions are not allowed in " + clause;
    }

    public static String notGrouped(String column) {
        return "column '" + column + "' must appear in GROUP BY or be used in an aggregate function";
    }

    public static String unitOfValueUnknown() {
        return "IN_UNIT needs a value whose unit is known (a column with a unit, or such a column in"
                + " +, -, ABS, MIN, MAX, SUM or AVG)";
    }

    public static String unitConversion(String detail) {
        return "IN_UNIT: " + detail;
    }

    private static String didYouMean(String suggestion) {
        return suggestion == null ? "" : "; did you mean '" + suggestion + "'?";
    }
}
