// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.Catalog;
import org.pzvo.dali.DaliException;
import org.pzvo.db.Metadata;

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
    private final List<FunctionInfo> udfs;
    private final MetadataCatalog publicCatalog;

    public TapService(Metadata metadata, List<FunctionInfo> udfs, TapQuery.Limits limits, QueryRunner syncRunner,
                      QueryRunner asyncRunner) {
        this.metadata = Objects.requireNonNull(metadata);
        this.udfs = List.copyOf(udfs);
        this.publicCatalog = MetadataCatalog.forGroups(metadata, Set.of(), this.udfs);
        this.limits = Objects.requireNonNull(limits);
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

    public QueryRunner.Outcome runSync(TapQuery query, ResultTarget target) throws DaliException, IOException {
        return syncRunner.run(query, publicCatalog(), target, st -> { }, rows -> { });
    }

    public QueryRunner asyncRunner() {
        return asyncRunner;
    }
}
