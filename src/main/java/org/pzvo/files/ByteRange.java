// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP Range header (RFC 9110 §14.1.2), resolved against a file size:
 * inclusive first and last byte positions.
 *
 * @param first first byte, 0-based
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** The outcome of reading a Range header. */
    sealed interface Parsed permits Whole, Partial, Unsatisfiable {
    }

    /** Serve the whole file (no header, a header we do not honour such as several ranges, or a bad one). */
    record Whole() implements Parsed {
    }

    /** Serve one range (206). */
    record Partial(ByteRange range) implements Parsed {
    }

    /** The range starts beyond the end of the file (416). */
    record Unsatisfiable() implements Parsed {
    }

    long length() {
        return last - first + 1;
    }

    /**
     * Reads a Range header value for a file of {@code size} bytes. Only a single range is
     * honoured; several ranges or a syntactically invalid header are ignored, as RFC 9110
     * §14.2 allows, and the whole file is sent.
     */
    static Parsed parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> a = number(m.group(1));
        Optional<Long> b = number(m.group(2));
        if ((!m.group(1).isEmpty() && a.isEmpty()) || (!m.group(2).isEmpty() && b.isEmpty())) {
            // Digits beyond a long: treat as out of range.
            return new Unsatisfiable();
        }
        if (a.isEmpty()) {
            // Suffix range: the last n bytes (RFC 9110 §14.1.2).
            long n = b.get();
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long first = a.get();
        if (b.isPresent() && b.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = b.isPresent() ? Math.min(b.get(), size - 1) : size - 1;
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
