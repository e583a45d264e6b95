// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.ResultColumn;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.FieldMeta;
import org.pzvo.dali.ResultSetTable;
import org.pzvo.dali.ResultWriter;
import org.pzvo.db.Engine;
import org.pzvo.sql.BoundSql;
import org.pzvo.sql.MatchPlanner;
import org.pzvo.sql.PairRequest;
import org.pzvo.sql.SqlDialect;
import org.pzvo.tap.upload.UploadSession;
import org.pzvo.xmatch.CrossMatchEngine;
import org.pzvo.sql.TranslatedQuery;
import org.pzvo.sql.Translator;

/**
 * Runs one TAP query end to end: ADQL → SQL → JDBC cursor → STIL writer → target. Shared by
 * /sync and the async job runner. Rows stream: the cursor is read with the configured fetch size
 * (auto-commit off, so PostgreSQL uses a portal) and written as they come.
 */
public final class QueryRunner {
    /** Database settings of one kind of work (sync or async). */
    /**
     * @param datalinkLinksUrl supplies the DataLink {links} URL announced (as a service
     *                         descriptor, DataLink 1.1 §4) on results holding obs_publisher_did;
     *                         a supplier because the URL may depend on the port bound at start-up
     */
    public record Settings(DataSource dataSource, SqlDialect dialect, int fetchSize, int timeoutSeconds,
                           Supplier<String> datalinkLinksUrl) {}

    /** Statistics of a completed query, for logs and UWS jobInfo. */
    public record Outcome(long rows, boolean overflowed) {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryRunner.class);

    private final Settings settings;
    private final Optional<CrossMatchEngine> engine;
    private final MatchPlanner planner;

    /** A runner writing every positional join as SQL. */
    public QueryRunner(Settings settings) {
        this(settings, Optional.empty());
    }

    /** A runner handing positional joins between catalogs and uploads to {@code engine}, when given. */
    public QueryRunner(Settings settings, Optional<CrossMatchEngine> engine) {
        this.settings = settings;
        this.engine = engine;
        this.planner = engine.isEmpty() ? MatchPlanner.NONE : new MatchPlanner() {
            @Override
            public Optional<String> keyColumn(TableInfo table) {
                return UploadSession.isUpload(table) ? Optional.of(UploadSession.ROW_KEY) : engine.get().keyColumn(table);
            }

            // On H2 the final join would look up the upload's row of every pair at random (most
            // of W2's time): the engine hands the SQL the upload's rows with the pairs instead.
            @Override
            public boolean suppliesRows(TableInfo table) {
                return UploadSession.isUpload(table) && settings.dialect().engine() == Engine.H2;
            }
        };
    }

    /** The connections this runner uses (uploaded tables are loaded through them too). */
    public DataSource dataSource() {
        return settings.dataSource();
    }

    /**
     * @param onStatement receives the running statement, so an abort can cancel it
     * @param progress    receives the number of rows written so far, now and then
     */
    public Outcome run(TapQuery query, Catalog catalog, ResultTarget target, Consumer<PreparedStatement> onStatement,
                       LongConsumer progress) throws DaliException, IOException {
        return run(query, catalog, UnaryOperator.identity(), target, onStatement, progress, () -> false);
    }

    /**
     * As {@link #run(TapQuery, Catalog, ResultTarget, Consumer, LongConsumer)}, with the output
     * FIELD metadata edited first: protocols built on ADQL (SCS 1.03 needs UCD1 names such as
     * {@code ID_MAIN}) adjust what the columns declare without a second code path.
     *
     * @param cancelled polled while the cross-match engine works (before the statement exists)
     */
    public Outcome run(TapQuery query, Catalog catalog, UnaryOperator<List<FieldMeta>> fieldEdit, ResultTarget target,
                       Consumer<PreparedStatement> onStatement, LongConsumer progress, BooleanSupplier cancelled)
            throws DaliException, IOException {
        return run(query, catalog, fieldEdit, target, onStatement, progress, cancelled, sql -> { });
    }

    /** Work on the tables a translated query reads, done once its SQL is known and before it runs. */
    @FunctionalInterface
    public interface BeforeExecute {
        void accept(String sql) throws DaliException, IOException;
    }

    /**
     * As {@link #run(TapQuery, Catalog, UnaryOperator, ResultTarget, Consumer, LongConsumer, BooleanSupplier)},
     * with {@code beforeExecute} given the SQL first (uploads store the tables and index the columns it reads).
     */
    public Outcome run(TapQuery query, Catalog catalog, UnaryOperator<List<FieldMeta>> fieldEdit, ResultTarget target,
                       Consumer<PreparedStatement> onStatement, LongConsumer progress, BooleanSupplier cancelled,
                       BeforeExecute beforeExecute) throws DaliException, IOException {
        TranslatedQuery sql = translate(query, catalog);
        beforeExecute.accept(sql.sql());
        List<FieldMeta> columns = new ArrayList<>();
        for (ResultColumn c : sql.columns()) {
            columns.add(new FieldMeta(c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(), c.utype(),
                    c.description()));
        }
        List<FieldMeta> fields = fieldEdit.apply(List.copyOf(columns));
        try (Connection conn = settings.dataSource().getConnection()) {
            conn.setAutoCommit(false);
            conn.setReadOnly(true);
            CrossMatchEngine.Bound pairs = CrossMatchEngine.Bound.NONE;
            if (sql.pairs().isPresent()) {
                engine.orElseThrow().install(conn, settings.dialect().engine());
            }
            try (PreparedStatement st = prepare(conn, sql)) {
                if (sql.pairs().isPresent()) {
                    pairs = bindPairs(conn, st, sql.pairs().get(), cancelled);
                }
                // A result that fits in one fetch needs no cursor; without one PostgreSQL may plan the
                // query in parallel (it never does for a cursor), which full-scan aggregates need.
                boolean oneFetch = sql.maxRows() >= 0 && sql.maxRows() <= settings.fetchSize();
                st.setFetchSize(oneFetch ? 0 : settings.fetchSize());
                // H2 keeps the timeout per connection and runs a SET command to change it: set it
                // only when it differs (PostgreSQL's driver reports the statement's own, 0 when new).
                if (st.getQueryTimeout() != settings.timeoutSeconds()) {
                    st.setQueryTimeout(settings.timeoutSeconds());
                }
                onStatement.accept(st);
                ResultSetTable table;
                ResultSet rs;
                try {
                    rs = st.executeQuery();
                } catch (SQLException e) {
                    throw SqlErrors.toDali(e, settings.timeoutSeconds());
                }
                try (rs) {
                    table = new ResultSetTable(rs, fields, query.maxrec(), progress);
                    try {
                        table.prefetch();
                        OutputStream out = target.open(query.format());
                        ResultWriter.write(table, query.format(), infos(query, sql), settings.datalinkLinksUrl().get(),
                                out);
                    } catch (SQLException e) {
                        throw SqlErrors.toDali(e, settings.timeoutSeconds());
                    } finally {
                        table.close(); // its reading thread, if any, lets go of the cursor
                    }
                }
                if (table.failure().isPresent()) {
                    // Reported inside the VOTable already; a job must still end in ERROR.
                    throw SqlErrors.toDali(table.failure().get(), settings.timeoutSeconds());
                }
                return new Outcome(table.rowsRead(), table.overflowed());
            } finally {
                pairs.close();
                rollbackQuietly(conn);
            }
        } catch (SQLException e) {
            throw SqlErrors.toDali(e, settings.timeoutSeconds());
        }
    }

    /**
     * The statement of the SQL with its literals bound ({@link TranslatedQuery#bound()}: its text
     * repeats, so H2 parses and plans it once per connection), or of the literal SQL when there is
     * none or H2 refuses it (then the literal SQL decides what the user is told).
     */
    private static PreparedStatement prepare(Connection conn, TranslatedQuery sql) throws SQLException {
        if (sql.bound().isPresent()) {
            BoundSql bound = sql.bound().get();
            PreparedStatement st = null;
            try {
                st = conn.prepareStatement(bound.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                bound.bind(st);
                return st;
            } catch (SQLException e) {
                LOG.debug("The SQL with bound literals was refused ({}), running the literal SQL", e.toString());
                if (st != null) {
                    st.close();
                }
            }
        }
        return conn.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    /**
     * Ends the read-only transaction. When the connection broke (the database went away), the
     * rollback fails too: that must not hide the error that reports the loss.
     */
    private static void rollbackQuietly(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback after the query failed: {}", e.toString());
        }
    }

    private TranslatedQuery translate(TapQuery query, Catalog catalog) throws DaliException {
        try {
            long limit = query.maxrec() == Long.MAX_VALUE ? -1 : query.maxrec() + 1;
            return Translator.of(catalog, settings.dialect()).translate(query.query(), limit, planner);
        } catch (AdqlException e) {
            throw new DaliException(400, "ADQL error at " + e.getMessage(), e);
        }
    }

    private CrossMatchEngine.Bound bindPairs(Connection conn, PreparedStatement st, PairRequest request,
                                             BooleanSupplier cancelled) throws SQLException, DaliException {
        try {
            return engine.orElseThrow().bind(conn, st, request, settings.dialect().engine(), cancelled);
        } catch (IOException e) {
            throw new DaliException(500, "The cross-match engine could not read its position index: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, String> infos(TapQuery query, TranslatedQuery sql) {
        Map<String, String> infos = new LinkedHashMap<>();
        infos.put("QUERY", query.query());
        if (query.runId() != null) {
            infos.put("RUNID", query.runId());
        }
        return infos;
    }
}
