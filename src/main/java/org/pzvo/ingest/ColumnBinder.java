// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Engine;
import org.pzvo.db.SqlTypes;
import org.pzvo.sky.StcsRegion;

/**
 * Converts the values of one file column to the declared type of its target column and binds
 * them to an INSERT parameter. Built once per column before the row loop (STYLE.md 10).
 *
 * <p>Conversions: numbers to any numeric type (integers must be integral and in range), text
 * to numbers and booleans by parsing, anything to text; NaN in a floating-point column is
 * stored as NULL (the VOTable null of floats, VOTable 1.4 §6); arrays element by element,
 * with the declared fixed length checked. A value that cannot be converted, or a NULL in a
 * NOT NULL column, is an {@link IngestException} naming file, row and column.
 */
final class ColumnBinder {
    private final Path file;
    private final ColumnMeta target;
    private final int sqlType;
    private final String arrayElementType;

    ColumnBinder(Path file, ColumnMeta target, Class<?> sourceClass, Engine engine) throws IngestException {
        this.file = file;
        this.target = target;
        this.sqlType = sqlType(target);
        this.arrayElementType = target.isArray() || target.isRegion() ? elementTypeName(engine, target) : null;
        checkCompatible(sourceClass);
    }

    ColumnMeta target() {
        return target;
    }

    /**
     * The value (as STIL read it) converted for the target column, or null; {@code row} is
     * 1-based.
     *
     * @throws IngestException if it cannot be converted or is null in a NOT NULL column
     */
    Object value(Object value, long row) throws IngestException {
        Object v = convert(value, row);
        if (v == null && !target.nullable()) {
            throw IngestException.cell(file, row, target.name(), "missing value in a column declared not nullable");
        }
        return v;
    }

    /** Binds a value returned by {@link #value} to parameter {@code param}. */
    void bind(Connection connection, PreparedStatement ps, int param, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(param, sqlType);
        } else if (v instanceof Object[] array) {
            ps.setArray(param, connection.createArrayOf(arrayElementType, array));
        } else {
            switch (sqlType) {
                case Types.SMALLINT -> ps.setShort(param, (Short) v);
                case Types.INTEGER -> ps.setInt(param, (Integer) v);
                case Types.BIGINT -> ps.setLong(param, (Long) v);
                case Types.REAL -> ps.setFloat(param, (Float) v);
                case Types.DOUBLE -> ps.setDouble(param, (Double) v);
                case Types.BOOLEAN -> ps.setBoolean(param, (Boolean) v);
                case Types.TIMESTAMP -> ps.setTimestamp(param, (Timestamp) v);
                default -> ps.setString(param, (String) v);
            }
        }
    }

    /** The value as the Java type bound for the target column, or null. */
    Object convert(Object value, long row) throws IngestException {
        if (value == null) {
            return null;
        }
        if (target.isArray()) {
            return convertArray(value, row);
        }
        if (target.isRegion()) {
            return region(value.toString(), row);
        }
        if (target.isCharacter()) {
            String s = value.toString();
            if ("timestamp".equals(target.xtype())) {
                return s.isBlank() ? null : timestamp(s, row);
            }
            int fixed = target.fixedLength();
            int max = target.maxLength();
            if (max > 0 && s.length() > max) {
                throw fail(row, "expected at most " + max + " characters, actual " + s.length());
            }
            return fixed > 0 || !s.isEmpty() ? s : null;
        }
        return scalar(target.datatype(), value, row);
    }

    /** An STC-S region as the shape array it is stored as (org.pzvo.db.SqlTypes). */
    private Object region(String text, long row) throws IngestException {
        if (text.isBlank()) {
            return null;
        }
        StcsRegion.Shape shape = StcsRegion.parse(text).orElseThrow(() -> fail(row,
                "expected an STC-S region (POSITION, CIRCLE or POLYGON, frame ICRS), actual '" + text + "'"));
        if (shape.kind() == StcsRegion.Kind.BOX) {
            throw fail(row, "a BOX region is not stored as such; give it as the POLYGON of its four corners");
        }
        Double[] numbers = new Double[shape.numbers().length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = shape.numbers()[i];
        }
        return numbers;
    }

    private Object scalar(String datatype, Object value, long row) throws IngestException {
        if (value instanceof String s) {
            String text = s.strip();
            if (text.isEmpty()) {
                return null;
            }
            value = parse(datatype, text, row);
        }
        if (datatype.equals("boolean")) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw fail(row, "expected a boolean, actual " + value);
        }
        if (value instanceof Boolean || value instanceof Character) {
            throw fail(row, "expected a number, actual " + value);
        }
        Number n = (Number) value;
        switch (datatype) {
            case "float":
                return Float.isNaN(n.floatValue()) ? null : n.floatValue();
            case "double":
                return Double.isNaN(n.doubleValue()) ? null : widen(n);
            default:
                break;
        }
        if ((n instanceof Double || n instanceof Float) && Double.isNaN(n.doubleValue())) {
            return null;
        }
        if ((n instanceof Double || n instanceof Float) && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw fail(row, "expected an integer, actual " + n);
        }
        long l = n.longValue();
        return switch (datatype) {
            case "short" -> {
                if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                    throw fail(row, "expected a short integer in [-32768, 32767], actual " + l);
                }
                yield (short) l;
            }
            case "int" -> {
                if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                    throw fail(row, "expected a 32-bit integer, actual " + l);
                }
                yield (int) l;
            }
            default -> l;
        };
    }

    /**
     * A number as a double; a float goes through its shortest decimal form, so the 359.999 that
     * STIL read from CSV text as a float is stored as the double 359.999, not 359.9989929199219.
     */
    static double widen(Number n) {
        return n instanceof Float f && Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
    }

    private Object parse(String datatype, String text, long row) throws IngestException {
        try {
            return switch (datatype) {
                case "boolean" -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "t", "1" -> Boolean.TRUE;
                    case "false", "f", "0" -> Boolean.FALSE;
                    default -> throw fail(row, "expected a boolean (true/false), actual '" + text + "'");
                };
                case "short", "int", "long" -> Long.parseLong(text);
                default -> Double.parseDouble(text);
            };
        } catch (NumberFormatException e) {
            throw fail(row, "expected " + article(datatype) + " " + datatype + ", actual '" + text + "'");
        }
    }

    private Object[] convertArray(Object value, long row) throws IngestException {
        if (!value.getClass().isArray()) {
            throw fail(row, "expected an array, actual " + value);
        }
        int n = Array.getLength(value);
        int fixed = target.fixedLength();
        int max = target.maxLength();
        if ((fixed > 0 && n != fixed) || (max > 0 && n > max)) {
            throw fail(row, "expected an array of " + (fixed > 0 ? "" : "at most ") + max + " elements, actual " + n);
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object e = Array.get(value, i);
            out[i] = e == null ? null : scalar(target.datatype(), e, row);
            if (out[i] == null && (target.datatype().equals("float") || target.datatype().equals("double"))) {
                out[i] = target.datatype().equals("float") ? (Object) Float.NaN : (Object) Double.NaN;
            }
        }
        return out;
    }

    private Timestamp timestamp(String text, long row) throws IngestException {
        String t = text.strip();
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Timestamp.valueOf(LocalDateTime.parse(t.length() == 10 ? t + "T00:00:00" : t));
        } catch (DateTimeParseException e) {
            throw fail(row, "expected an ISO 8601 timestamp (DALI 1.1 §3.3.3), actual '" + text + "'");
        }
    }

    /** Refuses, before any row is read, a file column whose type can never convert. */
    private void checkCompatible(Class<?> source) throws IngestException {
        boolean sourceArray = source.isArray() && source != String.class;
        if (target.isArray() && !sourceArray) {
            throw IngestException.column(file, target.name(), "expected an array column for " + describe()
                    + ", actual " + source.getSimpleName());
        }
        if (!target.isArray() && !target.isCharacter() && sourceArray) {
            throw IngestException.column(file, target.name(), "expected a scalar column for " + describe()
                    + ", actual " + source.getSimpleName());
        }
        if (target.isArray() && (source == String[].class || source == char[].class)) {
            throw IngestException.column(file, target.name(), "expected a numeric array for " + describe()
                    + ", actual " + source.getSimpleName());
        }
        boolean numeric = !target.isCharacter() && !target.datatype().equals("boolean") && !target.isArray();
        if (numeric && source == Boolean.class) {
            throw IngestException.column(file, target.name(), "expected a numeric column for " + describe()
                    + ", actual Boolean");
        }
    }

    private String describe() {
        return "datatype " + target.datatype() + (target.arraysize() == null ? "" : "[" + target.arraysize() + "]");
    }

    private IngestException fail(long row, String what) {
        return IngestException.cell(file, row, target.name(), what);
    }

    private static String article(String datatype) {
        return datatype.equals("int") ? "an" : "a";
    }

    private static int sqlType(ColumnMeta c) {
        if (c.isArray() || c.isRegion()) {
            return Types.ARRAY;
        }
        if (c.isCharacter()) {
            return "timestamp".equals(c.xtype()) ? Types.TIMESTAMP : Types.VARCHAR;
        }
        return switch (c.datatype()) {
            case "boolean" -> Types.BOOLEAN;
            case "short" -> Types.SMALLINT;
            case "int" -> Types.INTEGER;
            case "long" -> Types.BIGINT;
            case "float" -> Types.REAL;
            default -> Types.DOUBLE;
        };
    }

    /** Element type names for {@link Connection#createArrayOf}: PostgreSQL wants its own type names. */
    private static String elementTypeName(Engine engine, ColumnMeta c) {
        if (c.isRegion()) {
            return engine == Engine.POSTGRESQL ? "float8" : "DOUBLE PRECISION";
        }
        if (engine == Engine.POSTGRESQL) {
            return switch (c.datatype()) {
                case "boolean" -> "bool";
                case "short" -> "int2";
                case "int" -> "int4";
                case "long" -> "int8";
                case "float" -> "float4";
                default -> "float8";
            };
        }
        return SqlTypes.elementType(c);
    }
}
