// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.util.Objects;
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

    public TapService(Metadata metadata, TapQuery.Limits limits, QueryRunner syncRunner, QueryRunner asyncRunner) {
        this.metadata = Objects.requireNonNull(metadata);
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
        return MetadataCatalog.forGroups(metadata, java.util.Set.of());
    }

    public QueryRunner.Outcome runSync(TapQuery query, ResultTarget target) throws DaliException, IOException {
        return syncRunner.run(query, publicCatalog(), target, st -> { });
    }

    public QueryRunner asyncRunner() {
        return asyncRunner;
    }
}
