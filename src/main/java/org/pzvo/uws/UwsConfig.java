// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The UWS engine settings, validated once at construction (each error names the setting, the
 * value and the accepted range).
 *
 * @param defaultExecutionDuration execution limit of a new job
 * @param maxExecutionDuration largest limit a client may ask for; asking for more, or for 0
 *     (unlimited), gets this (UWS 1.1 §2.2.3.4 lets the service choose)
 * @param defaultDestruction how long after creation a new job is destroyed
 * @param maxDestruction the furthest from now a client may move the destruction time
 *     (further requests are clamped)
 * @param maxConcurrent jobs executing at once, all owners together
 * @param maxConcurrentPerOwner jobs executing at once for one owner (anonymous counts as one)
 * @param maxQueued jobs waiting in the queue, all owners together; PHASE=RUN beyond it is
 *     refused as overloaded
 * @param maxQueuedPerOwner jobs of one owner waiting in the queue, so that one owner cannot fill
 *     the queue and lock the others out
 * @param maxWait cap on the blocking time of WAIT (UWS 1.1 §2.2.1.1)
 * @param dataDir the data directory; results go under {@code <dataDir>/uws/<jobId>/}
 * @param reaperPeriod how often expired jobs are looked for and destroyed
 */
public record UwsConfig(Duration defaultExecutionDuration, Duration maxExecutionDuration,
        Duration defaultDestruction, Duration maxDestruction, int maxConcurrent,
        int maxConcurrentPerOwner, int maxQueued, int maxQueuedPerOwner, Duration maxWait, Path dataDir,
        Duration reaperPeriod) {

    public UwsConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        positive("defaultExecutionDuration", defaultExecutionDuration);
        positive("maxExecutionDuration", maxExecutionDuration);
        positive("defaultDestruction", defaultDestruction);
        positive("maxDestruction", maxDestruction);
        positive("reaperPeriod", reaperPeriod);
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("uws.maxWait: expected >= 0 s, actual " + maxWait);
        }
        if (defaultExecutionDuration.compareTo(maxExecutionDuration) > 0) {
            throw new IllegalArgumentException("uws.defaultExecutionDuration (" + defaultExecutionDuration
                    + ") must not exceed uws.maxExecutionDuration (" + maxExecutionDuration + ")");
        }
        if (defaultDestruction.compareTo(maxDestruction) > 0) {
            throw new IllegalArgumentException("uws.defaultDestruction (" + defaultDestruction
                    + ") must not exceed uws.maxDestruction (" + maxDestruction + ")");
        }
        if (maxConcurrent < 1 || maxConcurrent > 10_000) {
            throw new IllegalArgumentException(
                    "uws.maxConcurrent: expected 1 to 10000, actual " + maxConcurrent);
        }
        if (maxConcurrentPerOwner < 1 || maxConcurrentPerOwner > maxConcurrent) {
            throw new IllegalArgumentException("uws.maxConcurrentPerOwner: expected 1 to maxConcurrent ("
                    + maxConcurrent + "), actual " + maxConcurrentPerOwner);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("uws.maxQueued: expected >= 1, actual " + maxQueued);
        }
        if (maxQueuedPerOwner < 1 || maxQueuedPerOwner > maxQueued) {
            throw new IllegalArgumentException("uws.maxQueuedPerOwner: expected 1 to maxQueued ("
                    + maxQueued + "), actual " + maxQueuedPerOwner);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toSeconds() < 1 && !name.equals("reaperPeriod")) {
            throw new IllegalArgumentException("uws." + name + ": expected at least 1 s, actual " + d);
        }
    }

    /**
     * Production defaults: 1 h default / 8 h maximum execution, destruction after 7 days
     * (at most 30), 4 concurrent jobs, 2 per owner, 1000 queued (100 per owner), WAIT capped at 60 s,
     * reaper every minute.
     */
    public static UwsConfig defaults(Path dataDir) {
        return new UwsConfig(Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(7),
                Duration.ofDays(30), 4, 2, 1000, 100, Duration.ofSeconds(60), dataDir,
                Duration.ofMinutes(1));
    }

    /** The job directory root, {@code <dataDir>/uws}. */
    public Path jobsDirectory() {
        return dataDir.resolve("uws");
    }
}
