// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The UWS phase transition table. */
class PhaseTest {

    /** The whole table, row by row: phase → allowed next phases. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Phase.PENDING, EnumSet.of(Phase.QUEUED, Phase.HELD, Phase.ABORTED, Phase.ERROR,
                        Phase.ARCHIVED)),
                Arguments.of(Phase.HELD, EnumSet.of(Phase.QUEUED, Phase.ABORTED, Phase.ERROR, Phase.ARCHIVED)),
                Arguments.of(Phase.QUEUED, EnumSet.of(Phase.EXECUTING, Phase.HELD, Phase.ABORTED, Phase.ERROR)),
                Arguments.of(Phase.EXECUTING, EnumSet.of(Phase.COMPLETED, Phase.ERROR, Phase.ABORTED,
                        Phase.SUSPENDED)),
                Arguments.of(Phase.SUSPENDED, EnumSet.of(Phase.EXECUTING, Phase.ABORTED, Phase.ERROR)),
                Arguments.of(Phase.COMPLETED, EnumSet.of(Phase.ARCHIVED)),
                Arguments.of(Phase.ERROR, EnumSet.of(Phase.ARCHIVED)),
                Arguments.of(Phase.ABORTED, EnumSet.of(Phase.ARCHIVED)),
                Arguments.of(Phase.UNKNOWN, EnumSet.of(Phase.ERROR, Phase.ABORTED, Phase.ARCHIVED)),
                Arguments.of(Phase.ARCHIVED, EnumSet.noneOf(Phase.class)));
    }

    @ParameterizedTest
    @MethodSource("table")
    void transitionTable(Phase from, Set<Phase> allowed) {
        assertEquals(allowed, from.next());
        for (Phase to : Phase.values()) {
            assertEquals(allowed.contains(to), from.canMoveTo(to), from + " -> " + to);
        }
    }

    @Test
    void tableCoversEveryPhaseAndNoPhaseFollowsItself() {
        assertEquals(Phase.values().length, table().count());
        for (Phase p : Phase.values()) {
            assertFalse(p.canMoveTo(p), p.name());
        }
    }

    @Test
    void finishedJobsNeverRunAgain() {
        for (Phase p : EnumSet.of(Phase.COMPLETED, Phase.ERROR, Phase.ABORTED, Phase.ARCHIVED)) {
            assertTrue(p.isFinal());
            assertFalse(p.isActive());
            for (Phase active : EnumSet.of(Phase.PENDING, Phase.QUEUED, Phase.EXECUTING)) {
                assertFalse(p.canMoveTo(active), p + " -> " + active);
            }
        }
    }

    @Test
    void activePhasesAreTheOnesWaitBlocksOn() {
        assertEquals(EnumSet.of(Phase.PENDING, Phase.QUEUED, Phase.EXECUTING),
                EnumSet.copyOf(Stream.of(Phase.values()).filter(Phase::isActive).toList()));
    }

    @ParameterizedTest
    @CsvSource({"run,", "' executing ',EXECUTING", "Completed,COMPLETED", "archived,ARCHIVED", "'',", "RUNNING,"})
    void parseIgnoresCaseAndBlanks(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Phase::valueOf), Phase.parse(text));
    }
}
