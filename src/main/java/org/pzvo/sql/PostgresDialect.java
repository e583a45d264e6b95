// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Optional;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.CastType;
import org.pzvo.db.Engine;

/**
 * SQL for PostgreSQL 14 and later. String literals are written as {@code E'...'} escape strings so
 * that their meaning does not depend on {@code standard_conforming_strings}; {@code log} is the
 * decimal logarithm (so ADQL LOG becomes {@code ln}); {@code round}/{@code trunc} with digits and
 * {@code mod} exist only for NUMERIC, so floating arguments go through NUMERIC and come back as
 * DOUBLE PRECISION; {@code random()} takes no seed (a seed given to RAND is ignored).
 *
 * @param indexesRangeDisjunction see {@link SqlDialect#indexesRangeDisjunction()}; PostgreSQL
 *     plans an OR of ranges as a BitmapOr of index scans, so {@link SqlDialects#POSTGRESQL} sets it
 */
public record PostgresDialect(boolean indexesRangeDisjunction) implements SqlDialect {
    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public boolean supportsFullJoin() {
        return true;
    }

    @Override
    public boolean supportsLateral() {
        return true;
    }

    @Override
    public String quoteIdentifier(String name) {
        return SqlText.quote(name, '"');
    }

    @Override
    public String stringLiteral(String value) {
        // E'' strings treat the backslash as an escape whatever standard_conforming_strings says.
        return "E" + SqlText.quote(value.replace("\\", "\\\\"), '\'');
    }

    @Override
    public String limitClause(long limit, long offset) {
        StringBuilder out = new StringBuilder();
        if (limit >= 0) {
            out.append(" LIMIT ").append(limit);
        }
        if (offset >= 0) {
            out.append(" OFFSET ").append(offset);
        }
        return out.toString();
    }

    @Override
    public String nullOrdering(boolean descending) {
        return "";
    }

    @Override
    public String castType(CastType type, int length) {
        return SqlText.standardCastType(type, length);
    }

    @Override
    public Optional<String> function(BuiltinFunction function, List<String> args, boolean integral) {
        return switch (function) {
            case LOG -> Optional.of("ln(" + args.get(0) + ")");
            case LOG10 -> Optional.of("log(" + SqlText.asDouble(args.get(0)) + ")");
            case RAND -> Optional.of("random()");
            case TRUNCATE -> Optional.of(viaNumeric("trunc", args));
            case ROUND -> Optional.of(viaNumeric("round", args));
            case MOD -> Optional.of(integral ? "mod(" + args.get(0) + ", " + args.get(1) + ")"
                    : "CAST(mod(CAST(" + args.get(0) + " AS NUMERIC), CAST(" + args.get(1)
                    + " AS NUMERIC)) AS DOUBLE PRECISION)");
            default -> Optional.empty();
        };
    }

    /** {@code f(x[, n])} on NUMERIC, which rounds halves away from zero like H2, as DOUBLE PRECISION. */
    private static String viaNumeric(String name, List<String> args) {
        return "CAST(" + name + "(CAST(" + args.get(0) + " AS NUMERIC)"
                + (args.size() > 1 ? ", CAST(" + args.get(1) + " AS INTEGER)" : "") + ") AS DOUBLE PRECISION)";
    }

    @Override
    public String bitwise(BinaryOperator operator, String left, String right) {
        String symbol = switch (operator) {
            case BIT_AND -> "&";
            case BIT_OR -> "|";
            case BIT_XOR -> "#";
            default -> throw new IllegalArgumentException("Expected a bitwise operator, actual " + operator);
        };
        return "(" + left + " " + symbol + " " + right + ")";
    }

    @Override
    public String bitwiseNot(String operand) {
        return "(~" + operand + ")";
    }

    @Override
    public String doubleArray(List<String> elements) {
        return "CAST(ARRAY[" + String.join(", ", elements) + "] AS DOUBLE PRECISION[])";
    }

    @Override
    public String arrayElement(String array, String index1) {
        return "(" + array + ")[" + index1 + "]";
    }

    @Override
    public String arrayElementOrNull(String array, String index1) {
        return "(" + array + ")[" + index1 + "]";
    }

    @Override
    public String stringAggregate(String value, String delimiter) {
        return "string_agg(CAST(" + value + " AS VARCHAR), " + delimiter + ")";
    }

    @Override
    public String integerSeries(int count, String alias, String column) {
        return "generate_series(1, " + count + ") AS " + quoteIdentifier(alias) + "(" + quoteIdentifier(column) + ")";
    }

    @Override
    public String pairParameters(String alias, String first, String second) {
        return "UNNEST(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS " + quoteIdentifier(alias) + "(" + quoteIdentifier(first) + ", "
                + quoteIdentifier(second) + ")";
    }
}
