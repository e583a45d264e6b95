// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Optional;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.CastType;
import org.pzvo.db.Engine;

/**
 * SQL for H2 2.3 (MODE=REGULAR). Quoted identifiers are case-sensitive, string literals have no
 * escape character besides the doubled quote, arrays are 1-based and an out-of-range subscript is
 * an error, {@code LOG} is the natural logarithm, bitwise operators are the functions
 * {@code BITAND}/{@code BITOR}/{@code BITXOR}/{@code BITNOT}, and ascending ORDER BY puts NULLs
 * first unless told otherwise.
 *
 * @param indexesRangeDisjunction see {@link SqlDialect#indexesRangeDisjunction()}; H2 2.3 scans
 *     the table for an OR of ranges, so {@link SqlDialects#H2} sets it to false
 */
public record H2Dialect(boolean indexesRangeDisjunction) implements SqlDialect {
    @Override
    public Engine engine() {
        return Engine.H2;
    }

    @Override
    public boolean supportsFullJoin() {
        return false;
    }

    @Override
    public boolean supportsLateral() {
        return false;
    }

    @Override
    public String quoteIdentifier(String name) {
        return SqlText.quote(name, '"');
    }

    @Override
    public String stringLiteral(String value) {
        return SqlText.quote(value, '\'');
    }

    @Override
    public String limitClause(long limit, long offset) {
        StringBuilder out = new StringBuilder();
        if (offset >= 0) {
            out.append(" OFFSET ").append(offset).append(" ROWS");
        }
        if (limit >= 0) {
            out.append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
        }
        return out.toString();
    }

    @Override
    public String nullOrdering(boolean descending) {
        return descending ? " NULLS FIRST" : " NULLS LAST";
    }

    @Override
    public String castType(CastType type, int length) {
        return SqlText.standardCastType(type, length);
    }

    @Override
    public Optional<String> function(BuiltinFunction function, List<String> args, boolean integral) {
        return switch (function) {
            case LOG -> Optional.of("LN(" + args.get(0) + ")");
            case TRUNCATE -> Optional.of("CAST(TRUNC(" + SqlText.asDouble(args.get(0))
                    + (args.size() > 1 ? ", " + args.get(1) : "") + ") AS DOUBLE PRECISION)");
            case ROUND -> Optional.of("CAST(ROUND(" + SqlText.asDouble(args.get(0))
                    + (args.size() > 1 ? ", " + args.get(1) : "") + ") AS DOUBLE PRECISION)");
            case MOD -> Optional.of(integral ? "MOD(" + args.get(0) + ", " + args.get(1) + ")"
                    : "CAST(MOD(" + SqlText.asDouble(args.get(0)) + ", " + SqlText.asDouble(args.get(1))
                    + ") AS DOUBLE PRECISION)");
            default -> Optional.empty();
        };
    }

    @Override
    public String bitwise(BinaryOperator operator, String left, String right) {
        String name = switch (operator) {
            case BIT_AND -> "BITAND";
            case BIT_OR -> "BITOR";
            case BIT_XOR -> "BITXOR";
            default -> throw new IllegalArgumentException("Expected a bitwise operator, actual " + operator);
        };
        return name + "(" + left + ", " + right + ")";
    }

    @Override
    public String bitwiseNot(String operand) {
        return "BITNOT(" + operand + ")";
    }

    @Override
    public String doubleArray(List<String> elements) {
        return "CAST(ARRAY[" + String.join(", ", elements) + "] AS DOUBLE PRECISION ARRAY)";
    }

    @Override
    public String arrayElement(String array, String index1) {
        return "(" + array + ")[" + index1 + "]";
    }

    @Override
    public String arrayElementOrNull(String array, String index1) {
        // H2 raises an error for an out-of-range subscript, whatever the order of evaluation of the
        // conditions that would exclude it; CASE is evaluated lazily.
        return "CASE WHEN " + index1 + " <= CARDINALITY(" + array + ") THEN (" + array + ")[" + index1 + "] END";
    }

    @Override
    public String stringAggregate(String value, String delimiter) {
        return "LISTAGG(CAST(" + value + " AS VARCHAR), " + delimiter + ")";
    }

    @Override
    public String integerSeries(int count, String alias, String column) {
        return "SYSTEM_RANGE(1, " + count + ") AS " + quoteIdentifier(alias) + "(" + quoteIdentifier(column) + ")";
    }

    @Override
    public String pairParameters(String alias, String first, String second) {
        // H2 arrays hold at most 65,536 elements: a table function of a token streams the pairs.
        return "pzvo_pairs(?) AS " + quoteIdentifier(alias);
    }

    @Override
    public String pairRows(String alias, List<org.pzvo.adql.check.ColumnInfo> columns) {
        // H2 asks a table function for its columns before the token is bound: the literal lists them.
        return "pzvo_pair_rows(?, " + stringLiteral(PairRowColumns.spec(columns)) + ") AS " + quoteIdentifier(alias);
    }
}
