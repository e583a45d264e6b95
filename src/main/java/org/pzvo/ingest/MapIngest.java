// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;

/**
 * Registers HEALPix maps (issue 4 point 3): a FITS map ({@link HealpixFitsReader}: full-sky
 * implicit or partial explicit, RING or NESTED, any power-of-two NSIDE) or a MOC FITS file
 * ({@link MocFits}, registered as a map of kind {@code coverage} at order MOCORD_S) becomes one
 * row of {@code maps.map} and one row per pixel of {@code maps.map_pixel}, NESTED, with the
 * pixel as the order-29 range {@code [p << 2(29-k), (p+1) << 2(29-k))} (DESIGN.md "HEALPix
 * everywhere"). The map's MOC (ASCII), pixel count and area are computed from the stored pixels.
 *
 * <p>Atomic: all rows are written in one transaction (DML only, so on both engines a failure
 * rolls everything back). Not thread-safe; uses the caller's connection.
 */
public final class MapIngest {
    /** The map kinds of maps.map.product_type. */
    public static final Set<String> KINDS = Set.of("footprint", "coverage", "bitmask", "depth", "visibility", "property");
    /** A MOC is stored cell by cell at its order; above this many cells it is refused. */
    static final long MAX_MOC_CELLS = 50_000_000L;
    private static final String MAP = "\"maps\".\"map\"";
    private static final String PIXELS = "\"maps\".\"map_pixel\"";

    /**
     * A map to register.
     *
     * @param file        the FITS file
     * @param mapId       maps.map.map_id
     * @param kind        one of {@link #KINDS}
     * @param band        photometric band, or null
     * @param quantity    UCD of the values, or null
     * @param unit        VOUnit of the values, or null (default: the value column's TUNIT)
     * @param survey      survey the map describes
     * @param release     data release
     * @param valueColumn name of the value column, or null for the first one (after PIXEL)
     */
    public record Request(Path file, String mapId, String kind, String band, String quantity, String unit,
                          String survey, String release, String valueColumn) {
        public Request {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(mapId, "mapId");
            Objects.requireNonNull(kind, "kind");
            survey = survey == null ? "user" : survey;
            release = release == null ? "user" : release;
        }

        /** A request with defaults for everything but file, id and kind. */
        public static Request of(Path file, String mapId, String kind) {
            return new Request(file, mapId, kind, null, null, null, null, null, null);
        }
    }

    /** Outcome: the map's order, pixel count, area (deg²), ASCII MOC and wall time. */
    public record Report(String mapId, int order, long pixels, double areaDeg2, String moc, long millis) {
        public double pixelsPerSecond() {
            return pixels * 1000.0 / Math.max(1, millis);
        }
    }

    private final Connection connection;
    private final ProductSite site;

    /** An ingest that registers maps in maps.map only (no files). */
    public MapIngest(Connection connection) {
        this(connection, null);
    }

    /**
     * An ingest that also writes each map's files below {@code site} (the map FITS and its MOC in
     * FITS, ASCII and JSON) and registers them as products with ObsCore rows
     * ({@link ProductFiles#registerMap}), in the same transaction as the map rows.
     */
    public MapIngest(Connection connection, ProductSite site) {
        this.connection = connection;
        this.site = site;
    }

    /** Registers a HEALPix map FITS file. */
    public Report loadMap(Request request, ProgressListener progress) throws IngestException, IOException, SQLException {
        long start = System.nanoTime();
        checkRequest(request);
        try (HealpixFitsReader reader = HealpixFitsReader.open(request.file(), request.valueColumn())) {
            boolean asMask = request.kind().equals("bitmask") && reader.integerValues;
            String unit = request.unit() != null ? request.unit() : asMask ? null : reader.unit;
            return inTransaction(request, reader.order, unit, start, insert -> reader.forEach((row, pixel, v, iv) ->
                    insert.pixel(row, pixel, asMask ? null : (Double) v, asMask ? (Long) iv : null, progress)),
                    () -> duplicateRow(reader));
        }
    }

    /** Registers a MOC FITS file as a map of kind coverage (value 1 in every cell). */
    public Report loadMoc(Path file, String mapId, ProgressListener progress)
            throws IngestException, IOException, SQLException {
        long start = System.nanoTime();
        Request request = new Request(file, mapId, "coverage", null, "stat.filling", null, null, null, null);
        checkRequest(request);
        MocRanges moc = MocFits.read(file);
        if (moc.cellCount() > MAX_MOC_CELLS) {
            throw IngestException.of(file, "the MOC covers " + moc.cellCount() + " cells at MOCORD_S " + moc.order()
                    + "; at most " + MAX_MOC_CELLS + " can be stored as map pixels");
        }
        int shift = 2 * (MocRanges.MAX_ORDER - moc.order());
        long[] ranges = moc.ranges();
        return inTransaction(request, moc.order(), null, start, insert -> {
            long n = 0;
            for (int i = 0; i < ranges.length; i += 2) {
                for (long p = ranges[i] >>> shift; p < ranges[i + 1] >>> shift; p++) {
                    insert.pixel(++n, p, 1.0, null, progress);
                }
            }
        }, () -> -1);
    }

    private void checkRequest(Request request) throws IngestException, SQLException {
        if (site != null) {
            if (ProductIds.checkPath("maps/" + request.mapId() + ".fits") != null) {
                throw new IngestException("--map-id " + request.mapId() + ": expected letters, digits and . _ + -"
                        + " only (it names the map's files), not starting with a dot");
            }
            // DDL before the load's transaction: H2 commits on DDL.
            Products.createTable(connection);
        }
        if (!KINDS.contains(request.kind())) {
            throw new IngestException("--kind " + request.kind() + ": expected one of footprint, coverage, bitmask,"
                    + " depth, visibility, property");
        }
        if (request.mapId().isBlank()) {
            throw new IngestException("--map-id: expected a non-empty identifier");
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + MAP + " WHERE \"map_id\" = ?")) {
            ps.setString(1, request.mapId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new IngestException("map " + request.mapId() + " already exists in maps.map");
                }
            }
        }
    }

    /** Writes the pixels of a map. */
    private interface PixelWriter {
        void write(PixelInserter insert) throws IngestException, SQLException;
    }

    /** Finds the 1-based row of a repeated pixel, or -1. */
    private interface DuplicateFinder {
        long find() throws IngestException, SQLException;
    }

    private Report inTransaction(Request request, int order, String unit, long start, PixelWriter writer,
                                 DuplicateFinder duplicates) throws IngestException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PixelInserter insert = new PixelInserter(connection, request.mapId(), order)) {
                try {
                    writer.write(insert);
                    insert.flush();
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    connection.rollback();
                    long row = duplicates.find();
                    throw row > 0 ? IngestException.cell(request.file(), row, "PIXEL", "duplicate pixel")
                            : IngestException.of(request.file(), "duplicate pixels");
                }
            }
            MapSummary summary = MapSummary.of(connection, request.mapId(), order,
                    request.kind().equals("footprint") || request.kind().equals("coverage"));
            insertMap(request, order, unit, summary);
            if (site != null) {
                try {
                    ProductFiles.registerMap(connection, site, ProductContext.user(request.survey(), request.release()),
                            request.mapId());
                } catch (IOException e) {
                    throw new IngestException("map " + request.mapId() + " loaded but its files could not be written"
                            + " below " + Products.DIRECTORY + "/ (" + e.getMessage() + "); nothing was registered");
                }
            }
            connection.commit();
            return new Report(request.mapId(), order, summary.pixels(), summary.areaDeg2(), summary.moc().ascii(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IngestException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** SQLState 23505 on the exception or its chain (batch exceptions wrap the statement's). */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException s ? s.getNextException() : null) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private long duplicateRow(HealpixFitsReader reader) throws IngestException, SQLException {
        Set<Long> seen = new HashSet<>();
        long[] found = {-1};
        reader.forEach((row, pixel, v, iv) -> {
            if (!seen.add(pixel) && found[0] < 0) {
                found[0] = row;
            }
        });
        return found[0];
    }

    private void insertMap(Request r, int order, String unit, MapSummary s) throws SQLException {
        String sql = "INSERT INTO " + MAP + " (\"map_id\", \"product_type\", \"survey\", \"release\", \"band\","
                + " \"quantity\", \"value_unit\", \"hpx_order\", \"nside\", \"ordering\", \"coord_sys\", \"n_pixels\","
                + " \"sky_area\", \"moc\", \"software\", \"description\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NESTED', 'C',"
                + " ?, ?, ?, 'pzvo ingest', ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, r.mapId());
            ps.setString(2, r.kind());
            ps.setString(3, r.survey());
            ps.setString(4, r.release());
            ps.setString(5, r.band());
            ps.setString(6, r.quantity());
            ps.setString(7, unit);
            ps.setShort(8, (short) order);
            ps.setInt(9, 1 << order);
            ps.setLong(10, s.pixels());
            ps.setDouble(11, s.areaDeg2());
            ps.setString(12, s.moc().ascii());
            ps.setString(13, "HEALPix map ingested from " + IngestException.name(r.file()) + ".");
            ps.executeUpdate();
        }
    }
}
