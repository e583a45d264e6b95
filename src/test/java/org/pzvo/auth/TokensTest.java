// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens: issue, hash, parse, authenticate, expire, revoke by editing the file. */
class TokensTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anIssuedTokenAuthenticatesItsUserWithItsGroups() throws Exception {
        Tokens.Issued issued = Tokens.issue("pzteam", Set.of("pz-team", "rubin"), null, RANDOM);
        Tokens tokens = Tokens.parse("tokens", List.of("# comment", "", issued.line()));
        Identity id = tokens.authenticate(issued.token(), NOW);
        assertEquals("pzteam", id.user());
        assertEquals(Set.of("pz-team", "rubin"), id.groups());
        assertTrue(id.maySee(List.of("pz-team")));
        assertFalse(id.maySee(List.of("other")));
        assertTrue(id.maySee(List.of()));
        assertEquals(id, tokens.authenticate(issued.token(), NOW), "the cached verification gives the same");
        assertEquals(Set.of("pz-team", "rubin"), tokens.groupsOf("pzteam", NOW));
        assertEquals(Set.of(), tokens.groupsOf("nobody", NOW));
    }

    @Test
    void theFileHoldsOnlyASaltedHash() {
        Tokens.Issued a = Tokens.issue("u", Set.of(), null, RANDOM);
        String secret = a.token().substring(a.token().indexOf('.') + 1);
        assertFalse(a.line().contains(secret));
        assertTrue(a.line().matches("[A-Za-z0-9-]+ u - - pbkdf2-sha256:20000:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+"), a.line());
        TokenHash h1 = TokenHash.create("same", RANDOM, 1000);
        TokenHash h2 = TokenHash.create("same", RANDOM, 1000);
        assertFalse(h1.toString().equals(h2.toString()), "per-token salt");
        assertTrue(TokenHash.parse(h1.toString()).matches("same"));
        assertFalse(TokenHash.parse(h1.toString()).matches("Same"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodot", "a.short", "bad id.xxxxxxxxxxxxxxxxxxxxxxxx", "x.yyyyyyyyyyyyyyyyyyyy!",
        "unknown.xxxxxxxxxxxxxxxxxxxxxxxxxxxx", ""})
    void wrongTokensAreRefusedWithoutEchoingThem(String token) {
        Tokens.Issued issued = Tokens.issue("u", Set.of(), null, RANDOM);
        Tokens tokens = Tokens.parse("tokens", List.of(issued.line()));
        AuthException e = assertThrows(AuthException.class, () -> tokens.authenticate(token, NOW));
        assertFalse(!token.isEmpty() && e.getMessage().contains(token));
    }

    @Test
    void aTamperedSecretIsRefused() {
        Tokens.Issued issued = Tokens.issue("u", Set.of(), null, RANDOM);
        Tokens tokens = Tokens.parse("tokens", List.of(issued.line()));
        String tampered = issued.token().substring(0, issued.token().length() - 1)
                + (issued.token().endsWith("A") ? "B" : "A");
        assertThrows(AuthException.class, () -> tokens.authenticate(tampered, NOW));
    }

    @Test
    void expiryIsCheckedOnEveryUseEvenWhenCached() throws Exception {
        Tokens.Issued issued = Tokens.issue("u", Set.of("g"), Instant.parse("2026-11-24T00:00:00Z"), RANDOM);
        Tokens tokens = Tokens.parse("tokens", List.of(issued.line()));
        assertEquals("u", tokens.authenticate(issued.token(), NOW).user());
        AuthException e = assertThrows(AuthException.class,
                () -> tokens.authenticate(issued.token(), Instant.parse("2026-11-24T00:00:00Z")));
        assertTrue(e.getMessage().contains("expired"));
        assertEquals(Set.of(), tokens.groupsOf("u", Instant.parse("2026-11-25T00:00:00Z")));
        String dated = issued.line().replace("2026-11-24T00:00:00Z", "2026-11-23");
        Tokens byDate = Tokens.parse("tokens", List.of(dated));
        assertEquals("u", byDate.authenticate(issued.token(), Instant.parse("2026-11-23T23:59:59Z")).user());
        assertThrows(AuthException.class, () -> byDate.authenticate(issued.token(), Instant.parse("2026-11-24T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b c", "id user - - md5:abc", "id user - 2026-13-45 pbkdf2-sha256:20000:AAAAAAAAAAA:AAAA",
        "i/d user - - pbkdf2-sha256:20000:AAAAAAAAAAA:AAAA", "id us'er - - x", "id user g;h - x",
        "id user - - pbkdf2-sha256:10:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void invalidLinesAreRefusedNamingFileAndLine(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tokens.parse("conf/tokens", List.of("# header", line)));
        assertTrue(e.getMessage().startsWith("conf/tokens, line 2: "), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() {
        Tokens.Issued a = Tokens.issue("u", Set.of(), null, RANDOM);
        assertThrows(IllegalArgumentException.class, () -> Tokens.parse("t", List.of(a.line(), a.line())));
    }

    @Test
    void theFileIsReReadWhenItChangesAndABadEditKeepsTheOldTokens() throws Exception {
        Path file = dir.resolve("tokens");
        Tokens.Issued alice = Tokens.issue("alice", Set.of(), null, RANDOM);
        Tokens.Issued bob = Tokens.issue("bob", Set.of("g"), null, RANDOM);
        Files.writeString(file, alice.line() + "\n", StandardCharsets.UTF_8);
        MutableClock clock = new MutableClock(NOW);
        TokenFile tokens = TokenFile.open(file, clock, Duration.ofSeconds(2));
        assertEquals("alice", tokens.authenticate(alice.token()).user());
        assertThrows(AuthException.class, () -> tokens.authenticate(bob.token()));

        Files.writeString(file, bob.line() + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(10)));
        assertEquals("alice", tokens.authenticate(alice.token()).user(), "not re-checked within 2 s");
        clock.now = NOW.plusSeconds(3);
        assertEquals("bob", tokens.authenticate(bob.token()).user());
        assertThrows(AuthException.class, () -> tokens.authenticate(alice.token()), "alice was revoked");
        assertEquals(Set.of("g"), tokens.groupsOf("bob"));

        Files.writeString(file, "garbage line\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(20)));
        clock.now = NOW.plusSeconds(30);
        assertEquals("bob", tokens.authenticate(bob.token()).user(), "a bad edit keeps the tokens in force");

        Files.delete(file);
        clock.now = NOW.plusSeconds(40);
        assertThrows(AuthException.class, () -> tokens.authenticate(bob.token()), "no file: no token");
    }

    @Test
    void anInvalidFileStopsStartUpAndAMissingOneMeansNoToken() throws Exception {
        Path file = dir.resolve("tokens");
        assertThrows(AuthException.class, () -> TokenFile.open(file, Clock.systemUTC(), Duration.ofSeconds(2))
                .authenticate("a.bbbbbbbbbbbbbbbbbbbbbbbb"));
        Files.writeString(file, "only three fields\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenFile.open(file, Clock.systemUTC(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("line 1"));
    }

    @Test
    void demoTokensAreWrittenOnceAndWork() throws Exception {
        Path tokensFile = dir.resolve("tokens");
        Path clear = DemoTokens.ensure(dir, tokensFile);
        List<String> lines = Files.readAllLines(clear);
        assertEquals(2, lines.size());
        TokenFile tokens = TokenFile.open(tokensFile, Clock.systemUTC(), Duration.ofSeconds(2));
        for (String line : lines) {
            String[] f = line.split(" ");
            Identity id = tokens.authenticate(f[1]);
            assertEquals(f[0], id.user());
            assertEquals(f[0].equals("pzteam"), id.groups().contains("pz-team"));
        }
        String before = Files.readString(tokensFile);
        DemoTokens.ensure(dir, tokensFile);
        assertEquals(before, Files.readString(tokensFile), "done once");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(clear)));
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
