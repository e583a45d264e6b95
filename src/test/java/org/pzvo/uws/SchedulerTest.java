// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission and fairness of the job queue, without threads: launches are recorded. */
class SchedulerTest {

    final List<String> launched = new ArrayList<>();

    Scheduler scheduler(int max, int perOwner, int queued) {
        return new Scheduler(max, perOwner, queued, queued, (id, owner) -> launched.add(id));
    }

    @Test
    void respectsGlobalAndPerOwnerLimits() {
        Scheduler s = scheduler(3, 2, 100);
        s.enqueue("a1", "alice");
        s.enqueue("a2", "alice");
        s.enqueue("a3", "alice");
        assertEquals(List.of("a1", "a2"), launched);
        s.enqueue("b1", "bob");
        s.enqueue("b2", "bob");
        assertEquals(List.of("a1", "a2", "b1"), launched);
        assertEquals(3, s.runningCount());
        assertEquals(2, s.queuedCount());
        s.finished("alice");
        assertEquals(List.of("a1", "a2", "b1", "a3"), launched, "alice was served least recently");
        s.finished("bob");
        assertEquals("b2", launched.get(4));
    }

    @Test
    void aBurstFromOneOwnerDoesNotStarveOthers() {
        Scheduler s = scheduler(2, 2, 1000);
        for (int i = 0; i < 100; i++) {
            s.enqueue("a" + i, "alice");
        }
        s.enqueue("b0", "bob");
        s.enqueue("c0", null);
        assertEquals(List.of("a0", "a1"), launched);
        s.finished("alice");
        s.finished("alice");
        assertEquals(List.of("a0", "a1", "b0", "c0"), launched);
        s.finished("bob");
        s.finished(null);
        assertEquals(List.of("a0", "a1", "b0", "c0", "a2", "a3"), launched);
    }

    @Test
    void removedAndStoppedJobsAreNotLaunched() {
        Scheduler s = scheduler(1, 1, 2);
        s.enqueue("x", "o");
        s.enqueue("y", "o");
        s.enqueue("z", "o");
        assertFalse(s.hasRoom());
        assertTrue(s.remove("y"));
        assertFalse(s.remove("y"));
        s.finished("o");
        assertEquals(List.of("x", "z"), launched);
        s.enqueue("w", "o");
        s.stop();
        s.finished("o");
        assertEquals(List.of("x", "z"), launched);
    }

    @Test
    void perOwnerQueueLimitLeavesRoomForOthers() {
        Scheduler s = new Scheduler(1, 1, 10, 2, (id, owner) -> launched.add(id));
        s.enqueue("a0", "alice");
        s.enqueue("a1", "alice");
        assertTrue(s.hasRoomFor("alice"));
        s.enqueue("a2", "alice");
        assertFalse(s.hasRoomFor("alice"));
        assertTrue(s.hasRoomFor("bob"));
        assertTrue(s.hasRoomFor(null));
        assertTrue(s.hasRoom());
    }
}
