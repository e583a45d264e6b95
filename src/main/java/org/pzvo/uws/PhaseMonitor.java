// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Change counters per job, for WAIT (UWS 1.1 §2.2.1.1). Every phase change bumps the job's
 * counter, wakes blocked waiters and completes registered futures; a waiter reads the counter
 * before reading the job, so a change in between is never missed.
 */
final class PhaseMonitor {

    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, List<CompletableFuture<Void>>> listeners = new HashMap<>();

    synchronized long version(String jobId) {
        return versions.getOrDefault(jobId, 0L);
    }

    void changed(String jobId) {
        List<CompletableFuture<Void>> toComplete;
        synchronized (this) {
            versions.merge(jobId, 1L, Long::sum);
            notifyAll();
            toComplete = listeners.remove(jobId);
        }
        if (toComplete != null) {
            toComplete.forEach(f -> f.complete(null));
        }
    }

    /**
     * The job is gone: wakes its waiters and drops its counter. (A blocked waiter that saw no
     * change since start keeps waiting until its timeout, then finds the job gone.)
     */
    void forget(String jobId) {
        List<CompletableFuture<Void>> toComplete;
        synchronized (this) {
            versions.remove(jobId);
            notifyAll();
            toComplete = listeners.remove(jobId);
        }
        if (toComplete != null) {
            toComplete.forEach(f -> f.complete(null));
        }
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

    /**
     * A future completed (on the changing thread) at the job's next change after {@code seen};
     * already complete if that happened. The caller adds its own timeout and must call
     * {@link #unlisten} when it gives up, so that nothing accumulates.
     */
    synchronized CompletableFuture<Void> listen(String jobId, long seen) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (versions.getOrDefault(jobId, 0L) != seen) {
            f.complete(null);
        } else {
            listeners.computeIfAbsent(jobId, k -> new ArrayList<>()).add(f);
        }
        return f;
    }

    synchronized void unlisten(String jobId, CompletableFuture<Void> f) {
        List<CompletableFuture<Void>> l = listeners.get(jobId);
        if (l != null) {
            l.remove(f);
            if (l.isEmpty()) {
                listeners.remove(jobId);
            }
        }
    }

    /** Registered futures, for leak tests. */
    synchronized int listenerCount() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }
}
