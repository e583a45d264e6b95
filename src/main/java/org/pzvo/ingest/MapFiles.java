// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes a registered map ({@code maps.map} + {@code maps.map_pixel}) as files: a partial HEALPix
 * FITS map (DOMAIN.md 2(c): BINTABLE with {@code PIXEL} then value columns; cards
 * {@code PIXTYPE='HEALPIX'}, {@code ORDERING='NESTED'}, {@code NSIDE}, {@code INDXSCHM='EXPLICIT'},
 * {@code OBJECT='PARTIAL'}, {@code OBS_NPIX}, {@code COORDSYS='C'}) and its coverage as a MOC 2.0
 * FITS file ({@link MocFits#write}).
 *
 * <p>The columns are {@code PIXEL} (1K), then {@code VALUE} (1E, NaN for NULL) when the map has
 * values and {@code MASK} (1J, TNULL −2147483648) when it has masks. Pixels stream from the
 * database in ascending order; the bytes depend only on the stored map (no date card), so two
 * writes of the same map are identical. Files are written to a temporary name and moved into
 * place, so a reader never sees half a file.
 */
public final class MapFiles {
    private static final int NULL_MASK = Integer.MIN_VALUE;

    private MapFiles() {
    }

    /** The {@code maps.map} fields the files need. */
    private record MapRow(String kind, String band, String quantity, String unit, int order, long pixels,
                          boolean hasValue, boolean hasMask) {
    }

    /** Writes map {@code mapId} as a partial HEALPix FITS file at {@code out}. */
    public static void writeMap(Connection connection, String mapId, Path out) throws IOException, SQLException {
        MapRow map = mapRow(connection, mapId);
        writeAtomically(connection, out, stream -> writeMap(connection, mapId, map, PixelSelection.ALL_SKY,
                map.pixels(), stream));
    }

    /**
     * Writes the pixels of map {@code mapId} that {@code selection} keeps as a partial HEALPix FITS
     * map to {@code out} (same layout and cards as the full file; a cutout). The pixels are read
     * twice, to count them for NAXIS2 and to write them, streaming both times with auto-commit
     * off. {@code out} is flushed, not closed.
     *
     * @return the number of pixels written (0 gives a valid file with an empty table)
     * @throws IllegalArgumentException if the map is not registered in maps.map
     */
    public static long writeMap(Connection connection, String mapId, PixelSelection selection, OutputStream out)
            throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            MapRow map = mapRow(connection, mapId);
            long[] count = {0};
            pixels(connection, mapId, map.order(), selection, rs -> count[0]++);
            writeMap(connection, mapId, map, selection, count[0], out);
            out.flush();
            return count[0];
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Writes the coverage of map {@code mapId} as a MOC 2.0 FITS file at {@code out}. */
    public static void writeMoc(Connection connection, String mapId, Path out) throws IOException, SQLException {
        MapRow map = mapRow(connection, mapId);
        writeAtomically(connection, out, stream -> MocFits.write(
                MapSummary.of(connection, mapId, map.order(), false).moc(), mapId, stream));
    }

    /** Writes the content of a file to a stream it does not close. */
    interface Writer {
        void write(OutputStream out) throws IOException, SQLException;
    }

    /**
     * Runs {@code writer} with auto-commit off, so that PostgreSQL streams the pixels through a
     * cursor (fetch size) instead of reading the whole result; the transaction only reads.
     */
    private static void writeAtomically(Connection connection, Path out, Writer writer)
            throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            writeAtomically(out, writer);
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Writes {@code out} through a temporary sibling moved into place, creating parent directories. */
    static void writeAtomically(Path out, Writer writer) throws IOException, SQLException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writer.write(stream);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MapRow mapRow(Connection connection, String mapId) throws SQLException {
        String sql = "SELECT m.\"product_type\", m.\"band\", m.\"quantity\", m.\"value_unit\", m.\"hpx_order\","
                + " (SELECT COUNT(*) FROM \"maps\".\"map_pixel\" p WHERE p.\"map_id\" = m.\"map_id\"),"
                + " (SELECT COUNT(p.\"pixel_value\") FROM \"maps\".\"map_pixel\" p WHERE p.\"map_id\" = m.\"map_id\"),"
                + " (SELECT COUNT(p.\"mask\") FROM \"maps\".\"map_pixel\" p WHERE p.\"map_id\" = m.\"map_id\")"
                + " FROM \"maps\".\"map\" m WHERE m.\"map_id\" = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Expected a map registered in maps.map, actual " + mapId);
                }
                return new MapRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getLong(6), rs.getLong(7) > 0, rs.getLong(8) > 0);
            }
        }
    }

    private static void writeMap(Connection connection, String mapId, MapRow map, PixelSelection selection,
                                 long pixels, OutputStream out) throws IOException, SQLException {
        int fields = 1 + (map.hasValue() ? 1 : 0) + (map.hasMask() ? 1 : 0);
        int rowBytes = 8 + (map.hasValue() ? 4 : 0) + (map.hasMask() ? 4 : 0);
        long nside = 1L << map.order();
        FitsCards.writeEmptyPrimary(out);
        FitsCards h = new FitsCards()
                .add("XTENSION", "BINTABLE", "binary table extension")
                .add("BITPIX", 8, "").add("NAXIS", 2, "")
                .add("NAXIS1", rowBytes, "bytes per row").add("NAXIS2", pixels, "number of pixels")
                .add("PCOUNT", 0, "").add("GCOUNT", 1, "").add("TFIELDS", fields, "")
                .add("TTYPE1", "PIXEL", "NESTED pixel index").add("TFORM1", "1K", "");
        int col = 2;
        if (map.hasValue()) {
            h.add("TTYPE" + col, "VALUE", map.quantity() == null ? "" : map.quantity()).add("TFORM" + col, "1E", "");
            if (map.unit() != null) {
                h.add("TUNIT" + col, map.unit(), "");
            }
            col++;
        }
        if (map.hasMask()) {
            h.add("TTYPE" + col, "MASK", "bit mask").add("TFORM" + col, "1J", "").add("TNULL" + col, NULL_MASK, "");
        }
        h.add("EXTNAME", "HEALPIX", "")
                .add("PIXTYPE", "HEALPIX", "HEALPix pixelisation").add("ORDERING", "NESTED", "pixel ordering")
                .add("NSIDE", nside, "resolution parameter").add("ORDER", map.order(), "log2(NSIDE)")
                .add("INDXSCHM", "EXPLICIT", "pixels listed in PIXEL").add("OBJECT", "PARTIAL", "partial sky map")
                .add("OBS_NPIX", pixels, "number of pixels stored").add("COORDSYS", "C", "equatorial (ICRS)")
                .add("FIRSTPIX", 0, "").add("LASTPIX", 12 * nside * nside - 1, "")
                .add("MAPID", mapId, "maps.map.map_id").add("PRODTYPE", map.kind(), "");
        if (map.band() != null) {
            h.add("FILTER", map.band(), "photometric band");
        }
        h.write(out);
        DataOutputStream data = new DataOutputStream(out);
        long[] written = {0};
        pixels(connection, mapId, map.order(), selection, rs -> {
            if (written[0] < pixels) {
                data.writeLong(rs.getLong(1));
                if (map.hasValue()) {
                    float v = rs.getFloat(2);
                    data.writeFloat(rs.wasNull() ? Float.NaN : v);
                }
                if (map.hasMask()) {
                    int m = rs.getInt(3);
                    data.writeInt(rs.wasNull() ? NULL_MASK : m);
                }
            }
            written[0]++;
        });
        if (written[0] != pixels) {
            throw new IllegalStateException("Map " + mapId + " changed while it was written: expected "
                    + pixels + " pixels, actual " + written[0]);
        }
        data.flush();
        FitsCards.pad(out, pixels * rowBytes);
    }

    private interface PixelConsumer {
        void accept(ResultSet row) throws IOException, SQLException;
    }

    /**
     * Streams the rows (pixel, pixel_value, mask) of the selected pixels in ascending order; the
     * order-29 bounds of the selection narrow the scan through the pix_lo29 index.
     */
    private static void pixels(Connection connection, String mapId, int order, PixelSelection selection,
                               PixelConsumer consumer) throws IOException, SQLException {
        int shift = 2 * (29 - order);
        try (PreparedStatement ps = connection.prepareStatement("SELECT \"pixel\", \"pixel_value\", \"mask\" FROM"
                + " \"maps\".\"map_pixel\" WHERE \"map_id\" = ? AND \"pix_hi29\" > ? AND \"pix_lo29\" < ?"
                + " ORDER BY \"pixel\"")) {
            ps.setFetchSize(10_000);
            ps.setString(1, mapId);
            ps.setLong(2, selection.lo29());
            ps.setLong(3, selection.hi29());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long pixel = rs.getLong(1);
                    if (selection.overlaps(pixel << shift, (pixel + 1) << shift)) {
                        consumer.accept(rs);
                    }
                }
            }
        }
    }
}
