// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.Phase;
import org.pzvo.uws.UwsException;

/** Parsing of UWS parameter values; every failure is an INVALID_ARGUMENT naming the parameter. */
final class Values {

    private Values() {
    }

    static String required(Parameters p, String name) {
        return single(p, name).orElseThrow(() -> UwsException.invalid("Missing parameter " + name));
    }

    /** The value of a parameter that may be given once (repeating the same value is tolerated). */
    static Optional<String> single(Parameters p, String name) {
        List<String> values = p.all(name);
        if (values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).distinct().count() > 1) {
            throw UwsException.invalid(name + " was given more than once with different values");
        }
        return values.stream().findFirst();
    }

    /** EXECUTIONDURATION in seconds; a huge positive integer means "as long as allowed". */
    static long duration(String text) {
        try {
            BigInteger v = new BigInteger(text.trim());
            return v.bitLength() < 63 ? v.longValue() : v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            throw UwsException.invalid("EXECUTIONDURATION must be an integer number of seconds, not '"
                    + shorten(text) + "'");
        }
    }

    static long integer(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw UwsException.invalid(name + " must be an integer, not '" + shorten(text) + "'");
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** An ISO 8601 time between the years 1 and 9999 (what every job database can store). */
    static Instant time(String name, String text) {
        Instant t = IsoTime.parse(text).orElseThrow(() -> UwsException.invalid(name
                + " must be an ISO 8601 time such as 2030-01-31T12:00:00Z, not '" + shorten(text) + "'"));
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw UwsException.invalid(name + " must be between the years 1 and 9999, not '"
                    + shorten(text) + "'");
        }
        return t;
    }

    static Phase phase(String text) {
        return Phase.parse(text).orElseThrow(() -> UwsException.invalid("PHASE must be one of "
                + List.of(Phase.values()) + ", not '" + shorten(text) + "'"));
    }

    /** At most 64 characters of user text, for messages. */
    static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
