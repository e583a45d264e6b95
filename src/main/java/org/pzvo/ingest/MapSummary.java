// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Pixel count, area and MOC of a map, computed by streaming its pixels from
 * {@code maps.map_pixel} in ascending order (memory proportional to the MOC, not the map).
 *
 * @param areaDeg2 for fractional maps (footprint, coverage) the sum of pixel area times the value
 *                 clamped to [0, 1] (a NULL value counts as 1); else pixel count times pixel area
 */
record MapSummary(long pixels, double areaDeg2, MocRanges moc) {
    /** Square degrees of the whole sky: 4π sr × (180/π)². */
    static final double SKY_DEG2 = 4 * Math.PI * Math.pow(180 / Math.PI, 2);

    static MapSummary of(Connection connection, String mapId, int order, boolean fractional) throws SQLException {
        double pixelDeg2 = SKY_DEG2 / (12.0 * (1L << (2 * order)));
        MocRanges.Builder moc = new MocRanges.Builder(order);
        long n = 0;
        double weight = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT \"pixel\", \"pixel_value\" FROM \"maps\".\"map_pixel\""
                + " WHERE \"map_id\" = ? ORDER BY \"pixel\"")) {
            ps.setFetchSize(10_000);
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moc.add(rs.getLong(1));
                    float v = rs.getFloat(2);
                    weight += rs.wasNull() || !fractional ? 1 : Math.max(0, Math.min(1, v));
                    n++;
                }
            }
        }
        return new MapSummary(n, weight * pixelDeg2, moc.build());
    }
}
