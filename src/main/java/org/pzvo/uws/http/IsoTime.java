// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** ISO 8601 times as UWS 1.1 writes them (UTC, trailing Z) and the forms clients send. */
final class IsoTime {

    private IsoTime() {
    }

    /** {@code 2026-11-23T16:05:45.123Z}: UTC, millisecond precision, trailing Z. */
    static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Parses a time with Z or an offset; a time or date without zone is taken as UTC
     * (UWS 1.1 §2.2.2.1 gives {@code AFTER=2014-09-10T10:01:02.000}).
     */
    static Optional<Instant> parse(String text) {
        String s = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
