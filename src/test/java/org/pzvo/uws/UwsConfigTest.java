// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UwsConfigTest {

    static final Path DIR = Path.of("data");

    static String error(Duration defExec, Duration maxExec, Duration defDestr, Duration maxDestr,
            int concurrent, int perOwner, int queued, Duration wait, Duration reaper) {
        return assertThrows(IllegalArgumentException.class, () -> new UwsConfig(defExec, maxExec, defDestr,
                maxDestr, concurrent, perOwner, queued, queued, wait, DIR, reaper)).getMessage();
    }

    @Test
    void defaultsAreValid() {
        UwsConfig c = UwsConfig.defaults(DIR);
        assertEquals(Duration.ofHours(8), c.maxExecutionDuration());
        assertEquals(DIR.resolve("uws"), c.jobsDirectory());
    }

    @Test
    void errorsNameTheSettingAndTheValue() {
        Duration h = Duration.ofHours(1);
        Duration d = Duration.ofDays(1);
        Duration s = Duration.ofSeconds(1);
        assertTrue(error(Duration.ofHours(2), h, d, d, 1, 1, 1, s, s).contains(
                "uws.defaultExecutionDuration (PT2H) must not exceed uws.maxExecutionDuration (PT1H)"));
        assertTrue(error(h, h, Duration.ofDays(2), d, 1, 1, 1, s, s).contains("uws.defaultDestruction"));
        assertTrue(error(Duration.ZERO, h, d, d, 1, 1, 1, s, s).contains(
                "uws.defaultExecutionDuration: expected at least 1 s, actual PT0S"));
        assertTrue(error(h, h, d, d, 0, 1, 1, s, s).contains("uws.maxConcurrent: expected 1 to 10000, actual 0"));
        assertTrue(error(h, h, d, d, 2, 3, 1, s, s).contains(
                "uws.maxConcurrentPerOwner: expected 1 to maxConcurrent (2), actual 3"));
        assertTrue(error(h, h, d, d, 2, 1, 0, s, s).contains("uws.maxQueued"));
        assertTrue(error(h, h, d, d, 2, 1, 1, Duration.ofSeconds(-1), s).contains("uws.maxWait"));
        assertTrue(error(h, h, d, d, 2, 1, 1, s, Duration.ZERO).contains("uws.reaperPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UwsConfig(h, h, d, d, 2, 1, 5, 6,
                s, DIR, s)).getMessage().contains("uws.maxQueuedPerOwner: expected 1 to maxQueued (5), actual 6"));
    }
}
