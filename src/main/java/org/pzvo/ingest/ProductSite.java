// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where file products go and how they are named (CONTRACTS.md): files below
 * {@code <dataDir>/products/}, identifiers {@code ivo://{authority}/pzvo?{path}}, ObsCore
 * access_url below {@code baseUrl} (rewritten at every server start, see
 * {@link org.pzvo.obscore.ObsCore#rebase}).
 *
 * @param dataDir   the data directory
 * @param authority the IVOA authority of identifiers (service.authority)
 * @param baseUrl   the public base URL of the service, without a trailing slash
 */
public record ProductSite(Path dataDir, String authority, String baseUrl) {
    /** The authority used when none is configured (conf/pzvo.properties default). */
    public static final String DEFAULT_AUTHORITY = "pzvo.example";

    public ProductSite {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** A site with the default authority and a local base URL, for tools and tests. */
    public static ProductSite local(Path dataDir) {
        return new ProductSite(dataDir, DEFAULT_AUTHORITY, "http://localhost:8080");
    }

    /** publisher_id of ObsCore rows: the IVOA identifier of this service. */
    public String publisherId() {
        return "ivo://" + authority + "/pzvo";
    }
}
