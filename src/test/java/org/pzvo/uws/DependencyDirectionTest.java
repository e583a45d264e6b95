// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of ADQL, TAP, the server or HTTP; the binding nothing of ADQL/TAP. */
class DependencyDirectionTest {

    static List<String> offending(Path dir, List<String> forbidden, boolean recurse) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String prefix : forbidden) {
                        if (line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)) {
                            bad.add(f.getFileName() + ": " + line);
                        }
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void engineImportsNoHttpAdqlOrTap() throws IOException {
        assertEquals(List.of(), offending(Path.of("src/main/java/org/pzvo/uws"),
                List.of("org.pzvo.adql", "org.pzvo.tap", "org.pzvo.sql", "org.pzvo.server", "org.pzvo.dali",
                        "jakarta.servlet", "org.eclipse.jetty", "org.pzvo.uws.http"), false));
    }

    @Test
    void bindingImportsNoAdqlOrTap() throws IOException {
        assertEquals(List.of(), offending(Path.of("src/main/java/org/pzvo/uws/http"),
                List.of("org.pzvo.adql", "org.pzvo.tap", "org.pzvo.sql", "org.pzvo.server", "org.pzvo.dali",
                        "java.sql"), true));
    }
}
