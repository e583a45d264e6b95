// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Batched INSERTs into {@code maps.map_pixel} for one map at one order; computes the order-29
 * range of each pixel. Not thread-safe.
 */
final class PixelInserter implements AutoCloseable {
    private static final int BATCH_ROWS = 5000;

    private final PreparedStatement ps;
    private final String mapId;
    private final int shift;
    private long pending;
    private long written;

    PixelInserter(Connection connection, String mapId, int order) throws SQLException {
        this.ps = connection.prepareStatement("INSERT INTO \"maps\".\"map_pixel\" (\"map_id\", \"pixel\", \"pixel_value\","
                + " \"mask\", \"pix_lo29\", \"pix_hi29\") VALUES (?, ?, ?, ?, ?, ?)");
        this.mapId = mapId;
        this.shift = 2 * (MocRanges.MAX_ORDER - order);
    }

    /** Adds one pixel; {@code value} and {@code mask} may be null. */
    void pixel(long row, long pixel, Double value, Long mask, ProgressListener progress) throws SQLException {
        ps.setString(1, mapId);
        ps.setLong(2, pixel);
        if (value == null) {
            ps.setNull(3, Types.REAL);
        } else {
            ps.setFloat(3, value.floatValue());
        }
        if (mask == null) {
            ps.setNull(4, Types.INTEGER);
        } else {
            ps.setInt(4, (int) (long) mask);
        }
        ps.setLong(5, pixel << shift);
        ps.setLong(6, (pixel + 1) << shift);
        ps.addBatch();
        if (++pending == BATCH_ROWS) {
            flush();
            progress.progress("maps.map_pixel " + mapId, written, -1);
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            written += pending;
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
