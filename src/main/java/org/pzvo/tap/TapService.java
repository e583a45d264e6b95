// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.Catalog;
import org.pzvo.dali.DaliException;
import org.pzvo.db.Metadata;
import org.pzvo.tap.upload.PartSource;
import org.pzvo.tap.upload.UploadLimits;
import org.pzvo.tap.upload.UploadSession;

/**
 * The TAP capability: validated query parameters in, streamed results out. Knows the metadata
 * and the two query runners (sync and async use separate connection pools, so neither can
 * starve the other). Thread-safe; one instance per server.
 */
public final class TapService {
    private final Metadata metadata;
    private final TapQuery.Limits limits;
    private final QueryRunner syncRunner;
    private final QueryRunner asyncRunner;
    private final MetadataCatalog publicCatalog;
    private final UploadLimits uploadLimits;

    public TapService(Metadata metadata, List<FunctionInfo> udfs, TapQuery.Limits limits, UploadLimits uploadLimits,
                      QueryRunner syncRunner, QueryRunner asyncRunner) {
        this.metadata = Objects.requireNonNull(metadata);
        this.publicCatalog = MetadataCatalog.forGroups(metadata, Set.of(), udfs);
        this.limits = Objects.requireNonNull(limits);
        this.uploadLimits = Objects.requireNonNull(uploadLimits);
        this.syncRunner = Objects.requireNonNull(syncRunner);
        this.asyncRunner = Objects.requireNonNull(asyncRunner);
    }

    public TapQuery.Limits limits() {
        return limits;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** The catalog an anonymous user sees: every public table. */
    public Catalog publicCatalog() {
        return publicCatalog;
    }

    public UploadLimits uploadLimits() {
        return uploadLimits;
    }

    /**
     * Runs a synchronous query with its uploaded tables, dropped when it ends.
     *
     * @param parts   the request's inline files, for {@code UPLOAD=t,param:<part>}
     * @param scratch a private directory for files fetched from UPLOAD URLs
     */
    public QueryRunner.Outcome runSync(TapQuery query, PartSource parts, Path scratch, ResultTarget target)
            throws DaliException, IOException {
        return run(syncRunner, query, parts, scratch, () -> false, target, st -> { }, rows -> { });
    }

    /**
     * Loads the query's uploads through {@code runner}'s connections, runs it against the public
     * tables plus {@code TAP_UPLOAD}, and drops the uploaded tables whatever happens.
     *
     * @param cancelled polled while uploads load; loading stops once it says true
     */
    public QueryRunner.Outcome run(QueryRunner runner, TapQuery query, PartSource parts, Path scratch,
                                   BooleanSupplier cancelled, ResultTarget target,
                                   Consumer<PreparedStatement> onStatement, LongConsumer progress)
            throws DaliException, IOException {
        try (UploadSession uploads = UploadSession.load(query.uploads(), parts, runner.dataSource(), uploadLimits,
                scratch, cancelled)) {
            Catalog catalog = uploads.tables().isEmpty() ? publicCatalog : publicCatalog.with(uploads.tables());
            return runner.run(query, catalog, target, onStatement, progress, cancelled);
        }
    }

    public QueryRunner asyncRunner() {
        return asyncRunner;
    }
}
