// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pzvo.sky.StcsRegion;

/**
 * Reads one JDBC column into the Java type STIL expects for its VOTable datatype. One reader is
 * built per column before the row loop, so the loop does no type dispatch.
 */
public final class JdbcValues {
    /** DALI 1.1 §3.3.3 timestamp: ISO 8601 without zone, UTC implied. */
    private static final DateTimeFormatter DALI_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs) throws SQLException;
    }

    private JdbcValues() {
    }

    static Reader reader(FieldMeta f, int jcol1) {
        if (f.isArray()) {
            return arrayReader(f.datatype(), jcol1);
        }
        if (f.isRegion()) {
            Reader shape = arrayReader("double", jcol1);
            return rs -> StcsRegion.format((double[]) shape.read(rs));
        }
        switch (f.datatype()) {
            case "boolean":
                return rs -> {
                    boolean v = rs.getBoolean(jcol1);
                    return rs.wasNull() ? null : v;
                };
            case "unsignedByte":
            case "short":
                return rs -> {
                    short v = rs.getShort(jcol1);
                    return rs.wasNull() ? null : v;
                };
            case "int":
                return rs -> {
                    int v = rs.getInt(jcol1);
                    return rs.wasNull() ? null : v;
                };
            case "long":
                return rs -> {
                    long v = rs.getLong(jcol1);
                    return rs.wasNull() ? null : v;
                };
            case "float":
                return rs -> {
                    float v = rs.getFloat(jcol1);
                    return rs.wasNull() ? null : v;
                };
            case "double":
                return rs -> {
                    double v = rs.getDouble(jcol1);
                    return rs.wasNull() ? null : v;
                };
            default:
                return "timestamp".equals(f.xtype()) ? rs -> timestamp(rs.getObject(jcol1)) : rs -> text(rs.getObject(jcol1));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return timestamp(value);
        }
        return value.toString();
    }

    private static String timestamp(Object value) {
        if (value == null) {
            return null;
        }
        LocalDateTime t;
        if (value instanceof Timestamp ts) {
            t = ts.toLocalDateTime();
        } else if (value instanceof OffsetDateTime odt) {
            t = odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof LocalDateTime ldt) {
            t = ldt;
        } else {
            return value.toString();
        }
        return DALI_TIMESTAMP.format(t);
    }

    private static Reader arrayReader(String datatype, int jcol1) {
        return rs -> {
            Object raw = rs.getObject(jcol1);
            if (raw == null) {
                return null;
            }
            Object[] elems = raw instanceof Array a ? (Object[]) a.getArray() : (Object[]) raw;
            return toPrimitive(datatype, elems);
        };
    }

    private static Object toPrimitive(String datatype, Object[] elems) {
        int n = elems.length;
        switch (datatype) {
            case "double": {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = elems[i] == null ? Double.NaN : ((Number) elems[i]).doubleValue();
                }
                return out;
            }
            case "float": {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = elems[i] == null ? Float.NaN : ((Number) elems[i]).floatValue();
                }
                return out;
            }
            case "long": {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = elems[i] == null ? 0 : ((Number) elems[i]).longValue();
                }
                return out;
            }
            case "int": {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = elems[i] == null ? 0 : ((Number) elems[i]).intValue();
                }
                return out;
            }
            case "short":
            case "unsignedByte": {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = elems[i] == null ? 0 : ((Number) elems[i]).shortValue();
                }
                return out;
            }
            case "boolean": {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Boolean.TRUE.equals(elems[i]);
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("Unsupported array datatype " + datatype);
        }
    }

    /** A user-facing description of a database error met while reading rows, without internals. */
    public static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014") || state.startsWith("HYT")) {
            return "The query was cancelled (execution time limit or abort)";
        }
        if (state.startsWith("22") || state.equals("90105")) {
            return "The database rejected a value: "
                    + firstLine(refusedArgument(e).map(Throwable::getMessage).orElse(e.getMessage()));
        }
        return "The database could not complete the query (SQLSTATE " + state + ")";
    }

    /**
     * The argument check that failed inside one of our Java SQL functions (H2 reports it as
     * SQLSTATE 90105 with the exception somewhere in the cause chain).
     */
    public static java.util.Optional<IllegalArgumentException> refusedArgument(SQLException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException bad) {
                return java.util.Optional.of(bad);
            }
        }
        return java.util.Optional.empty();
    }

    /** The database's own message without the SQL statement or driver details it may carry. */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String m = message;
        int cut = m.indexOf("; SQL statement:");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replaceFirst("^ERROR: ", "").replaceAll("\\s*\\[[0-9-]+\\]$", "");
        return m.trim();
    }
}
