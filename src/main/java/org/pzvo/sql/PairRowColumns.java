// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.StringJoiner;
import org.pzvo.adql.check.ColumnInfo;

/**
 * The columns the cross-match engine can supply with its pairs ({@link PairRequest.Rows}): scalar
 * numbers, booleans and strings, each as the SQL type an uploaded table stores it in, so that an
 * expression over the supplied column computes what it computes over the table's. On H2 the
 * column list travels as a literal {@code "TYPE name;TYPE name;..."} (names are ADQL identifiers,
 * so they hold neither space nor semicolon).
 */
public final class PairRowColumns {
    private PairRowColumns() {
    }

    /** Whether every column of {@code columns} can be supplied. */
    static boolean supported(List<ColumnInfo> columns) {
        return columns.stream().allMatch(c -> sqlType(c) != null && !c.name().contains(" ") && !c.name().contains(";")
                && !c.name().equals(PairRequest.ROWS_KEY));
    }

    /** The SQL type of {@code c}, or null when it cannot be supplied (arrays, other datatypes). */
    public static String sqlType(ColumnInfo c) {
        if ("char".equals(c.datatype())) {
            return "VARCHAR";
        }
        if (c.arraysize() != null) {
            return null;
        }
        return switch (c.datatype()) {
            case "boolean" -> "BOOLEAN";
            case "short" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "long" -> "BIGINT";
            case "float" -> "REAL";
            case "double" -> "DOUBLE";
            default -> null;
        };
    }

    /** The column list of {@code columns} for H2's {@code pzvo_pair_rows}. */
    static String spec(List<ColumnInfo> columns) {
        StringJoiner spec = new StringJoiner(";");
        for (ColumnInfo c : columns) {
            String type = sqlType(c);
            if (type == null || c.name().contains(" ") || c.name().contains(";")) {
                throw new IllegalArgumentException("Expected a column the engine can supply, actual " + c.name() + " ("
                        + c.datatype() + (c.arraysize() == null ? "" : "[" + c.arraysize() + "]") + ")");
            }
            spec.add(type + " " + c.name());
        }
        return spec.toString();
    }
}
