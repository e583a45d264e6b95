// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.net.URI;
import java.util.Objects;

/**
 * One table of the UPLOAD parameter (TAP 1.1 §2.5.2, DALI 1.1 §3.4): the name the query uses
 * ({@code TAP_UPLOAD.<name>}) and where the table comes from.
 */
public record UploadSpec(String name, Source source) {
    public UploadSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** Where an uploaded table comes from. */
    public sealed interface Source permits Part, Url {
    }

    /** {@code param:<part>}: a file part of the multipart request (or of the job creation). */
    public record Part(String partName) implements Source {
        public Part {
            Objects.requireNonNull(partName, "partName");
        }
    }

    /** An http or https URL the service fetches. */
    public record Url(URI uri) implements Source {
        public Url {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
