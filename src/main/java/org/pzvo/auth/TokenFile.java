// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens file of a running server ({@code auth.tokens-file}, by default {@code <data>/tokens};
 * format in {@link Tokens}). Read at start-up, where an invalid file stops the server; re-read when
 * its modification time changes (checked at most every {@code recheck}), so that tokens can be
 * added and revoked without a restart. An invalid edit is logged and the previous tokens stay in
 * force. A missing file means no token: everybody is anonymous. Thread-safe.
 */
public final class TokenFile {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);

    private final Path file;
    private final Clock clock;
    private final Duration recheck;
    private volatile State state;

    private record State(Tokens tokens, FileTime modified, Instant checked) {}

    private TokenFile(Path file, Clock clock, Duration recheck, State state) {
        this.file = file;
        this.clock = clock;
        this.recheck = recheck;
        this.state = state;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException if the file is invalid (message names file and line)
     * @throws UncheckedIOException     if it exists but cannot be read
     */
    public static TokenFile open(Path file, Clock clock, Duration recheck) {
        FileTime modified = modified(file);
        return new TokenFile(file, clock, recheck, new State(read(file, modified), modified, clock.instant()));
    }

    /** The identity of a bearer token (see {@link Tokens#authenticate}). */
    public Identity authenticate(String token) throws AuthException {
        return current().authenticate(token, clock.instant());
    }

    /** The groups {@code user} holds now (null user: anonymous, no group). */
    public Set<String> groupsOf(String user) {
        return user == null ? Set.of() : current().groupsOf(user, clock.instant());
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    private Tokens current() {
        State s = state;
        Instant now = clock.instant();
        if (Duration.between(s.checked(), now).compareTo(recheck) < 0) {
            return s.tokens();
        }
        synchronized (this) {
            s = state;
            FileTime modified;
            try {
                modified = modified(file);
            } catch (UncheckedIOException e) {
                LOG.error("Cannot check the tokens file {}: {}; keeping the tokens read before", file, e.getMessage());
                state = new State(s.tokens(), s.modified(), now);
                return s.tokens();
            }
            Tokens tokens = s.tokens();
            if (!java.util.Objects.equals(modified, s.modified())) {
                try {
                    tokens = read(file, modified);
                    LOG.info("Tokens file {} re-read: {} tokens", file, tokens.size());
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    LOG.error("Tokens file {} not re-read: {}; keeping the tokens read before", file, e.getMessage());
                }
            }
            state = new State(tokens, modified, now);
            return tokens;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tokens read(Path file, FileTime modified) {
        if (modified == null) {
            return Tokens.none();
        }
        try {
            return Tokens.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Tokens.none();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
    }
}
