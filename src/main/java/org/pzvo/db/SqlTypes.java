// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

/**
 * The SQL column type of a published column on each engine.
 *
 * <table>
 * <caption>VOTable datatype to SQL</caption>
 * <tr><th>VOTable</th><th>H2</th><th>PostgreSQL</th></tr>
 * <tr><td>boolean</td><td>BOOLEAN</td><td>boolean</td></tr>
 * <tr><td>short, int, long</td><td>SMALLINT, INTEGER, BIGINT</td><td>smallint, integer, bigint</td></tr>
 * <tr><td>float, double</td><td>REAL, DOUBLE PRECISION</td><td>real, double precision</td></tr>
 * <tr><td>char/unicodeChar, arraysize null</td><td>CHAR(1)</td><td>char(1)</td></tr>
 * <tr><td>char/unicodeChar, arraysize n / n* / *</td><td>CHAR(n) / VARCHAR(n) / VARCHAR</td>
 *     <td>char(n) / varchar(n) / text</td></tr>
 * <tr><td>char with xtype timestamp</td><td>TIMESTAMP</td><td>timestamp</td></tr>
 * <tr><td>char with xtype adql:REGION</td><td>DOUBLE PRECISION ARRAY</td><td>double precision[]</td></tr>
 * <tr><td>numeric or boolean array, arraysize n, n* / *</td><td>T ARRAY[n] / T ARRAY</td><td>T[]</td></tr>
 * </table>
 * Timestamps are UTC without a zone, as DALI 1.1 §3.3.3 timestamps are. A REGION is kept as its
 * shape array (DALI order) so that the geometry functions apply to it; results print it as STC-S.
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** The SQL type of {@code column} on {@code engine}, for CREATE TABLE. */
    public static String of(Engine engine, ColumnMeta column) {
        if (column.isRegion()) {
            return engine == Engine.POSTGRESQL ? "double precision[]" : "DOUBLE PRECISION ARRAY";
        }
        if (column.isCharacter()) {
            if ("timestamp".equals(column.xtype())) {
                return "TIMESTAMP";
            }
            int max = column.maxLength();
            if (column.arraysize() == null || column.fixedLength() > 0) {
                return "CHAR(" + max + ")";
            }
            if (max > 0) {
                return "VARCHAR(" + max + ")";
            }
            return engine == Engine.POSTGRESQL ? "TEXT" : "VARCHAR";
        }
        String scalar = scalar(column.datatype());
        if (column.arraysize() == null) {
            return scalar;
        }
        if (engine == Engine.POSTGRESQL) {
            return scalar + "[]";
        }
        int max = column.maxLength();
        return max > 0 ? scalar + " ARRAY[" + max + "]" : scalar + " ARRAY";
    }

    /**
     * The element type name for {@link java.sql.Connection#createArrayOf} of an array column
     * ({@code REAL}, {@code DOUBLE PRECISION}, ...), the same on both engines.
     */
    public static String elementType(ColumnMeta column) {
        return scalar(column.datatype());
    }

    private static String scalar(String datatype) {
        return switch (datatype) {
            case "boolean" -> "BOOLEAN";
            case "short" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "long" -> "BIGINT";
            case "float" -> "REAL";
            case "double" -> "DOUBLE PRECISION";
            default -> throw new IllegalArgumentException("Expected a numeric or boolean VOTable datatype, actual "
                    + datatype);
        };
    }
}
