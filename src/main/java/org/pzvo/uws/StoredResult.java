// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A published result and the file holding it, for streaming to a client.
 *
 * @param result name, MIME type and size
 * @param path the file; it may vanish if the job is destroyed while being read
 */
public record StoredResult(Result result, Path path) {
    public StoredResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(path, "path");
    }
}
