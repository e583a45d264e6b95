// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (DESIGN.md "Architecture", STYLE.md item 1): {@code org.pzvo.sql}
 * knows nothing of HTTP or the TAP layers, and {@code org.pzvo.adql} knows nothing of SQL, JDBC
 * or the translator. Checked on the source files, so a forbidden import fails the build.
 */
class DependencyRulesTest {
    private static final Path MAIN = Path.of("src/main/java/org/pzvo");

    private static List<String> violations(String pkg, Pattern forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = MAIN.resolve(pkg);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ") && forbidden.matcher(line).find()) {
                        out.add(file + ": " + line);
                    }
                }
            }
        }
        return out;
    }

    private static long javaFiles(String pkg) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        }
    }

    @Test
    void sqlImportsNoHttp() throws IOException {
        assertTrue(javaFiles("sql") > 10, "the sql sources were not found");
        Pattern http = Pattern.compile("import (static )?(jakarta\\.servlet|javax\\.servlet|org\\.eclipse\\.jetty"
                + "|java\\.net\\.http|com\\.sun\\.net\\.httpserver|org\\.pzvo\\.(server|tap|dali|uws|auth))\\b");
        assertEquals(List.of(), violations("sql", http));
    }

    @Test
    void adqlImportsNoSql() throws IOException {
        assertTrue(javaFiles("adql") > 10, "the adql sources were not found");
        Pattern sql = Pattern.compile("import (static )?(java\\.sql|javax\\.sql|org\\.pzvo\\.(sql|db|sky|server|tap))\\b");
        assertEquals(List.of(), violations("adql", sql));
    }
}
