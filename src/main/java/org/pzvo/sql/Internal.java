// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Optional;
import org.pzvo.adql.ast.CteTable;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.DerivedTable;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.NumericKind;
import org.pzvo.adql.ast.NumericLiteral;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.UdfCall;
import org.pzvo.adql.check.ColumnInfo;

/**
 * The SQL-only constructs the passes put into a checked tree, encoded as nodes no query can
 * produce: names starting with a NUL character, which the parser and {@code Support} refuse in
 * any user text (so a user's CTE, alias or function can never be mistaken for one of these).
 * {@code SqlRenderer} writes them:
 * <ul>
 *   <li>{@code \0name(args)}: the SQL function {@code name(args)} (our pzvo_* functions);</li>
 *   <li>{@code \0element(array, i)}: the 1-based array element ({@code \0element_or_null}: NULL
 *       when out of range), {@code \0cardinality(array)}:
 *       the array length, {@code \0array(a, b, ...)}: an array of integers;</li>
 *   <li>the CTE reference {@code \0series} with column {@value #SERIES_COLUMN}: the integers 1..n
 *       (see {@link #series});</li>
 *   <li>the CTE reference {@code \0pairs} with columns {@value #PAIRS_FIRST}, {@value #PAIRS_SECOND}:
 *       the cross-match pairs, read from two BIGINT array parameters (see {@link #pairs});</li>
 *   <li>the CTE reference {@code \0pair_rows}: the pairs with the rows of one table (see
 *       {@link #pairRows});</li>
 *   <li>a {@link DerivedTable} whose alias starts with NUL: {@code LATERAL (query) AS
 *       alias} (see {@link #lateral}).</li>
 * </ul>
 */
final class Internal {
    static final String PREFIX = "\0";
    static final String ELEMENT = PREFIX + "element";
    static final String ELEMENT_OR_NULL = PREFIX + "element_or_null";
    static final String CARDINALITY = PREFIX + "cardinality";
    static final String ARRAY = PREFIX + "array";
    static final String SERIES = PREFIX + "series";
    static final String SERIES_COLUMN = "k";
    static final String PAIRS = PREFIX + "pairs";
    static final String PAIRS_FIRST = "k1";
    static final String PAIRS_SECOND = "k2";
    static final String PAIR_ROWS = PREFIX + "pair_rows";
    /** Column of a {@link #lateral} cells table. */
    static final String CELLS_COLUMN = "c";

    private Internal() {
    }

    static boolean isInternal(String udfName) {
        return udfName.startsWith(PREFIX);
    }

    /** A call of one of our SQL functions, e.g. {@code sql("pzvo_contains", ...)}. */
    static UdfCall sql(String function, List<Expr> args) {
        return new UdfCall(Span.NONE, PREFIX + function, args);
    }

    static UdfCall element(Expr array, int index1) {
        return new UdfCall(Span.NONE, ELEMENT, List.of(array, integer(index1)));
    }

    static UdfCall element(Expr array, Expr index1) {
        return new UdfCall(Span.NONE, ELEMENT, List.of(array, index1));
    }

    /** Element {@code index1} of an array that may be shorter: NULL then, on every engine. */
    static UdfCall elementOrNull(Expr array, Expr index1) {
        return new UdfCall(Span.NONE, ELEMENT_OR_NULL, List.of(array, index1));
    }

    static UdfCall cardinality(Expr array) {
        return new UdfCall(Span.NONE, CARDINALITY, List.of(array));
    }

    static UdfCall array(List<Expr> elements) {
        return new UdfCall(Span.NONE, ARRAY, elements);
    }

    static NumericLiteral integer(long value) {
        return new NumericLiteral(Span.NONE, Long.toString(value), NumericKind.INTEGER);
    }

    /**
     * The FROM item of the integers 1..{@code count} under correlation {@code correlation}; the
     * count is kept as the single column's arraysize so the renderer needs no other state.
     */
    static CteTable series(String correlation, int count) {
        ColumnInfo k = new ColumnInfo(SERIES_COLUMN, "long", Integer.toString(count), null, null, null, null, null);
        return new CteTable(Span.NONE, SERIES, correlation, List.of(k));
    }

    /** The column of a {@link #series}. */
    static ResolvedColumn seriesColumn(CteTable series) {
        return new ResolvedColumn(Span.NONE, Optional.of(series.correlation()), SERIES_COLUMN,
                series.columns().get(0));
    }

    /** The FROM item of the engine's pairs (first key, second key) under {@code correlation}. */
    static CteTable pairs(String correlation) {
        return new CteTable(Span.NONE, PAIRS, correlation, List.of(
                new ColumnInfo(PAIRS_FIRST, "long", null, null, null, null, null, null),
                new ColumnInfo(PAIRS_SECOND, "long", null, null, null, null, null, null)));
    }

    static ResolvedColumn pairsColumn(CteTable pairs, String column) {
        ColumnInfo c = pairs.columns().get(column.equals(PAIRS_FIRST) ? 0 : 1);
        return new ResolvedColumn(Span.NONE, Optional.of(pairs.correlation()), column, c);
    }

    static boolean isPairs(CteTable table) {
        return table.cteName().equals(PAIRS);
    }

    /**
     * The FROM item of the engine's pairs with the rows of one table: that table's columns and
     * the other table's key ({@link PairRequest#ROWS_KEY}), under the table's own correlation.
     */
    static CteTable pairRows(String correlation, List<ColumnInfo> columns) {
        List<ColumnInfo> all = new java.util.ArrayList<>();
        all.add(new ColumnInfo(PairRequest.ROWS_KEY, "long", null, null, null, null, null, null));
        all.addAll(columns);
        return new CteTable(Span.NONE, PAIR_ROWS, correlation, List.copyOf(all));
    }

    static boolean isPairRows(CteTable table) {
        return table.cteName().equals(PAIR_ROWS);
    }

    /**
     * {@code LATERAL (SELECT value AS c OFFSET 0) AS correlation}: {@code value} computed once per
     * row of the FROM items before it (OFFSET 0 keeps PostgreSQL from inlining it back into every
     * reference).
     */
    static DerivedTable lateral(String correlation, Expr value) {
        SelectQuery q = new SelectQuery(Span.NONE, false, -1,
                List.of(new DerivedColumn(Span.NONE, value, Optional.of(new Identifier(Span.NONE, CELLS_COLUMN, true)))),
                List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), 0);
        return new DerivedTable(Span.NONE, q, new Identifier(Span.NONE, PREFIX + correlation, true));
    }

    /** The value column of a {@link #lateral} table, a BIGINT array. */
    static ResolvedColumn lateralColumn(DerivedTable lateral) {
        ColumnInfo c = new ColumnInfo(CELLS_COLUMN, "long", "*", null, null, null, null, null);
        return new ResolvedColumn(Span.NONE, Optional.of(lateralName(lateral)), CELLS_COLUMN, c);
    }

    static boolean isLateral(DerivedTable table) {
        return table.alias().text().startsWith(PREFIX);
    }

    static String lateralName(DerivedTable table) {
        return table.alias().text().substring(PREFIX.length());
    }

    static boolean isSeries(CteTable table) {
        return table.cteName().equals(SERIES);
    }

    static int seriesCount(CteTable table) {
        return Integer.parseInt(table.columns().get(0).arraysize());
    }
}
