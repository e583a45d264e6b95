// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's tokens: {@code pzteam} (group {@code pz-team}, which sees spec.specz_private) and
 * {@code alice} (no group: public data only, like anonymous, but with jobs of her own). Their
 * hashes are appended to the tokens file and the tokens themselves written to
 * {@code <data>/demo-tokens.txt}, one {@code user token} line each, readable by the owner only.
 * Done once: an existing demo-tokens.txt is left as it is.
 */
public final class DemoTokens {
    /** The file name of the clear-text demo tokens in the data directory. */
    public static final String FILE_NAME = "demo-tokens.txt";

    private record DemoUser(String name, Set<String> groups) {}

    private static final List<DemoUser> USERS = List.of(new DemoUser("pzteam", Set.of("pz-team")),
            new DemoUser("alice", Set.of()));

    private DemoTokens() {
    }

    /**
     * Creates the demo tokens unless {@code <dataDir>/demo-tokens.txt} exists.
     *
     * @return the demo tokens file
     */
    public static Path ensure(Path dataDir, Path tokensFile) throws IOException {
        Path clear = dataDir.resolve(FILE_NAME);
        if (Files.exists(clear)) {
            return clear;
        }
        SecureRandom random = new SecureRandom();
        List<String> hashed = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (DemoUser user : USERS) {
            Tokens.Issued issued = Tokens.issue(user.name(), user.groups(), null, random);
            hashed.add(issued.line());
            plain.add(user.name() + " " + issued.token());
        }
        if (!Files.exists(tokensFile)) {
            createPrivate(tokensFile);
            Files.writeString(tokensFile, "# pzvo bearer tokens: ID USER GROUPS EXPIRES HASH (README.md"
                    + " \"Access control\")\n", StandardCharsets.UTF_8);
        }
        Files.write(tokensFile, hashed, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        Files.write(tmp, plain, StandardCharsets.UTF_8);
        Files.move(tmp, clear);
        return clear;
    }

    private static void createPrivate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }
}
