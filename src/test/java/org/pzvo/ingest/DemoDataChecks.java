// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pzvo.sky.SkyIndex;

/**
 * Checks of a generated demo database through SQL, shared by the H2 and PostgreSQL tests. Each
 * recomputes what it checks from the stored rows with its own simple code.
 */
final class DemoDataChecks {
    private DemoDataChecks() {
    }

    static long count(Connection c, String table) throws SQLException {
        return longs(c, "SELECT COUNT(*) FROM " + table).get(0);
    }

    static void rowCounts(Connection c, DemoSummary s, long rows) throws SQLException {
        assertEquals(rows, count(c, "\"lsst\".\"object\""));
        assertEquals(2 * rows, count(c, "\"pz\".\"photoz\""));
        assertEquals(2, count(c, "\"pz\".\"run\""));
        assertEquals(12, count(c, "\"pz\".\"nz\""));
        assertEquals(6, count(c, "\"pz\".\"validation_metrics\""));
        assertEquals(14, count(c, "\"maps\".\"map\""));
        assertEquals(5, count(c, "\"maps\".\"map\" WHERE \"product_type\" = 'visibility'"));
        assertEquals(s.mapPixelRows(), count(c, "\"maps\".\"map_pixel\""));
        assertEquals(s.speczRows(), count(c, "\"spec\".\"specz\""));
        assertEquals(s.trainingSetRows(), count(c, "\"spec\".\"training_set\""));
        double specFraction = s.speczRows() / (double) rows;
        assertTrue(specFraction > 0.02 && specFraction < 0.05, "spec-z fraction " + specFraction);
        long pixelsPerMap = longs(c, "SELECT \"n_pixels\" FROM \"maps\".\"map\" WHERE \"map_id\" = 'footprint_dp1_o10'").get(0);
        assertEquals(14 * pixelsPerMap, s.mapPixelRows());
    }

    /** Magnitudes equal 31.4 - 2.5 log10(flux/nJy), errors 2.5/ln 10 times the fractional flux error. */
    static void magnitudesMatchFluxes(Connection c) throws SQLException {
        int checked = 0;
        int nonPositive = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"g_cModelFlux\", \"g_cModelFluxErr\", \"g_cModelMag\","
                     + " \"g_cModelMagErr\", \"u_cModelFlux\", \"u_cModelMag\" FROM \"lsst\".\"object\"")) {
            while (rs.next()) {
                float flux = rs.getFloat(1);
                float mag = rs.getFloat(3);
                assertEquals(flux > 0, !rs.wasNull(), "mag null exactly when flux <= 0, flux " + flux);
                if (flux > 0) {
                    assertEquals(31.4 - 2.5 * Math.log10(flux), mag, 1e-4);
                    assertEquals(2.5 / Math.log(10) * rs.getFloat(2) / flux, rs.getFloat(4), 1e-4 * rs.getFloat(4) + 1e-6);
                    checked++;
                }
                float u = rs.getFloat(5);
                rs.getFloat(6);
                if (u <= 0) {
                    assertTrue(rs.wasNull());
                    nonPositive++;
                }
            }
        }
        assertTrue(checked > 100);
        assertTrue(nonPositive > 0, "the faint end must produce some negative u fluxes");
    }

    /** Positions lie in the seven fields and hpx29 is the order-29 index of (ra, dec). */
    static void positionsAndHealpix(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"coord_ra\", \"coord_dec\", \"hpx29\" FROM \"lsst\".\"object\"")) {
            while (rs.next()) {
                double ra = rs.getDouble(1);
                double dec = rs.getDouble(2);
                assertTrue(DemoSky.fieldOf(ra, dec) >= 0, ra + " " + dec);
                assertEquals(SkyIndex.hpx29(ra, dec), rs.getLong(3));
            }
        }
    }

    /** Point estimates are those of the stored PDF, recomputed here independently. */
    static void estimatesFollowPdfs(Connection c, int maxRows) throws SQLException {
        int n = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"pdf\", \"z_mode\", \"z_mean\", \"z_median\", \"z_err\", \"z_lo68\","
                     + " \"z_hi68\", \"z_q25\", \"z_q75\", \"odds\", \"z_mc\" FROM \"pz\".\"photoz\""
                     + " WHERE \"pdf\" IS NOT NULL")) {
            while (rs.next() && n++ < maxRows) {
                Object[] items = (Object[]) rs.getArray(1).getArray();
                assertEquals(301, items.length);
                double[] p = new double[301];
                for (int k = 0; k < 301; k++) {
                    p[k] = ((Number) items[k]).doubleValue();
                    assertTrue(p[k] >= 0);
                }
                double[] cdf = new double[301];
                double mean = 0;
                double second = 0;
                int argmax = 0;
                for (int k = 1; k < 301; k++) {
                    cdf[k] = cdf[k - 1] + 0.005 * (p[k - 1] + p[k]);
                    mean += 0.005 * ((k - 1) * 0.01 * p[k - 1] + k * 0.01 * p[k]);
                    second += 0.005 * (Math.pow((k - 1) * 0.01, 2) * p[k - 1] + Math.pow(k * 0.01, 2) * p[k]);
                    if (p[k] > p[argmax]) {
                        argmax = k;
                    }
                }
                assertEquals(1.0, cdf[300], 1e-4, "PDF integral");
                assertEquals(argmax * 0.01, rs.getFloat(2), 1e-6, "z_mode");
                assertEquals(mean, rs.getFloat(3), 2e-4, "z_mean");
                double median = rs.getFloat(4);
                int k = (int) Math.floor(median / 0.01);
                assertTrue(cdf[k] <= 0.5 + 1e-4 && cdf[Math.min(k + 1, 300)] >= 0.5 - 1e-4, "z_median " + median);
                assertEquals(Math.sqrt(Math.max(0, second - mean * mean)), rs.getFloat(5), 2e-3, "z_err");
                float lo = rs.getFloat(6);
                float hi = rs.getFloat(7);
                assertTrue(lo <= rs.getFloat(8) && rs.getFloat(8) <= median && median <= rs.getFloat(9) && rs.getFloat(9) <= hi);
                float odds = rs.getFloat(10);
                assertTrue(odds >= 0 && odds <= 1.0001, "odds " + odds);
                float mc = rs.getFloat(11);
                assertTrue(mc >= 0 && mc <= 3, "z_mc " + mc);
            }
        }
        assertTrue(n > 100);
    }

    /**
     * sigma_NMAD, outlier fraction and bias recomputed with SQL-selected pairs equal the stored
     * validation metrics and fall in realistic ranges.
     */
    static void validationMetricsAreRealistic(Connection c) throws SQLException {
        for (int run = 1; run <= 2; run++) {
            List<double[]> pairs = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT p.\"z_mode\", t.\"z\" FROM \"spec\".\"training_set\" t"
                         + " JOIN \"pz\".\"photoz\" p ON p.\"object_id\" = t.\"object_id\" AND p.\"run_id\" = " + run
                         + " WHERE t.\"is_training_set\" = FALSE AND t.\"z_flag_homogenized\" IN (3, 4)"
                         + " AND t.\"mag_i\" < CAST(25.3 AS REAL)")) {
                while (rs.next()) {
                    pairs.add(new double[] {rs.getFloat(1), rs.getDouble(2)});
                }
            }
            double[] dz = pairs.stream().mapToDouble(p -> (p[0] - p[1]) / (1 + p[1])).sorted().toArray();
            double median = median(dz);
            double nmad = 1.4826 * median(Arrays.stream(dz).map(d -> Math.abs(d - median)).sorted().toArray());
            double outliers = Arrays.stream(dz).filter(d -> Math.abs(d) > 0.15).count() / (double) dz.length;
            List<Double> stored = doubles(c, "SELECT \"n\", \"bias\", \"sigma_nmad\", \"outlier_frac\" FROM"
                    + " \"pz\".\"validation_metrics\" WHERE \"run_id\" = " + run + " AND \"sample\" = 'validation'"
                    + " AND \"mag_cut\" > 25");
            assertEquals(dz.length, stored.get(0).longValue());
            assertEquals(median, stored.get(1), 1e-6);
            assertEquals(nmad, stored.get(2), 1e-6);
            assertEquals(outliers, stored.get(3), 1e-6);
            assertTrue(nmad > 0.02 && nmad < 0.08, "sigma_NMAD " + nmad);
            assertTrue(outliers < 0.15, "outlier fraction " + outliers);
            assertTrue(Math.abs(median) < 0.01, "bias " + median);
        }
    }

    /** The spectroscopic sample has the documented flags, duplicates and split. */
    static void spectroscopicSample(Connection c) throws SQLException {
        List<Long> flags = longs(c, "SELECT DISTINCT \"z_flag_homogenized\" FROM \"spec\".\"specz\"");
        assertTrue(flags.containsAll(List.of(3L, 4L)), flags.toString());
        assertTrue(count(c, "(SELECT \"group_id\" FROM \"spec\".\"specz\" GROUP BY \"group_id\" HAVING COUNT(*) = 2) g")
                > 0, "duplicates");
        assertEquals(0, count(c, "\"spec\".\"specz\" WHERE \"tie_result\" = 0 AND \"compared_to\" IS NULL"));
        double training = count(c, "\"spec\".\"training_set\" WHERE \"is_training_set\" = TRUE")
                / (double) count(c, "\"spec\".\"training_set\"");
        assertTrue(training > 0.55 && training < 0.85, "training fraction " + training);
        assertEquals(0, count(c, "\"spec\".\"training_set\" WHERE \"match_dist\" > 1"));
        assertEquals(0, count(c, "\"spec\".\"training_set\" t WHERE NOT EXISTS (SELECT 1 FROM \"lsst\".\"object\" o"
                + " WHERE o.\"objectId\" = t.\"object_id\")"));
        assertTrue(count(c, "\"spec\".\"specz\" s WHERE NOT EXISTS (SELECT 1 FROM \"spec\".\"training_set\" t"
                + " WHERE t.\"crd_id\" = s.\"crd_id\")") > 0, "targets without counterpart");
    }

    /** Maps: fractions in (0, 1], pixel ranges at order 29, objects inside the footprint. */
    static void maps(Connection c) throws SQLException {
        assertEquals(0, count(c, "\"maps\".\"map_pixel\" WHERE \"map_id\" = 'footprint_dp1_o10'"
                + " AND (\"pixel_value\" <= 0 OR \"pixel_value\" > 1)"));
        assertEquals(0, count(c, "\"maps\".\"map_pixel\" WHERE \"pix_hi29\" - \"pix_lo29\" <> 274877906944"
                + " OR \"pix_lo29\" <> \"pixel\" * 274877906944"));
        assertTrue(count(c, "\"maps\".\"map_pixel\" WHERE \"map_id\" = 'bitmask_dp1_o10' AND \"mask\" > 2") > 0);
        assertEquals(0, count(c, "\"lsst\".\"object\" o WHERE NOT EXISTS (SELECT 1 FROM \"maps\".\"map_pixel\" m"
                + " WHERE m.\"map_id\" = 'footprint_dp1_o10' AND m.\"pixel\" = o.\"hpx29\" / 274877906944)"));
    }

    /**
     * Visibility maps: probabilities in [0, 1], 0 where the coverage is 0, decreasing with the
     * redshift bin, and equal to coverage * Phi((m5_i - m_typ(z)) / 0.8) computed here from the
     * published coverage and i-band depth maps (what their descriptions state).
     */
    static void visibility(Connection c) throws SQLException {
        assertEquals(0, count(c, "\"maps\".\"map_pixel\" WHERE \"map_id\" LIKE 'visibility%'"
                + " AND (\"pixel_value\" < 0 OR \"pixel_value\" > 1 OR \"pixel_value\" IS NULL)"));
        double[] zMid = {0.15, 0.45, 0.75, 1.05, 2.1};
        StringBuilder sql = new StringBuilder("SELECT cv.\"pixel_value\", d.\"pixel_value\"");
        for (int bin = 1; bin <= 5; bin++) {
            sql.append(", v").append(bin).append(".\"pixel_value\"");
        }
        sql.append(" FROM \"maps\".\"map_pixel\" cv JOIN \"maps\".\"map_pixel\" d ON d.\"pixel\" = cv.\"pixel\""
                + " AND d.\"map_id\" = 'depth_i_dp1_o10'");
        for (int bin = 1; bin <= 5; bin++) {
            sql.append(" JOIN \"maps\".\"map_pixel\" v").append(bin).append(" ON v").append(bin)
                    .append(".\"pixel\" = cv.\"pixel\" AND v").append(bin).append(".\"map_id\" = 'visibility_z")
                    .append(bin).append("_dp1_o10'");
        }
        sql.append(" WHERE cv.\"map_id\" = 'coverage_dp1_o10'");
        long pixels = 0;
        long partlyVisible = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                pixels++;
                double coverage = rs.getFloat(1);
                double m5 = rs.getFloat(2);
                double previous = 1;
                for (int bin = 1; bin <= 5; bin++) {
                    double v = rs.getFloat(2 + bin);
                    double mTyp = 23.7 + 3.75 * Math.log10(zMid[bin - 1] / 0.9);
                    double expected = coverage * 0.5 * (1 + erf((m5 - mTyp) / 0.8 / Math.sqrt(2)));
                    assertEquals(expected, v, 1e-5, "visibility z" + bin);
                    assertTrue(v <= previous + 1e-7, "visibility decreases with redshift");
                    previous = v;
                }
                if (coverage > 0 && rs.getFloat(7) < 0.9 * coverage) {
                    partlyVisible++;
                }
            }
        }
        assertEquals(count(c, "\"maps\".\"map_pixel\" WHERE \"map_id\" = 'coverage_dp1_o10'"), pixels);
        assertTrue(partlyVisible > pixels / 2, "the highest bin is only partly visible: " + partlyVisible);
    }

    /** erf by its Taylor series up to |x| = 4.5 (then within 2e-10 of ±1): an independent check of the generator's approximation. */
    private static double erf(double x) {
        if (Math.abs(x) > 4.5) {
            return Math.signum(x);
        }
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    /**
     * The i-band depth map is the m5 of the error model: inverting the model on measured
     * (mag, magErr) of moderately bright objects gives back the map value of their pixel.
     */
    static void depthMatchesPhotometricErrors(Connection c) throws SQLException {
        List<Double> diffs = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT o.\"i_cModelMag\", o.\"i_cModelMagErr\", d.\"pixel_value\""
                     + " FROM \"lsst\".\"object\" o JOIN \"maps\".\"map_pixel\" d ON d.\"map_id\" = 'depth_i_dp1_o10'"
                     + " AND o.\"hpx29\" >= d.\"pix_lo29\" AND o.\"hpx29\" < d.\"pix_hi29\""
                     + " WHERE o.\"i_cModelMag\" BETWEEN 23 AND 24.5")) {
            while (rs.next()) {
                double sigma2 = Math.pow(rs.getFloat(2), 2) - 0.005 * 0.005;
                double gamma = 0.039;
                double x = (-(0.04 - gamma) + Math.sqrt(Math.pow(0.04 - gamma, 2) + 4 * gamma * sigma2)) / (2 * gamma);
                diffs.add(rs.getFloat(1) - 2.5 * Math.log10(x) - rs.getFloat(3));
            }
        }
        assertTrue(diffs.size() > 20, "objects " + diffs.size());
        double[] sorted = diffs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertEquals(0, median(sorted), 0.1, "median implied m5 minus map depth");
    }

    /** N(z) rows integrate to 1 and bin counts add up to the whole sample. */
    static void nz(Connection c, long rows) throws SQLException {
        for (int run = 1; run <= 2; run++) {
            assertEquals(List.of(rows), longs(c, "SELECT \"n_objects\" FROM \"pz\".\"nz\" WHERE \"run_id\" = " + run
                    + " AND \"tomo_bin\" = 0"));
            assertEquals(List.of(rows), longs(c, "SELECT SUM(\"n_objects\") FROM \"pz\".\"nz\" WHERE \"run_id\" = "
                    + run + " AND \"tomo_bin\" > 0"));
        }
        assertFalse(longs(c, "SELECT \"tomo_bin\" FROM \"pz\".\"nz\"").isEmpty());
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static List<Double> doubles(Connection c, String sql) throws SQLException {
        List<Double> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getDouble(i));
            }
        }
        return out;
    }
}
