// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.tap.AdqlText;

/**
 * The query parameters of SIA 2.0 §2.1 turned into one ADQL query over {@code ivoa.obscore}:
 * values of one parameter are OR-ed, different parameters AND-ed (SIA 2.0 §2.1), every value
 * reaches the query only through {@link AdqlText}. Numeric intervals are DALI 1.1 §3.3.5
 * intervals {@code "lo hi"} with {@code -Inf}/{@code +Inf} for an open end (a single number means
 * {@code lo = hi}); an interval matches a row whose own interval overlaps it.
 */
public final class SiaParams {
    /** The ObsCore table queried. */
    static final String TABLE = AdqlText.table("ivoa", "obscore");

    private SiaParams() {
    }

    /**
     * The ADQL query for a request; unknown parameters are ignored (DALI 1.1 §3.1), malformed
     * values are a 400 naming the parameter and the expected syntax.
     */
    public static String adql(DaliParams params) throws DaliException {
        List<String> conditions = new ArrayList<>();
        add(conditions, params, "POS", SiaParams::pos);
        add(conditions, params, "BAND", v -> overlap("BAND", v, "em_min", "em_max", "wavelengths in metres"));
        add(conditions, params, "TIME", v -> overlap("TIME", v, "t_min", "t_max", "MJD dates"));
        add(conditions, params, "POL", SiaParams::pol);
        add(conditions, params, "FOV", v -> within("FOV", v, "s_fov", "angles in degrees"));
        add(conditions, params, "SPATRES", v -> within("SPATRES", v, "s_resolution", "angles in arcseconds"));
        add(conditions, params, "EXPTIME", v -> within("EXPTIME", v, "t_exptime", "durations in seconds"));
        add(conditions, params, "TIMERES", v -> within("TIMERES", v, "t_resolution", "durations in seconds"));
        add(conditions, params, "SPECRP", v -> within("SPECRP", v, "em_res_power", "resolving powers"));
        add(conditions, params, "ID", v -> equal("obs_publisher_did", v));
        add(conditions, params, "COLLECTION", v -> equal("obs_collection", v));
        add(conditions, params, "FACILITY", v -> equal("facility_name", v));
        add(conditions, params, "INSTRUMENT", v -> equal("instrument_name", v));
        add(conditions, params, "DPTYPE", v -> equal("dataproduct_type", v));
        add(conditions, params, "CALIB", SiaParams::calib);
        add(conditions, params, "TARGET", v -> equal("target_name", v));
        add(conditions, params, "FORMAT", v -> equal("access_format", v));
        StringBuilder sb = new StringBuilder("SELECT * FROM ").append(TABLE);
        for (int i = 0; i < conditions.size(); i++) {
            sb.append(i == 0 ? " WHERE " : " AND ").append(conditions.get(i));
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface Condition {
        /** The ADQL condition of one value, or null when it constrains nothing (e.g. the whole sky). */
        String of(String value) throws DaliException;
    }

    private static void add(List<String> conditions, DaliParams params, String name, Condition condition)
            throws DaliException {
        List<String> ors = new ArrayList<>();
        for (String value : params.all(name)) {
            if (value.isBlank()) {
                throw DaliException.badRequest(name + " is empty; give a value or leave the parameter out");
            }
            String c = condition.of(value.trim());
            if (c == null) {
                return;
            }
            ors.add(c);
        }
        if (!ors.isEmpty()) {
            conditions.add(ors.size() == 1 ? ors.get(0) : "(" + String.join(" OR ", ors) + ")");
        }
    }

    private static String pos(String value) throws DaliException {
        List<String> shapes = PosShape.parse(value).adqlShapes();
        if (shapes.isEmpty()) {
            return null;
        }
        List<String> tests = new ArrayList<>();
        for (String shape : shapes) {
            tests.add("1 = INTERSECTS(" + AdqlText.ident("s_region") + ", " + shape + ")");
        }
        return tests.size() == 1 ? tests.get(0) : "(" + String.join(" OR ", tests) + ")";
    }

    /** Rows whose [lo, hi] column interval overlaps the requested interval. */
    private static String overlap(String name, String value, String loColumn, String hiColumn, String what)
            throws DaliException {
        double[] iv = Interval.parse(name, value, what);
        List<String> parts = new ArrayList<>();
        if (iv[1] != Double.POSITIVE_INFINITY) {
            parts.add(AdqlText.ident(loColumn) + " <= " + AdqlText.number(iv[1]));
        }
        if (iv[0] != Double.NEGATIVE_INFINITY) {
            parts.add(AdqlText.ident(hiColumn) + " >= " + AdqlText.number(iv[0]));
        }
        if (parts.isEmpty()) {
            parts.add(AdqlText.ident(loColumn) + " IS NOT NULL");
        }
        return "(" + String.join(" AND ", parts) + ")";
    }

    /** Rows whose column value lies inside the requested interval. */
    private static String within(String name, String value, String column, String what) throws DaliException {
        double[] iv = Interval.parse(name, value, what);
        List<String> parts = new ArrayList<>();
        if (iv[0] != Double.NEGATIVE_INFINITY) {
            parts.add(AdqlText.ident(column) + " >= " + AdqlText.number(iv[0]));
        }
        if (iv[1] != Double.POSITIVE_INFINITY) {
            parts.add(AdqlText.ident(column) + " <= " + AdqlText.number(iv[1]));
        }
        if (parts.isEmpty()) {
            parts.add(AdqlText.ident(column) + " IS NOT NULL");
        }
        return "(" + String.join(" AND ", parts) + ")";
    }

    private static String equal(String column, String value) {
        return AdqlText.ident(column) + " = " + AdqlText.literal(value);
    }

    /** SIA 2.0 §2.1.5: one of I Q U V RR LL RL LR XX YY XY YX POLI POLA, matched in ObsCore's "/I/Q/" list. */
    private static String pol(String value) throws DaliException {
        String state = value.toUpperCase(Locale.ROOT);
        if (!state.matches("I|Q|U|V|RR|LL|RL|LR|XX|YY|XY|YX|POLI|POLA")) {
            throw DaliException.badRequest("POL=" + value + " is not a polarization state; give one of I Q U V RR"
                    + " LL RL LR XX YY XY YX POLI POLA");
        }
        return AdqlText.ident("pol_states") + " LIKE " + AdqlText.literal("%/" + state + "/%");
    }

    private static String calib(String value) throws DaliException {
        if (!value.matches("[0-4]")) {
            throw DaliException.badRequest("CALIB=" + value + " is not a calibration level; give an integer 0 to 4");
        }
        return AdqlText.ident("calib_level") + " = " + value;
    }
}
