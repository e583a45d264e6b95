// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pzvo.adql.ast.BuiltinFunction;

/** Function calls for {@link SqlRenderer}: built-in ADQL functions, our UDFs and the internal calls of {@link Internal}. */
final class SqlCalls {
    private static final Pattern UDF_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private SqlCalls() {
    }

    /** A numeric or string built-in function (geometric ones are rewritten before rendering). */
    static String builtin(SqlDialect dialect, BuiltinFunction fn, List<String> args, boolean integral) {
        if (fn.category() == BuiltinFunction.Category.GEOMETRY) {
            throw new IllegalStateException("Expected " + fn + " to be rewritten by GeometryFunctions");
        }
        Optional<String> special = dialect.function(fn, args, integral);
        if (special.isPresent()) {
            return special.get();
        }
        String call = fn.adqlName() + "(" + String.join(", ", args) + ")";
        return switch (fn) {
            // ADQL gives these a floating result (the checker says double); engines keep the argument type.
            case CEILING, FLOOR -> SqlText.asDouble(call);
            default -> call;
        };
    }

    /** A UDF call (names come from the catalog, checked again here) or an internal call. */
    static String udf(SqlDialect dialect, String name, List<String> args) {
        if (Internal.isInternal(name)) {
            return switch (name) {
                case Internal.ELEMENT -> dialect.arrayElement(args.get(0), args.get(1));
                case Internal.ELEMENT_OR_NULL -> dialect.arrayElementOrNull(args.get(0), args.get(1));
                case Internal.CARDINALITY -> "CARDINALITY(" + args.get(0) + ")";
                case Internal.ARRAY -> "ARRAY[" + String.join(", ", args) + "]";
                default -> name.substring(Internal.PREFIX.length()) + "(" + String.join(", ", args) + ")";
            };
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!UDF_NAME.matcher(lower).matches()) {
            throw new IllegalStateException("Expected a plain UDF name, actual " + name);
        }
        return switch (lower) {
            case "ivo_string_agg" -> dialect.stringAggregate(args.get(0), args.get(1));
            // H2 returns the aggregate state as JAVA_OBJECT; pzvo_int_array makes it an INTEGER ARRAY.
            case "ivo_histogram" -> "pzvo_int_array(ivo_histogram(" + String.join(", ", args) + "))";
            default -> lower + "(" + String.join(", ", args) + ")";
        };
    }
}
