// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.dali.DaliException;
import org.pzvo.db.SqlNames;
import org.pzvo.sky.SkyIndex;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Checks one uploaded table ({@link #validate}: row limit, positions) and, when a query's SQL
 * reads it, stores it in the database as {@code "TAP_UPLOAD"."<physical name>"}: CREATE TABLE,
 * batched INSERTs streamed from the STIL row sequence; the B-tree index on the HEALPix column
 * comes later still, when a query needs it ({@link #indexHealpix}). The caller drops the table.
 */
final class UploadLoader {
    static final String SCHEMA = "TAP_UPLOAD";
    private static final int BATCH = 5000;
    /**
     * Rows between commits. H2 keeps a transaction's uncommitted rows on the heap, so one
     * transaction for a 3,000,000-row upload does not fit in a 1 GB heap, and its commit revisits
     * every row it wrote: committing each batch while its pages are still in memory took a quarter
     * less CPU for 1,000,000 rows than every 100,000. PostgreSQL flushes its log at each commit, so
     * it commits less often. The table is this request's alone and is dropped on any failure, so
     * committing part of it exposes nothing.
     */
    private static final int H2_COMMIT_ROWS = BATCH;
    private static final int POSTGRES_COMMIT_ROWS = 100_000;

    private UploadLoader() {
    }

    /** Creates the schema when it is missing (concurrent creators are tolerated). */
    static void createSchema(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(SCHEMA));
        } catch (SQLException e) {
            // Two requests creating it at once: one of them loses the race, the schema exists.
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(SCHEMA));
            }
        }
    }

    /**
     * An uploaded table read and checked: its row count and, when it has a position, the order-29
     * HEALPix index of each row (-1 for a row without a position), computed once for every use.
     */
    record Checked(long rows, long[] healpix) {
        /** The HEALPix value of row {@code rowNumber} (1, 2, ...), or null. */
        Long healpix(long rowNumber) {
            long h = healpix[(int) (rowNumber - 1)];
            return h < 0 ? null : h;
        }
    }

    /**
     * Reads every row of {@code table} once: counts them (at most {@code maxRows}, at least one)
     * and checks and indexes each position, so that a bad upload is refused before any query runs.
     */
    static Checked validate(String name, StarTable table, UploadSchema schema, long maxRows, BooleanSupplier cancelled)
            throws DaliException, IOException {
        long rows = 0;
        long[] healpix = schema.healpix().isEmpty() ? null
                : new long[(int) Math.max(1024, Math.min(table.getRowCount(), maxRows))];
        try (RowSequence seq = table.getRowSequence()) {
            while (next(name, seq, rows)) {
                rows++;
                if (rows > maxRows) {
                    throw DaliException.badRequest("UPLOAD: table '" + name + "' has more than " + maxRows
                            + " rows; the limit for uploaded tables is " + maxRows + " rows");
                }
                Object[] row = row(name, seq, rows);
                if (healpix != null) {
                    if (rows > healpix.length) {
                        healpix = Arrays.copyOf(healpix, (int) Math.min(2L * healpix.length, maxRows));
                    }
                    Long h = healpix(name, rows, row, schema);
                    healpix[(int) (rows - 1)] = h == null ? -1 : h;
                }
                if (rows % BATCH == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("loading table '" + name + "' was cancelled");
                }
            }
        }
        if (rows == 0) {
            throw DaliException.badRequest("UPLOAD: table '" + name + "' has no rows");
        }
        return new Checked(rows, healpix);
    }

    /** Creates the table {@code physical} (already registered for dropping by the caller) and fills it. */
    static void store(Connection conn, boolean postgres, String name, String physical, StarTable table,
                      UploadSchema schema, Checked checked, BooleanSupplier cancelled) throws DaliException, SQLException, IOException {
        String qualified = SqlNames.table(SCHEMA, physical);
        StringJoiner defs = new StringJoiner(", ", "CREATE TABLE " + qualified + " (", ")");
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        // The row number, the key the cross-match engine joins its pairs on (on H2, a BIGINT
        // primary key is the row key itself, so it costs no separate index).
        defs.add(SqlNames.quote(UploadSession.ROW_KEY) + " BIGINT PRIMARY KEY");
        names.add(SqlNames.quote(UploadSession.ROW_KEY));
        marks.add("?");
        for (UploadColumn c : schema.columns()) {
            defs.add(SqlNames.quote(c.name()) + " " + c.sqlType(postgres));
            names.add(SqlNames.quote(c.name()));
            marks.add("?");
        }
        try (Statement st = conn.createStatement()) {
            st.execute(defs.toString());
        }
        insert(conn, name, qualified + " (" + names + ") VALUES (" + marks + ")", table, schema, checked,
                postgres ? POSTGRES_COMMIT_ROWS : H2_COMMIT_ROWS, cancelled);
        if (postgres) {
            try (Statement st = conn.createStatement()) {
                st.execute("ANALYZE " + qualified);
            }
        }
    }

    /**
     * The B-tree index on the HEALPix column of a loaded table: built only once a query is known
     * to read that column (a cone or a positional join written as SQL), since sorting the column
     * of a large upload costs as much as loading it, and the cross-match engine does not need it.
     */
    static void indexHealpix(Connection conn, boolean postgres, String physical, String healpixColumn)
            throws SQLException {
        String qualified = SqlNames.table(SCHEMA, physical);
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE INDEX " + SqlNames.quote(physical + "_hpx") + " ON " + qualified + " ("
                    + SqlNames.quote(healpixColumn) + ")");
            if (postgres) {
                st.execute("ANALYZE " + qualified);
            }
        }
    }

    private static void insert(Connection conn, String name, String into, StarTable table, UploadSchema schema,
                               Checked checked, int commitRows, BooleanSupplier cancelled) throws DaliException, SQLException, IOException {
        List<UploadColumn> columns = schema.columns();
        long rows = 0;
        try (PreparedStatement st = conn.prepareStatement("INSERT INTO " + into);
             RowSequence seq = table.getRowSequence()) {
            while (next(name, seq, rows)) {
                rows++;
                Object[] row = row(name, seq, rows);
                st.setLong(1, rows);
                for (int i = 0; i < columns.size(); i++) {
                    bind(conn, st, i + 2, columns.get(i), value(rows, row, schema, checked, i));
                }
                st.addBatch();
                if (rows % BATCH == 0) {
                    st.executeBatch();
                    if (rows % commitRows == 0) {
                        conn.commit();
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("loading table '" + name + "' was cancelled");
                    }
                }
            }
            st.executeBatch();
        }
    }

    /** The stored value of column {@code i} of {@code schema} in row {@code rowNumber} of the uploaded table. */
    static Object value(long rowNumber, Object[] row, UploadSchema schema, Checked checked, int i) {
        UploadColumn c = schema.columns().get(i);
        return c.sourceIndex() >= 0 ? UploadColumn.stored(row[c.sourceIndex()]) : checked.healpix(rowNumber);
    }

    static boolean next(String name, RowSequence seq, long rowsSoFar) throws DaliException {
        try {
            return seq.next();
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD: table '" + name + "' could not be read after row " + rowsSoFar
                    + ": " + UploadReader.message(e));
        }
    }

    static Object[] row(String name, RowSequence seq, long rowNumber) throws DaliException {
        try {
            return seq.getRow();
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD: row " + rowNumber + " of table '" + name + "' could not be read: "
                    + UploadReader.message(e));
        }
    }

    private static Long healpix(String name, long rowNumber, Object[] row, UploadSchema schema) throws DaliException {
        Object ra = row[schema.columns().get(schema.raIndex()).sourceIndex()];
        Object dec = row[schema.columns().get(schema.decIndex()).sourceIndex()];
        if (!(ra instanceof Number r) || !(dec instanceof Number d) || Double.isNaN(r.doubleValue())
                || Double.isNaN(d.doubleValue())) {
            return null;
        }
        double decDeg = d.doubleValue();
        if (decDeg < -90 || decDeg > 90 || Double.isInfinite(r.doubleValue())) {
            throw DaliException.badRequest("UPLOAD: row " + rowNumber + " of table '" + name + "' has the position ("
                    + r + ", " + d + "), outside the sky (declination must be within [-90, 90] degrees)");
        }
        return SkyIndex.hpx29(r.doubleValue(), decDeg);
    }

    private static void bind(Connection conn, PreparedStatement st, int index, UploadColumn c, Object value)
            throws SQLException {
        if (value == null) {
            st.setNull(index, nullType(c));
            return;
        }
        if (c.isArray()) {
            int n = Array.getLength(value);
            Object[] boxed = new Object[n];
            for (int i = 0; i < n; i++) {
                Object e = Array.get(value, i);
                boxed[i] = e instanceof Byte b ? Short.valueOf(b) : e;
            }
            st.setArray(index, conn.createArrayOf(c.elementType(), boxed));
        } else {
            st.setObject(index, value);
        }
    }

    private static int nullType(UploadColumn c) {
        if (c.isArray()) {
            return Types.ARRAY;
        }
        return switch (c.datatype()) {
            case "boolean" -> Types.BOOLEAN;
            case "short" -> Types.SMALLINT;
            case "int" -> Types.INTEGER;
            case "long" -> Types.BIGINT;
            case "float" -> Types.REAL;
            case "double" -> Types.DOUBLE;
            default -> Types.VARCHAR;
        };
    }

    static TableInfo tableInfo(String name, String physical, long rows, UploadSchema schema) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (UploadColumn c : schema.columns()) {
            columns.add(new ColumnInfo(c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(), null,
                    c.description()));
        }
        Optional<PositionIndex> position = schema.healpix().map(h -> new PositionIndex(
                schema.columns().get(schema.raIndex()).name(), schema.columns().get(schema.decIndex()).name(), h));
        return new TableInfo(SCHEMA, name, "uploaded table (" + rows + " rows)", columns, position, physical);
    }
}
