// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bearer tokens a server accepts, parsed from the tokens file. A token, as a client sends it,
 * is {@code ID.SECRET}: the id selects one line, whose salted hash must match the secret. One line
 * per token:
 * <pre>
 * # ID      USER     GROUPS          EXPIRES               HASH
 * k7f2q     pzteam   pz-team,rubin   2027-06-30            pbkdf2-sha256:20000:...:...
 * w91xa     alice    -               -                     pbkdf2-sha256:20000:...:...
 * </pre>
 * GROUPS is a comma-separated list or {@code -}; EXPIRES an ISO-8601 date (the token is valid
 * through that day, UTC), an instant, or {@code -} for never. Blank lines and {@code #} comments
 * are ignored.
 *
 * <p>Immutable apart from a cache of verified tokens (keyed by the SHA-256 of the token), which
 * spares the PBKDF2 cost on every request of a known token; expiry is checked on every call.
 * Thread-safe.
 */
public final class Tokens {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9-]{1,64})\\.([A-Za-z0-9_-]{16,256})");

    /** One accepted token. */
    record Entry(String id, String user, Set<String> groups, Instant expires, TokenHash hash) {
        Identity identity() {
            return new Identity(user, groups);
        }
    }

    /** A newly issued token: the text to give the user and the line to store. */
    public record Issued(String token, String line) {}

    private final Map<String, Entry> byId;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private Tokens(Map<String, Entry> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** No token at all: everybody is anonymous. */
    public static Tokens none() {
        return new Tokens(Map.of());
    }

    /**
     * Parses the lines of a tokens file.
     *
     * @param source the file name, for messages
     * @throws IllegalArgumentException naming the file, the line number and what is wrong
     */
    public static Tokens parse(String source, List<String> lines) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ", line " + (i + 1) + ": ";
            Entry e = entry(where, line.split("\\s+"));
            if (byId.put(e.id(), e) != null) {
                throw new IllegalArgumentException(where + "token id " + e.id() + " is used twice");
            }
        }
        return new Tokens(byId);
    }

    private static Entry entry(String where, String[] f) {
        if (f.length != 5) {
            throw new IllegalArgumentException(where + "expected 5 fields ID USER GROUPS EXPIRES HASH, actual "
                    + f.length);
        }
        if (!ID.matcher(f[0]).matches()) {
            throw new IllegalArgumentException(where + "bad token id '" + f[0] + "': letters, digits and '-', 1 to 64");
        }
        if (!USER.matcher(f[1]).matches()) {
            throw new IllegalArgumentException(where + "bad user name '" + f[1] + "': letters, digits and _ . @ -");
        }
        Set<String> groups = new HashSet<>();
        if (!f[2].equals("-")) {
            for (String g : f[2].split(",")) {
                if (!GROUP.matcher(g).matches()) {
                    throw new IllegalArgumentException(where + "bad group '" + g + "': letters, digits and _ . -");
                }
                groups.add(g);
            }
        }
        Instant expires = f[3].equals("-") ? null : expiry(where, f[3]);
        TokenHash hash;
        try {
            hash = TokenHash.parse(f[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
        return new Entry(f[0], f[1], groups, expires, hash);
    }

    private static Instant expiry(String where, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "bad expiry '" + text
                    + "': expected -, a date such as 2027-06-30 or an instant such as 2027-06-30T12:00:00Z");
        }
    }

    /**
     * The identity a bearer token stands for.
     *
     * @throws AuthException if the token is malformed, unknown, wrong or expired
     */
    public Identity authenticate(String token, Instant now) throws AuthException {
        var m = TOKEN.matcher(token);
        if (!m.matches()) {
            throw new AuthException("The bearer token is malformed: pzvo tokens look like ID.SECRET (as issued by"
                    + " 'pzvo token'). Send 'Authorization: Bearer <token>', or no Authorization header for"
                    + " anonymous access to public data.");
        }
        String key = sha256(token);
        Entry entry = verified.get(key);
        if (entry == null) {
            Entry candidate = byId.get(m.group(1));
            if (candidate == null || !candidate.hash().matches(m.group(2))) {
                throw new AuthException("The bearer token is not valid here (unknown or revoked). Ask the service"
                        + " operator for a new token, or send no Authorization header for anonymous access.");
            }
            entry = candidate;
            verified.put(key, entry);
        }
        if (entry.expires() != null && !now.isBefore(entry.expires())) {
            throw new AuthException("The bearer token expired at " + entry.expires()
                    + ". Ask the service operator for a new one.");
        }
        return entry.identity();
    }

    /** The groups of every unexpired token of {@code user} (for jobs run after the request that made them). */
    public Set<String> groupsOf(String user, Instant now) {
        Set<String> groups = new HashSet<>();
        for (Entry e : byId.values()) {
            if (e.user().equals(user) && (e.expires() == null || now.isBefore(e.expires()))) {
                groups.addAll(e.groups());
            }
        }
        return Set.copyOf(groups);
    }

    /** How many tokens there are. */
    public int size() {
        return byId.size();
    }

    /**
     * A new random token for {@code user}: 32 random bytes of secret, stored as a PBKDF2 hash.
     *
     * @param expires the expiry, or null for never
     */
    public static Issued issue(String user, Set<String> groups, Instant expires, SecureRandom random) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("Bad user name '" + user + "': letters, digits and _ . @ -");
        }
        for (String g : groups) {
            if (!GROUP.matcher(g).matches()) {
                throw new IllegalArgumentException("Bad group '" + g + "': letters, digits and _ . -");
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        String id = b64.encodeToString(idBytes).replace('_', '-');
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = b64.encodeToString(secretBytes);
        TokenHash hash = TokenHash.create(secret, random, TokenHash.DEFAULT_ITERATIONS);
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(null);
        String line = String.join(" ", id, user, sorted.isEmpty() ? "-" : String.join(",", sorted),
                expires == null ? "-" : expires.toString(), hash.toString());
        return new Issued(id + "." + secret, line);
    }

    private static String sha256(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens" + Arrays.toString(byId.keySet().toArray());
    }
}
