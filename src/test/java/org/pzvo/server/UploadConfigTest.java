// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped upload configuration is safe and meets the 3,000,000-row minimum. */
class UploadConfigTest {
    private static ServerConfig load(Map<String, String> overrides) {
        Path home = Path.of("").toAbsolutePath();
        return ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
    }

    @Test
    void defaultsRefusePrivateUrlsAndAllowThreeMillionRows() {
        ServerConfig.Upload upload = load(Map.of()).upload();
        assertFalse(upload.allowPrivateUrls());
        assertTrue(upload.maxRows() >= 3_000_000, "upload.max-rows=" + upload.maxRows());
        assertTrue(upload.maxBytes() > 0 && upload.urlTimeoutSeconds() > 0);
    }

    @Test
    void aBadBooleanNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("upload.url.allow-private", "yes")));
        assertTrue(e.getMessage().contains("upload.url.allow-private=yes"), e.getMessage());
    }
}
