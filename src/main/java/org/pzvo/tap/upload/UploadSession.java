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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.ac.starlink.table.StarTable;

/**
 * The TAP_UPLOAD tables of one request (TAP 1.1 §2.5.2, §4.2): loads every UPLOAD table into the
 * database under a unique physical name and exposes it to the query as {@code TAP_UPLOAD.<name>};
 * {@link #close()} drops them. A failure while loading drops what was already created, so a bad
 * upload leaves nothing behind.
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
    private final List<String> physicalNames = new ArrayList<>();
    private final List<TableInfo> tables = new ArrayList<>();
    /** Loaded tables whose HEALPix column has no index yet. */
    private final List<Unindexed> unindexed = new ArrayList<>();

    private record Unindexed(String name, String physical, String healpixColumn, boolean postgres) {
    }

    private UploadSession(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An empty session (no UPLOAD parameter). */
    public static UploadSession none() {
        return new UploadSession(null);
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
        UploadSession session = new UploadSession(dataSource);
        if (specs.isEmpty()) {
            return session;
        }
        try {
            for (UploadSpec spec : specs) {
                session.loadOne(spec, parts, limits, scratch, cancelled);
            }
            return session;
        } catch (DaliException | IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void loadOne(UploadSpec spec, PartSource parts, UploadLimits limits, Path scratch,
                         BooleanSupplier cancelled) throws DaliException, IOException {
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
        String physical = physicalName(spec.name());
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(true);
            boolean postgres = conn.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            UploadLoader.createSchema(conn);
            physicalNames.add(physical);
            conn.setAutoCommit(false);
            try {
                tables.add(UploadLoader.load(conn, postgres, spec.name(), physical, table, schema, limits.maxRows(),
                        cancelled));
                conn.commit();
                schema.healpix().ifPresent(h -> unindexed.add(new Unindexed(spec.name(), physical, h, postgres)));
            } catch (DaliException | IOException | SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DaliException(500, "UPLOAD: table '" + spec.name() + "' could not be stored: " + e.getMessage(), e);
        }
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
     * Indexes the HEALPix column of every uploaded table whose column {@code sql} (the translated
     * query, about to run) names: a cone or a positional join written as SQL reads the column
     * through its index, while the cross-match engine reads the whole table and needs none. A
     * column name that also occurs elsewhere in the SQL only builds an index that goes unused.
     *
     * @throws DaliException 500 when the index cannot be built
     */
    public void indexColumnsReadBy(String sql) throws DaliException {
        for (var it = unindexed.iterator(); it.hasNext(); ) {
            Unindexed u = it.next();
            if (!sql.contains(SqlNames.quote(u.healpixColumn()))) {
                continue;
            }
            try (Connection conn = dataSource.getConnection()) {
                conn.setAutoCommit(true);
                UploadLoader.indexHealpix(conn, u.postgres(), u.physical(), u.healpixColumn());
            } catch (SQLException e) {
                throw new DaliException(500, "UPLOAD: table '" + u.name() + "' could not be indexed: "
                        + e.getMessage(), e);
            }
            it.remove();
        }
    }

    /** The uploaded tables, as the ADQL checker sees them. */
    public List<TableInfo> tables() {
        return List.copyOf(tables);
    }

    /** The table the query calls {@code TAP_UPLOAD.<name>}, if uploaded. */
    public Optional<TableInfo> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Drops every table this session created; failures are logged, never thrown. */
    @Override
    public void close() {
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
        tables.clear();
        unindexed.clear();
    }
}
