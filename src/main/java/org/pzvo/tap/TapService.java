// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.Catalog;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.FieldMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;
import org.pzvo.tap.upload.PartSource;
import org.pzvo.tap.upload.UploadLimits;
import org.pzvo.tap.upload.UploadSession;

/**
 * The TAP capability: validated query parameters in, streamed results out. Knows the metadata
 * and the two query runners (sync and async use separate connection pools, so neither can
 * starve the other). What a query may read depends on the groups of its user ({@link #catalogFor}).
 * Thread-safe; one instance per server.
 */
public final class TapService {
    private final TapQuery.Limits limits;
    private final QueryRunner syncRunner;
    private final QueryRunner asyncRunner;
    private final UploadLimits uploadLimits;
    private final List<FunctionInfo> udfs;
    /** Replaced as a whole when products are published, shared or deleted ({@link #reload}). */
    private volatile View view;
    private final Semaphore syncSlots;
    private final SyncCapacity syncCapacity;

    /**
     * Concurrent synchronous queries: at most {@code maxConcurrent} run at once; a further one
     * waits up to {@code waitMillis} for a slot, then is answered 503 with Retry-After.
     */
    public record SyncCapacity(int maxConcurrent, long waitMillis) {}

    public TapService(Metadata metadata, List<FunctionInfo> udfs, TapQuery.Limits limits, UploadLimits uploadLimits,
                      QueryRunner syncRunner, QueryRunner asyncRunner, SyncCapacity syncCapacity) {
        this.udfs = List.copyOf(udfs);
        this.view = new View(Objects.requireNonNull(metadata), List.of(), udfs);
        this.limits = Objects.requireNonNull(limits);
        this.uploadLimits = Objects.requireNonNull(uploadLimits);
        this.syncRunner = Objects.requireNonNull(syncRunner);
        this.asyncRunner = Objects.requireNonNull(asyncRunner);
        this.syncCapacity = Objects.requireNonNull(syncCapacity);
        this.syncSlots = new Semaphore(syncCapacity.maxConcurrent(), true);
    }

    public TapQuery.Limits limits() {
        return limits;
    }

    public Metadata metadata() {
        return view.metadata;
    }

    /**
     * Publishes new metadata and row-level access rules (issue 11: a product was published,
     * shared or deleted). Queries that already resolved their catalog finish with the old one.
     */
    public void reload(Metadata metadata, List<RowAccess> rowAccess) {
        view = new View(Objects.requireNonNull(metadata), rowAccess, udfs);
    }

    /** The catalog an anonymous user sees: every public table. */
    public Catalog publicCatalog() {
        return view.publicCatalog;
    }

    /** Metadata, row access and the catalogs derived from them, per distinct set of declared keys. */
    private static final class View {
        final Metadata metadata;
        final List<RowAccess> rowAccess;
        final List<FunctionInfo> udfs;
        final MetadataCatalog publicCatalog;
        final Set<String> declaredGroups;
        /** One catalog per distinct set of (declared) groups: few, since groups are few. */
        final Map<Set<String>, MetadataCatalog> catalogs = new ConcurrentHashMap<>();

        View(Metadata metadata, List<RowAccess> rowAccess, List<FunctionInfo> udfs) {
            this.metadata = metadata;
            this.rowAccess = List.copyOf(rowAccess);
            this.udfs = udfs;
            this.publicCatalog = MetadataCatalog.forGroups(metadata, Set.of(), udfs, this.rowAccess);
            Set<String> declared = metadata.tables().stream().flatMap(t -> t.groups().stream())
                    .collect(Collectors.toSet());
            this.rowAccess.forEach(a -> a.keysByValue().values().forEach(declared::addAll));
            this.declaredGroups = Set.copyOf(declared);
        }

        MetadataCatalog catalogFor(Set<String> groups) {
            Set<String> effective = groups.stream().filter(declaredGroups::contains)
                    .collect(Collectors.toUnmodifiableSet());
            if (effective.isEmpty()) {
                return publicCatalog;
            }
            return catalogs.computeIfAbsent(effective, g -> MetadataCatalog.forGroups(metadata, g, udfs, rowAccess));
        }
    }

    /**
     * The catalog a member of {@code groups} sees: public tables and those of its groups, with
     * TAP_SCHEMA filtered accordingly (issue 9).
     */
    public MetadataCatalog catalogFor(Set<String> groups) {
        return view.catalogFor(groups);
    }

    /** Whether a member of {@code groups} may see {@code table} (public, or restricted to one of them). */
    public static boolean visible(TableMeta table, Set<String> groups) {
        return table.isPublic() || table.groups().stream().anyMatch(groups::contains);
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
    public QueryRunner.Outcome runSync(TapQuery query, Set<String> groups, PartSource parts, Path scratch,
                                       ResultTarget target) throws DaliException, IOException {
        boolean acquired;
        try {
            acquired = syncSlots.tryAcquire(syncCapacity.waitMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaliException(503, "The request was interrupted while waiting for a free query slot");
        }
        if (!acquired) {
            throw new DaliException(503, "The service is running " + syncCapacity.maxConcurrent()
                    + " synchronous queries, its capacity; retry in a few seconds or submit the query to /tap/async,"
                    + " where it waits in a queue");
        }
        try {
            return run(syncRunner, query, groups, parts, scratch, () -> false, target, st -> { }, rows -> { });
        } finally {
            syncSlots.release();
        }
    }

    /**
     * Loads the query's uploads through {@code runner}'s connections, runs it against the tables
     * a member of {@code groups} sees plus {@code TAP_UPLOAD}, and drops the uploaded tables
     * whatever happens.
     *
     * @param cancelled polled while uploads load; loading stops once it says true
     */
    public QueryRunner.Outcome run(QueryRunner runner, TapQuery query, Set<String> groups, PartSource parts,
                                   Path scratch, BooleanSupplier cancelled, ResultTarget target,
                                   Consumer<PreparedStatement> onStatement, LongConsumer progress)
            throws DaliException, IOException {
        MetadataCatalog visible = catalogFor(groups);
        try (UploadSession uploads = UploadSession.load(query.uploads(), parts, runner.dataSource(), uploadLimits,
                scratch, cancelled)) {
            Catalog catalog = uploads.tables().isEmpty() ? visible : visible.with(uploads.tables());
            return runner.run(query, catalog, UnaryOperator.identity(), target, onStatement, progress, cancelled,
                    uploads::storeTablesReadBy);
        }
    }

    /**
     * Runs a query that another protocol built from its own parameters (SCS, SIA, cutouts) on the
     * sync connections, against the tables a member of {@code groups} sees (ivoa.obscore rows of
     * products hidden from it filtered out): the same translation, index rewrite and streaming as
     * /tap/sync.
     *
     * @param fieldEdit adjusts the output FIELD metadata (e.g. SCS 1.03 UCDs); identity otherwise
     */
    public QueryRunner.Outcome runProtocolQuery(TapQuery query, Set<String> groups,
                                                UnaryOperator<List<FieldMeta>> fieldEdit, ResultTarget target)
            throws DaliException, IOException {
        return syncRunner.run(query, catalogFor(groups), fieldEdit, target, st -> { }, rows -> { }, () -> false);
    }

    /** The connections of synchronous work (also used by SCS, SIA and DataLink services). */
    public javax.sql.DataSource syncDataSource() {
        return syncRunner.dataSource();
    }

    public QueryRunner asyncRunner() {
        return asyncRunner;
    }
}
