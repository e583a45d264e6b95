// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pzvo.sky.Footprint;

/**
 * Writes the ivoa.obscore rows of registered products (ObsCore 1.1; table declared in
 * tap-schema/ivoa.yaml). access_url is the product's DataLink links URL
 * ({@code {base}/datalink/links?ID={did}}), access_format the DataLink MIME type (DataLink 1.1
 * §3.3), access_estsize the file size in kB rounded up (ObsCore 1.1 §4.7).
 *
 * <p>The base URL is only known once the server listens (it may come from the bound port), so
 * {@link #rebase} rewrites access_url at every start. Uses the caller's connection and
 * transaction; never commits.
 */
public final class ObsCore {
    /** access_format of every row: a DataLink links document (DataLink 1.1 §3.3). */
    public static final String DATALINK_FORMAT = "application/x-votable+xml;content=datalink";
    /** Path of the DataLink links endpoint below the service base URL. */
    public static final String LINKS_PATH = "/datalink/links";

    private static final String TABLE = "\"ivoa\".\"obscore\"";
    private static final String[] COLUMNS = {"dataproduct_type", "dataproduct_subtype", "calib_level",
        "obs_collection", "obs_id", "obs_title", "obs_publisher_did", "publisher_id", "obs_release_date", "data_rights",
        "access_url", "access_format", "access_estsize", "target_name", "s_ra", "s_dec", "s_fov", "s_region",
        "s_resolution", "s_xel1", "s_xel2", "t_min", "t_max", "em_min", "em_max", "em_res_power", "em_xel", "em_ucd",
        "o_ucd", "facility_name", "instrument_name"};

    private ObsCore() {
    }

    /** The DataLink links URL of a product identifier. */
    public static String linksUrl(String baseUrl, String publisherDid) {
        return baseUrl + LINKS_PATH + "?ID=" + URLEncoder.encode(publisherDid, StandardCharsets.UTF_8);
    }

    /** The ivoa.obscore row of {@code product} with the content of {@code row}, replacing any previous one. */
    public static void insert(Connection c, ObsCoreRow row, Product product, String baseUrl, String publisherId)
            throws SQLException {
        if (!row.publisherDid().equals(product.publisherDid())) {
            throw new IllegalArgumentException("Expected an ObsCore row for " + product.publisherDid() + ", actual "
                    + row.publisherDid());
        }
        delete(c, row.publisherDid());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(TABLE).append(" (");
        for (int i = 0; i < COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(COLUMNS[i]).append('"');
        }
        sql.append(") VALUES (").append("?, ".repeat(COLUMNS.length - 1)).append("?)");
        double[] em = LsstBands.edgesM(row.band());
        Footprint f = row.footprint();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setString(p++, row.dataproductType());
            ps.setString(p++, row.dataproductSubtype());
            ps.setInt(p++, row.calibLevel());
            ps.setString(p++, row.collection());
            ps.setString(p++, row.obsId());
            ps.setString(p++, row.title());
            ps.setString(p++, row.publisherDid());
            ps.setString(p++, publisherId);
            if (row.releaseDate() == null) {
                ps.setNull(p++, Types.TIMESTAMP);
            } else {
                ps.setTimestamp(p++, Timestamp.valueOf(LocalDateTime.parse(row.releaseDate())));
            }
            ps.setString(p++, product.accessGroup() == null ? "public" : "secure");
            ps.setString(p++, linksUrl(baseUrl, row.publisherDid()));
            ps.setString(p++, DATALINK_FORMAT);
            ps.setLong(p++, (product.sizeBytes() + 1023) / 1024);
            ps.setString(p++, row.targetName());
            setDouble(ps, p++, f == null ? null : f.raDeg());
            setDouble(ps, p++, f == null ? null : f.decDeg());
            setDouble(ps, p++, f == null ? null : f.fovDeg());
            if (f == null || f.polygonDeg() == null) {
                ps.setNull(p++, Types.ARRAY);
            } else {
                ps.setArray(p++, c.createArrayOf(doubleType(c), boxed(f.polygonDeg())));
            }
            setDouble(ps, p++, row.resolutionArcsec());
            setLong(ps, p++, row.pixels());
            setLong(ps, p++, row.pixels() == null ? null : 1L);
            setDouble(ps, p++, row.tMinMjd());
            setDouble(ps, p++, row.tMaxMjd());
            ps.setDouble(p++, em[0]);
            ps.setDouble(p++, em[1]);
            setDouble(ps, p++, row.band() == null ? null : (em[0] + em[1]) / 2 / (em[1] - em[0]));
            ps.setLong(p++, row.band() == null ? LsstBands.BANDS.size() : 1);
            ps.setString(p++, "em.wl");
            ps.setString(p++, row.observableUcd());
            ps.setString(p++, row.facility());
            ps.setString(p, row.instrument());
            ps.executeUpdate();
        }
    }

    /** Removes the row of {@code publisherDid}; true if there was one. */
    public static boolean delete(Connection c, String publisherDid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE \"obs_publisher_did\" = ?")) {
            ps.setString(1, publisherDid);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Points every access_url at {@code baseUrl} (the public base URL of this server, without a
     * trailing slash); returns the number of rows changed.
     */
    public static int rebase(Connection c, String baseUrl) throws SQLException {
        List<String[]> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"obs_publisher_did\", \"access_url\" FROM " + TABLE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String url = linksUrl(baseUrl, rs.getString(1));
                if (!url.equals(rs.getString(2))) {
                    changes.add(new String[] {url, rs.getString(1)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET \"access_url\" = ?"
                + " WHERE \"obs_publisher_did\" = ?")) {
            for (String[] change : changes) {
                ps.setString(1, change[0]);
                ps.setString(2, change[1]);
                ps.addBatch();
            }
            if (!changes.isEmpty()) {
                ps.executeBatch();
            }
        }
        return changes.size();
    }

    private static String doubleType(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL") ? "float8" : "DOUBLE PRECISION";
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void setDouble(PreparedStatement ps, int p, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(p, Types.DOUBLE);
        } else {
            ps.setDouble(p, v);
        }
    }

    private static void setLong(PreparedStatement ps, int p, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(p, Types.BIGINT);
        } else {
            ps.setLong(p, v);
        }
    }
}
