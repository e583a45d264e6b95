// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.dali.DaliException;
import org.pzvo.db.SqlNames;
import org.pzvo.xmatch.HeldTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.ac.starlink.table.StarTable;

/**
 * The TAP_UPLOAD tables of one request (TAP 1.1 §2.5.2, §4.2): reads and checks every UPLOAD
 * table, exposes it to the query as {@code TAP_UPLOAD.<name>} under a unique physical name, and
 * holds it as its parsed file ({@link HeldTable}, what the cross-match engine reads); it is stored
 * in the database only when the translated SQL reads it ({@link #storeTablesReadBy}), since an
 * upload the engine matches and hands to the SQL with its pairs needs no stored copy (loading
 * 10^6 rows into H2 was a third of a cross-match job). {@link #close()} drops what was stored.
 * A failure drops what was already created, so a bad upload leaves nothing behind.
 */
public final class UploadSession implements AutoCloseable {
    /**
     * The hidden row-number column of every uploaded table (1, 2, ...): not among the columns a
     * query sees, and not a name an uploaded column can have (those start with a letter).
     */
    public static final String ROW_KEY = "_pzvo_row";

    private static final Logger LOG = LoggerFactory.getLogger(UploadSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final BooleanSupplier cancelled;
    /** Tables stored in the database, to drop. */
    private final List<String> physicalNames = new ArrayList<>();
    private final List<TableInfo> tables = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();

    /** One uploaded table: not stored yet, or stored with its HEALPix column not indexed yet. */
    private static final class Held {
        final String name;
        final String physical;
        final StarTable table;
        final UploadSchema schema;
        final UploadLoader.Checked checked;
        final HeldTable.Registration registration;
        boolean stored;
        boolean indexed;

        Held(String name, String physical, StarTable table, UploadSchema schema, UploadLoader.Checked checked) {
            this.name = name;
            this.physical = physical;
            this.table = table;
            this.schema = schema;
            this.checked = checked;
            this.registration = HeldTable.register(physical, new HeldUpload(table, schema, checked));
            this.indexed = schema.healpix().isEmpty();
        }
    }

    private UploadSession(DataSource dataSource, BooleanSupplier cancelled) {
        this.dataSource = dataSource;
        this.cancelled = cancelled;
    }

    /** An empty session (no UPLOAD parameter). */
    public static UploadSession none() {
        return new UploadSession(null, () -> false);
    }

    /**
     * Loads {@code specs}.
     *
     * @param parts   the request's inline files
     * @param scratch a private directory for files fetched from URLs
     * @throws DaliException 400 with a message naming the table and what is wrong
     */
    public static UploadSession load(List<UploadSpec> specs, PartSource parts, DataSource dataSource,
                                     UploadLimits limits, Path scratch) throws DaliException, IOException {
        return load(specs, parts, dataSource, limits, scratch, () -> false);
    }

    /**
     * Loads {@code specs}, giving up between batches of rows once {@code cancelled} says so.
     *
     * @throws java.util.concurrent.CancellationException when cancelled (nothing is left behind)
     */
    public static UploadSession load(List<UploadSpec> specs, PartSource parts, DataSource dataSource,
                                     UploadLimits limits, Path scratch, BooleanSupplier cancelled)
            throws DaliException, IOException {
        UploadSession session = new UploadSession(dataSource, cancelled);
        if (specs.isEmpty()) {
            return session;
        }
        try {
            for (UploadSpec spec : specs) {
                session.loadOne(spec, parts, limits, scratch);
            }
            return session;
        } catch (DaliException | IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void loadOne(UploadSpec spec, PartSource parts, UploadLimits limits, Path scratch)
            throws DaliException, IOException {
        Path file;
        if (spec.source() instanceof UploadSpec.Part p) {
            file = parts.file(p.partName()).orElseThrow(() -> DaliException.badRequest(
                    "UPLOAD: table '" + spec.name() + "' refers to param:" + p.partName() + ", but the request has no "
                            + "file part named '" + p.partName() + "' (send it in a multipart/form-data POST)"));
        } else {
            UploadSpec.Url u = (UploadSpec.Url) spec.source();
            Files.createDirectories(scratch);
            file = Files.createTempFile(scratch, "upload-", ".dat");
            new UrlFetcher(limits).fetch(spec.name(), u.uri(), file);
        }
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw DaliException.badRequest("UPLOAD: table '" + spec.name() + "' is " + size + " bytes; the limit is "
                    + limits.maxBytes() + " bytes");
        }
        StarTable table = UploadReader.open(spec.name(), file);
        long declared = table.getRowCount();
        if (declared > limits.maxRows()) {
            throw DaliException.badRequest("UPLOAD: table '" + spec.name() + "' has " + declared + " rows; the limit "
                    + "for uploaded tables is " + limits.maxRows() + " rows");
        }
        UploadSchema schema = UploadSchema.of(spec.name(), table);
        UploadLoader.Checked checked = UploadLoader.validate(spec.name(), table, schema, limits.maxRows(), cancelled);
        String physical = physicalName(spec.name());
        held.add(new Held(spec.name(), physical, table, schema, checked));
        tables.add(UploadLoader.tableInfo(spec.name(), physical, checked.rows(), schema));
    }

    private static String physicalName(String name) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String prefix = name.length() > 40 ? name.substring(0, 40) : name;
        return prefix + "_" + HexFormat.of().formatHex(random);
    }

    /**
     * Drops every table of the {@code TAP_UPLOAD} schema: at start-up, the tables of requests that
     * a crash interrupted (a running server drops its own when each request ends). Assumes one
     * server per database, as the job store does.
     *
     * @return the number of tables dropped
     */
    public static int dropLeftovers(Connection conn) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getTables(null, UploadLoader.SCHEMA, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(true);
        try (Statement st = conn.createStatement()) {
            for (String name : names) {
                st.execute("DROP TABLE IF EXISTS " + SqlNames.table(UploadLoader.SCHEMA, name));
            }
        } finally {
            conn.setAutoCommit(autoCommit);
        }
        if (!names.isEmpty()) {
            LOG.info("Dropped {} upload table(s) left in {} by an earlier run", names.size(), UploadLoader.SCHEMA);
        }
        return names.size();
    }

    /** Whether {@code table} is an uploaded table (schema {@code TAP_UPLOAD}). */
    public static boolean isUpload(TableInfo table) {
        return table.schema().equals(UploadLoader.SCHEMA);
    }

    /**
     * Prepares the uploaded tables for {@code sql} (the translated query, about to run): stores
     * each table the SQL names in the database, and indexes the HEALPix column of each stored
     * table whose column the SQL names (a cone or a positional join written as SQL reads it
     * through its index; the cross-match engine reads neither). A name that also occurs elsewhere
     * in the SQL only stores or indexes a table that goes unused.
     *
     * @throws DaliException 400 when a value cannot be stored, 500 when the database fails
     */
    public void storeTablesReadBy(String sql) throws DaliException, IOException {
        for (Held h : held) {
            if (!h.stored && sql.contains(SqlNames.quote(h.physical))) {
                store(h);
            }
            if (h.stored && !h.indexed && sql.contains(SqlNames.quote(h.schema.healpix().orElseThrow()))) {
                try (Connection conn = dataSource.getConnection()) {
                    conn.setAutoCommit(true);
                    UploadLoader.indexHealpix(conn, isPostgres(conn), h.physical, h.schema.healpix().get());
                } catch (SQLException e) {
                    throw new DaliException(500, "UPLOAD: table '" + h.name + "' could not be indexed: "
                            + e.getMessage(), e);
                }
                h.indexed = true;
            }
        }
    }

    private void store(Held h) throws DaliException, IOException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(true);
            UploadLoader.createSchema(conn);
            physicalNames.add(h.physical);
            conn.setAutoCommit(false);
            try {
                UploadLoader.store(conn, isPostgres(conn), h.name, h.physical, h.table, h.schema, h.checked, cancelled);
                conn.commit();
                h.stored = true;
            } catch (DaliException | IOException | SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DaliException(500, "UPLOAD: table '" + h.name + "' could not be stored: " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(Connection conn) throws SQLException {
        return conn.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** The uploaded tables, as the ADQL checker sees them. */
    public List<TableInfo> tables() {
        return List.copyOf(tables);
    }

    /** The table the query calls {@code TAP_UPLOAD.<name>}, if uploaded. */
    public Optional<TableInfo> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Ends the holding of every table and drops those stored; failures are logged, never thrown. */
    @Override
    public void close() {
        held.forEach(h -> h.registration.close());
        held.clear();
        tables.clear();
        if (physicalNames.isEmpty()) {
            return;
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            conn.setAutoCommit(true);
            for (String physical : physicalNames) {
                try {
                    st.execute("DROP TABLE IF EXISTS " + SqlNames.table(UploadLoader.SCHEMA, physical));
                } catch (SQLException e) {
                    LOG.warn("Could not drop upload table {}: {}", physical, e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not drop upload tables {}: {}", physicalNames, e.getMessage());
        }
        physicalNames.clear();
    }
}
