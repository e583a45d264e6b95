// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded H2 database's URL, as the shipped configuration builds it. */
class DbConfigTest {
    @Test
    void embeddedH2GetsAQuarterOfTheHeapAsPageCache() {
        Path home = Path.of("").toAbsolutePath();
        String url = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), Map.of()).db().url();
        assertTrue(url.startsWith("jdbc:h2:file:") && url.contains(";LAZY_QUERY_EXECUTION=TRUE"), url);
        assertTrue(url.contains(";CACHE_SIZE=" + ServerConfig.h2CacheKb(Runtime.getRuntime().maxMemory())), url);
        assertEquals(262_144, ServerConfig.h2CacheKb(1L << 30));
        assertEquals(65_536, ServerConfig.h2CacheKb(128L << 20), "never below H2's default");
    }
}
