// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Product identifiers (CONTRACTS.md): {@code ivo://{authority}/pzvo?{relative path}}, the
 * relative path being '/'-separated segments below {@code <data.dir>/products/}.
 *
 * <p>A relative path is accepted only when every segment is made of letters, digits, '.', '_',
 * '-' and '+', does not start with a dot (so no "." or ".." segment and no hidden or temporary
 * file), and the whole is at most {@value #MAX_PATH_CHARS} characters. This one rule is what
 * keeps /files and DataLink inside the products directory, whatever encoding a request used.
 */
public final class ProductIds {
    /** Longest accepted relative path. */
    public static final int MAX_PATH_CHARS = 400;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");

    private ProductIds() {
    }

    /** The resource key part of every identifier: {@code ivo://{authority}/pzvo?}. */
    public static String prefix(String authority) {
        return "ivo://" + authority + "/pzvo?";
    }

    /** The identifier of the product at {@code relativePath}. */
    public static String did(String authority, String relativePath) {
        String problem = checkPath(relativePath);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return prefix(authority) + relativePath;
    }

    /**
     * The relative path named by {@code did}, if it has the form of a product identifier of this
     * service (it may still not be registered).
     */
    public static Optional<String> pathOf(String authority, String did) {
        String prefix = prefix(authority);
        if (did == null || !did.startsWith(prefix)) {
            return Optional.empty();
        }
        String path = did.substring(prefix.length());
        return checkPath(path) == null ? Optional.of(path) : Optional.empty();
    }

    /** Null when {@code path} is an acceptable relative product path, else what is wrong with it. */
    public static String checkPath(String path) {
        if (path == null || path.isEmpty()) {
            return "Expected a product path such as maps/footprint_dp1_o10.fits, actual an empty path";
        }
        if (path.length() > MAX_PATH_CHARS) {
            return "Expected a product path of at most " + MAX_PATH_CHARS + " characters, actual " + path.length();
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return "Expected a product path of '/'-separated names made of letters, digits and . _ + -"
                        + " (not starting with a dot)";
            }
        }
        return null;
    }
}
