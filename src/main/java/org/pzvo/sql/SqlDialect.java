// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Optional;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.CastType;
import org.pzvo.db.Engine;

/**
 * What differs between the SQL of two database engines, and nothing else: everything that is the
 * same on every engine is written by the shared {@code SqlRenderer}. Arguments named {@code ...Sql}
 * are SQL fragments already rendered (and, if not atomic, parenthesised) by the renderer; every
 * method returns a fragment that can be embedded as an operand without further parentheses.
 *
 * <p>Implementations are immutable and thread-safe. Choose one with {@link SqlDialects#of(Engine)}.
 */
public interface SqlDialect {
    /** The engine this dialect writes for. */
    Engine engine();

    /** A delimited identifier for {@code name}, which may contain any character but NUL. */
    String quoteIdentifier(String name);

    /** A character string literal for {@code value}, which may contain any character but NUL. */
    String stringLiteral(String value);

    /**
     * The clause that follows ORDER BY to return at most {@code limit} rows after skipping
     * {@code offset} rows; either may be -1 (absent). Empty when both are absent; otherwise starts
     * with a space.
     */
    String limitClause(long limit, long offset);

    /** The ordering of NULLs to append to an ORDER BY key so that all engines sort NULLs last in ascending order (PostgreSQL's default); empty or starting with a space. */
    String nullOrdering(boolean descending);

    /** The SQL type name of an ADQL CAST target; {@code length} is -1 when absent. Not for geometry types. */
    String castType(CastType type, int length);

    /**
     * The call of a numeric or string built-in function whose translation differs between engines
     * (LOG, LOG10, RAND, ROUND, TRUNCATE, MOD, ...), or empty to let the renderer write the
     * standard {@code NAME(args)} call. {@code integral} tells whether all arguments are integers.
     */
    Optional<String> function(BuiltinFunction function, List<String> argsSql, boolean integral);

    /** {@code left op right} for a bitwise operator (AND, OR, XOR). */
    String bitwise(BinaryOperator operator, String leftSql, String rightSql);

    /** The bitwise complement of an integer. */
    String bitwiseNot(String operandSql);

    /** A DOUBLE PRECISION array built from the given element expressions (DALI geometry values). */
    String doubleArray(List<String> elementsSql);

    /** Element {@code index1Sql} (1-based) of an array known to be long enough. */
    String arrayElement(String arraySql, String index1Sql);

    /** Element {@code index1Sql} (1-based) of an array, or NULL when the index is out of range. */
    String arrayElementOrNull(String arraySql, String index1Sql);

    /** The aggregate concatenating the string values of a group separated by a delimiter (ivo_string_agg). */
    String stringAggregate(String valueSql, String delimiterSql);

    /**
     * A FROM item giving the integers 1..{@code count} as column {@code column} of a table named
     * {@code alias} (both are written quoted).
     */
    String integerSeries(int count, String alias, String column);

    /**
     * A FROM item giving the cross-match engine's pairs of BIGINTs as columns {@code first} and
     * {@code second} of a table named {@code alias} (all written quoted), from parameters:
     * PostgreSQL reads two arrays ({@code ?, ?}: first keys, second keys), H2 the table function
     * {@code pzvo_pairs(?)} of a token (its arrays are limited to 65,536 elements).
     */
    String pairParameters(String alias, String first, String second);

    /**
     * A FROM item giving, for each of the engine's pairs, the rows of one table: {@code columns}
     * (the first is the other table's BIGINT key) as a table named {@code alias}, from a token
     * parameter. Only H2 has it ({@code pzvo_pair_rows(?, spec)}); the engine is asked for rows
     * only there.
     *
     * @throws UnsupportedOperationException on other databases
     */
    default String pairRows(String alias, List<org.pzvo.adql.check.ColumnInfo> columns) {
        throw new UnsupportedOperationException("The cross-match engine supplies rows only on H2");
    }

    /** Capability: whether FULL OUTER JOIN exists (H2 2.3 has none; the translator then refuses it). */
    boolean supportsFullJoin();

    /**
     * Capability consulted by the rewriter: whether a derived table in FROM may be {@code LATERAL}
     * (refer to the FROM items before it). When true, the cone cells of a positional join are
     * computed once per outer row in a lateral subquery instead of in every range predicate.
     */
    boolean supportsLateral();

    /**
     * Capability consulted by the rewriter: whether the engine turns {@code (c >= a1 AND c < b1) OR
     * (c >= a2 AND c < b2) ...} on an indexed column into index range scans (PostgreSQL's BitmapOr).
     * When false, constant HEALPix ranges are joined from a series instead.
     */
    boolean indexesRangeDisjunction();
}
