// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.HashMap;
import java.util.Map;

/**
 * Change counters per job, for WAIT (UWS 1.1 §2.2.1.1). Every phase change bumps the job's
 * counter and wakes waiters; a waiter reads the counter before reading the job, so a change in
 * between is never missed.
 */
final class PhaseMonitor {

    private final Map<String, Long> versions = new HashMap<>();

    synchronized long version(String jobId) {
        return versions.getOrDefault(jobId, 0L);
    }

    synchronized void changed(String jobId) {
        versions.merge(jobId, 1L, Long::sum);
        notifyAll();
    }

    synchronized void forget(String jobId) {
        versions.remove(jobId);
        notifyAll();
    }

    /**
     * Blocks until the job's counter differs from {@code seen} or {@code timeoutMillis} passes.
     *
     * @return whether a change happened
     */
    synchronized boolean awaitChange(String jobId, long seen, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (versions.getOrDefault(jobId, 0L) == seen) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                return false;
            }
            wait(leftMillis);
        }
        return true;
    }
}
