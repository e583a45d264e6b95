// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** STYLE.md §1: {@code org.pzvo.adql} knows nothing of SQL, JDBC, HTTP or the other pzvo layers. */
class DependencyRulesTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(java\\.sql|javax\\.sql|jakarta\\.servlet|org\\.eclipse\\.jetty"
                    + "|org\\.pzvo\\.(sql|server|tap|uws|dali|db|auth)\\b)", Pattern.MULTILINE);

    @Test
    void adqlImportsNoSqlJdbcHttpOrLaterLayers() throws IOException {
        Path root = Path.of("src", "main", "java", "org", "pzvo", "adql");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(root)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertTrue(sources.size() > 50, "found " + sources.size());
        List<String> offenders = sources.stream().filter(p -> {
            try {
                return FORBIDDEN.matcher(Files.readString(p)).find();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }
}
