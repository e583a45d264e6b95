// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The queue of QUEUED jobs and the admission rule: at most {@code maxConcurrent} jobs run, at
 * most {@code maxPerOwner} of one owner. When a slot frees, the next job is taken from the owner
 * with the fewest running jobs; among such owners, from the one served least recently (round
 * robin); within an owner, oldest first. One owner's burst of jobs therefore cannot starve the
 * others. Thread-safe; the launcher is called outside the lock.
 */
final class Scheduler {

    private record Entry(String jobId, String owner) {
    }

    private final int maxConcurrent;
    private final int maxPerOwner;
    private final int maxQueued;
    private final int maxQueuedPerOwner;
    private final BiConsumer<String, String> launcher;
    private final LinkedHashMap<String, Entry> queue = new LinkedHashMap<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private final Map<String, Long> lastServed = new HashMap<>();
    private long launches;
    private int running;
    private boolean stopped;

    /**
     * @param launcher called with (jobId, ownerId) for each admitted job; it must eventually
     *     call {@link #finished(String)} with the same owner
     */
    Scheduler(int maxConcurrent, int maxPerOwner, int maxQueued, int maxQueuedPerOwner,
            BiConsumer<String, String> launcher) {
        this.maxConcurrent = maxConcurrent;
        this.maxPerOwner = maxPerOwner;
        this.maxQueued = maxQueued;
        this.maxQueuedPerOwner = maxQueuedPerOwner;
        this.launcher = launcher;
    }

    /** Whether another job may be queued now, all owners together. */
    synchronized boolean hasRoom() {
        return queue.size() < maxQueued;
    }

    /** Whether another job of this owner may be queued now. */
    synchronized boolean hasRoomFor(String owner) {
        String k = key(owner);
        long mine = queue.values().stream().filter(e -> key(e.owner()).equals(k)).count();
        return mine < maxQueuedPerOwner;
    }

    /** Queues a job (ignores a job already queued) and starts what may start. */
    void enqueue(String jobId, String owner) {
        synchronized (this) {
            queue.putIfAbsent(jobId, new Entry(jobId, owner));
        }
        dispatch();
    }

    /** Removes a queued job; returns whether it was queued. */
    synchronized boolean remove(String jobId) {
        return queue.remove(jobId) != null;
    }

    /** A launched job of this owner has ended; starts what may start. */
    void finished(String owner) {
        synchronized (this) {
            String key = key(owner);
            int n = runningByOwner.getOrDefault(key, 0) - 1;
            if (n <= 0) {
                runningByOwner.remove(key);
            } else {
                runningByOwner.put(key, n);
            }
            running--;
        }
        dispatch();
    }

    /** Stops launching; queued entries are dropped (they stay QUEUED in the store). */
    synchronized void stop() {
        stopped = true;
        queue.clear();
    }

    synchronized int queuedCount() {
        return queue.size();
    }

    synchronized int runningCount() {
        return running;
    }

    private void dispatch() {
        List<Entry> admitted = new ArrayList<>();
        synchronized (this) {
            while (!stopped && running < maxConcurrent) {
                Entry next = pick();
                if (next == null) {
                    break;
                }
                queue.remove(next.jobId());
                runningByOwner.merge(key(next.owner()), 1, Integer::sum);
                lastServed.put(key(next.owner()), ++launches);
                running++;
                admitted.add(next);
            }
        }
        for (Entry e : admitted) {
            launcher.accept(e.jobId(), e.owner());
        }
    }

    private Entry pick() {
        Entry best = null;
        int bestRunning = Integer.MAX_VALUE;
        long bestServed = Long.MAX_VALUE;
        for (Iterator<Entry> it = queue.values().iterator(); it.hasNext();) {
            Entry e = it.next();
            int r = runningByOwner.getOrDefault(key(e.owner()), 0);
            long served = lastServed.getOrDefault(key(e.owner()), 0L);
            if (r < maxPerOwner && (r < bestRunning || r == bestRunning && served < bestServed)) {
                best = e;
                bestRunning = r;
                bestServed = served;
            }
        }
        return best;
    }

    private static String key(String owner) {
        return Objects.requireNonNullElse(owner, "");
    }
}
