// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pzvo.db.Engine;

/**
 * The SQL functions of CONTRACTS.md ("org.pzvo.sky SQL functions"), and their installation.
 *
 * <p>On H2 each public static method below is registered with {@code CREATE ALIAS ...
 * DETERMINISTIC} (so calls with constant arguments are evaluated once), and {@link Histogram}
 * and {@link StringAgg} with {@code CREATE AGGREGATE}; on PostgreSQL the same functions are
 * SQL/plpgsql functions from {@code postgresql-functions.sql}, which mirror these methods
 * operation by operation. Angles are degrees; a NULL argument gives NULL (H2 does not call a
 * method with a primitive parameter for a NULL argument; array and string parameters are checked
 * here, and an array with a NULL element counts as NULL). Shapes are DALI arrays (see
 * {@link Spherical}). Thread-safe; no shared mutable state.
 */
public final class SqlFunctions {
    /** Each H2 alias and the method it maps to. */
    private static final String[][] H2_ALIASES = {
        {"ivo_healpix_index", "healpixIndex"},
        {"ivo_healpix_center", "healpixCenter"},
        {"ivo_hasword", "hasWord"},
        {"ivo_nocasematch", "noCaseMatch"},
        {"pzvo_distance", "distance"},
        {"pzvo_contains", "contains"},
        {"pzvo_intersects", "intersects"},
        {"pzvo_area", "area"},
        {"pzvo_centroid", "centroid"},
        {"pzvo_box", "box"},
        {"pzvo_cone_cells", "coneCells"},
        {"pzvo_int_array", "intArray"},
    };
    private static final String PG_SCRIPT = "postgresql-functions.sql";

    private SqlFunctions() {
    }

    /**
     * Installs every function on the connection's database, idempotently (H2: {@code CREATE ALIAS
     * IF NOT EXISTS}, {@code CREATE AGGREGATE IF NOT EXISTS}; PostgreSQL: {@code CREATE OR
     * REPLACE}). Runs in the connection's current transaction mode; does not close it.
     */
    public static void install(Connection connection, Engine engine) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (engine == Engine.H2) {
                for (String[] alias : H2_ALIASES) {
                    statement.execute("CREATE ALIAS IF NOT EXISTS " + alias[0] + " DETERMINISTIC FOR '"
                            + SqlFunctions.class.getName() + "." + alias[1] + "'");
                }
                statement.execute("CREATE AGGREGATE IF NOT EXISTS ivo_histogram FOR '"
                        + Histogram.class.getName() + "'");
                statement.execute("CREATE AGGREGATE IF NOT EXISTS ivo_string_agg FOR '"
                        + StringAgg.class.getName() + "'");
            } else {
                statement.execute(postgresqlScript());
            }
        }
    }

    /** The PostgreSQL installation script (a resource next to this class). */
    public static String postgresqlScript() {
        try (InputStream in = SqlFunctions.class.getResourceAsStream(PG_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Expected the resource org/pzvo/sky/" + PG_SCRIPT
                        + " on the class path, actual none");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read org/pzvo/sky/" + PG_SCRIPT, e);
        }
    }

    /** {@code ivo_healpix_index(order, ra, dec)}: the NESTED index, exactly as {@link SkyIndex#index}. */
    public static long healpixIndex(int order, double raDeg, double decDeg) {
        return SkyIndex.index(order, raDeg, decDeg);
    }

    /** {@code ivo_healpix_center(order, ipix)}: {ra, dec} of the cell centre. */
    public static Double[] healpixCenter(int order, long ipix) {
        return boxed(SkyIndex.center(order, ipix));
    }

    /** {@code ivo_hasword(haystack, word)}: 1 if word occurs in haystack between non-word characters. */
    public static Integer hasWord(String haystack, String word) {
        if (haystack == null || word == null) {
            return null;
        }
        if (word.isEmpty()) {
            return 0;
        }
        String text = haystack.toLowerCase(Locale.ROOT);
        String needle = word.toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** {@code ivo_nocasematch(value, pattern)}: 1 if value matches the LIKE pattern ignoring case. */
    public static Integer noCaseMatch(String value, String pattern) {
        if (value == null || pattern == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (++i == pattern.length()) {
                    throw new IllegalArgumentException("Expected a LIKE pattern not ending with the escape"
                            + " character \\, actual " + pattern);
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
        return Pattern.compile(regex.toString(), flags).matcher(value).matches() ? 1 : 0;
    }

    /** {@code pzvo_distance(ra1, dec1, ra2, dec2)}: great-circle distance in degrees. */
    public static double distance(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        return Spherical.distanceDeg(ra1Deg, dec1Deg, ra2Deg, dec2Deg);
    }

    /** {@code pzvo_contains(ra, dec, shape)}: 1 if the point lies in the circle or polygon. */
    public static Integer contains(double raDeg, double decDeg, Double[] shape) {
        double[] s = unbox(shape);
        return s == null ? null : Spherical.contains(raDeg, decDeg, s) ? 1 : 0;
    }

    /** {@code pzvo_intersects(shape1, shape2)}: 1 if the shapes share a point. */
    public static Integer intersects(Double[] shape1, Double[] shape2) {
        double[] s1 = unbox(shape1);
        double[] s2 = unbox(shape2);
        return s1 == null || s2 == null ? null : Spherical.intersects(s1, s2) ? 1 : 0;
    }

    /** {@code pzvo_area(shape)}: area in square degrees. */
    public static Double area(Double[] shape) {
        double[] s = unbox(shape);
        return s == null ? null : Spherical.areaSqDeg(s);
    }

    /** {@code pzvo_centroid(shape)}: {ra, dec} of the centroid. */
    public static Double[] centroid(Double[] shape) {
        double[] s = unbox(shape);
        return s == null ? null : boxed(Spherical.centroid(s));
    }

    /** {@code pzvo_box(ra, dec, width, height)}: the polygon of an ADQL BOX. */
    public static Double[] box(double raDeg, double decDeg, double widthDeg, double heightDeg) {
        return boxed(Spherical.boxPolygon(raDeg, decDeg, widthDeg, heightDeg));
    }

    /** {@code pzvo_cone_cells(ra, dec, radius)}: see {@link Coverage#coneCells}. */
    public static Long[] coneCells(double raDeg, double decDeg, double radiusDeg) {
        long[] ranges = Coverage.coneCells(raDeg, decDeg, radiusDeg);
        Long[] result = new Long[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            result[i] = ranges[i];
        }
        return result;
    }

    /** {@code pzvo_int_array(x)}: the INTEGER ARRAY inside the JAVA_OBJECT of H2's {@link Histogram}. */
    public static Integer[] intArray(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer[]) {
            return (Integer[]) value;
        }
        if (value instanceof Object[]) {
            Object[] objects = (Object[]) value;
            Integer[] result = new Integer[objects.length];
            for (int i = 0; i < objects.length; i++) {
                result[i] = objects[i] == null ? null : ((Number) objects[i]).intValue();
            }
            return result;
        }
        throw new IllegalArgumentException("Expected an integer array, actual " + value.getClass().getName());
    }

    private static double[] unbox(Double[] shape) {
        if (shape == null) {
            return null;
        }
        double[] result = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == null) {
                return null;
            }
            result[i] = shape[i];
        }
        return result;
    }

    private static Double[] boxed(double[] values) {
        Double[] result = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
