// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.util.Objects;

/**
 * A service descriptor (DataLink 1.1 §4): a {@code RESOURCE type="meta" utype="adhoc:service"}
 * naming a service and its input parameters. Here: the cutout service of a map product
 * (CONTRACTS.md), with the product's identifier as fixed ID and SODA-style CIRCLE and POLYGON.
 *
 * @param resourceId the RESOURCE ID that links rows name in service_def
 * @param accessUrl  the service URL
 * @param did        value of the ID input parameter
 */
record ServiceDescriptor(String resourceId, String accessUrl, String did) {
    /** SODA 1.0 synchronous access (SODA §2.1): the parameter syntax the cutout follows. */
    static final String SODA_SYNC = "ivo://ivoa.net/std/SODA#sync-1.0";

    ServiceDescriptor {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(accessUrl, "accessUrl");
        Objects.requireNonNull(did, "did");
    }
}
