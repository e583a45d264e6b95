// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** org.pzvo.sky depends only on the JDK, CDS HEALPix, H2's aggregate API and org.pzvo.db (STYLE.md item 1). */
class SkyDependenciesTest {
    private static final List<String> ALLOWED = List.of("java.", "cds.healpix.", "org.h2.api.", "org.h2.value.Value;",
            "org.pzvo.db.", "org.pzvo.sky.");

    @Test
    void skyImportsOnlyAllowedPackages() throws IOException {
        Path dir = Path.of("src/main/java/org/pzvo/sky");
        assumeTrue(Files.isDirectory(dir), "run from the project directory");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        String name = line.substring(line.startsWith("import static ") ? 14 : 7);
                        if (ALLOWED.stream().noneMatch(name::startsWith)) {
                            bad.add(file.getFileName() + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), "forbidden imports: " + bad);
    }
}
