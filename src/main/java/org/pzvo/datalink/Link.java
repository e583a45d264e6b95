// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.util.Objects;

/**
 * One row of a DataLink {links} response (DataLink 1.1 §3.2). Exactly one of accessUrl,
 * serviceDef and errorMessage is set. Immutable.
 *
 * @param id               the identifier the row answers for (ID)
 * @param accessUrl        access_url, or null
 * @param serviceDef       service_def: the ID of a service descriptor RESOURCE, or null
 * @param errorMessage     error_message ("NotFoundFault: ...", "UsageFault: ..."), or null
 * @param semantics        semantics, a term of the DataLink core vocabulary ("#this", ...)
 * @param description      description, or null
 * @param contentType      content_type (MIME), or null
 * @param contentLength    content_length in bytes, or null when unknown
 * @param contentQualifier content_qualifier (DataLink 1.1 §3.2.10: a product type such as image), or null
 */
public record Link(String id, String accessUrl, String serviceDef, String errorMessage, String semantics,
                   String description, String contentType, Long contentLength, String contentQualifier) {
    public Link {
        Objects.requireNonNull(id, "id");
        int set = (accessUrl != null ? 1 : 0) + (serviceDef != null ? 1 : 0) + (errorMessage != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("Expected exactly one of access_url, service_def and error_message,"
                    + " actual " + set);
        }
    }

    /** A row pointing at a resource. */
    static Link to(String id, String url, String semantics, String description, String contentType, Long length,
                   String qualifier) {
        return new Link(id, url, null, null, semantics, description, contentType, length, qualifier);
    }

    /** A row whose resource is the service of descriptor {@code serviceId}. */
    static Link service(String id, String serviceId, String semantics, String description) {
        return new Link(id, null, serviceId, null, semantics, description, null, null, null);
    }

    /** An error row (DataLink 1.1 §3.2.4), with semantics #this as in the standard's examples. */
    static Link error(String id, String message) {
        return new Link(id, null, null, message, "#this", null, null, null, null);
    }
}
