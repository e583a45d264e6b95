// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A result of a completed job (UWS 1.1 §2.2.3.3): a file under the job's directory,
 * served at {@code /{jobs}/{job-id}/results/{name}}.
 *
 * @param name the result id; letters, digits, '_', '-' and '.', not starting with '.'
 * @param mimeType the Content-Type it is served with
 * @param sizeBytes the file size in bytes
 */
public record Result(String name, String mimeType, long sizeBytes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    public Result {
        checkName(name);
        Objects.requireNonNull(mimeType, "mimeType");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Expected sizeBytes >= 0, actual " + sizeBytes);
        }
    }

    /** Rejects a result name that could not be a safe file name. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Expected a result name of 1 to 64 letters, digits, "
                    + "'_', '-' or '.' not starting with '.', actual " + name);
        }
        return name;
    }

    /** Whether {@code name} is acceptable as a result name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
