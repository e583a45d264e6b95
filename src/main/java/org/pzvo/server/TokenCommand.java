// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pzvo.auth.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pzvo token USER [--groups g1,g2] [--expires DATE]}: issues a bearer token, appends its
 * salted hash to the configured tokens file (a running server picks it up within seconds) and
 * prints the token, which is stored nowhere else.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue a bearer token for USER and add its hash to the tokens file.")
final class TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "user name (letters, digits, _ . @ -)")
    String user;
    @Option(names = "--groups", split = ",", description = "groups of the user, comma-separated (default none)")
    List<String> groups = List.of();
    @Option(names = "--expires", description = "last valid day, e.g. 2027-06-30 (default: never)")
    String expires;
    @Option(names = "--config", description = "configuration file (default conf/pzvo.properties)")
    Path config;

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg = Main.config(config, new HashMap<>());
        Instant expiry = null;
        if (expires != null) {
            try {
                expiry = LocalDate.parse(expires).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ConfigException("--expires " + expires + " is not a date such as 2027-06-30");
            }
        }
        Tokens.Issued issued;
        try {
            issued = Tokens.issue(user, Set.copyOf(groups), expiry, new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Path file = cfg.auth().tokensFile();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, issued.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.err.println("pzvo: token for " + user + " added to " + file + "; give the user this token:");
        System.out.println(issued.token());
        return 0;
    }
}
