// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void namesAreCaseInsensitiveValuesAreNot() {
        Parameters p = Parameters.of("QUERY", "SELECT x", "upload", "a,param:a", "UPLOAD", "b,param:b");
        assertEquals(Optional.of("SELECT x"), p.first("query"));
        assertEquals(List.of("a,param:a", "b,param:b"), p.all("Upload"));
        assertTrue(p.has("QuErY"));
        assertFalse(p.has("LANG"));
        assertEquals(List.of(), p.all("LANG"));
    }

    @Test
    void withReplacesEveryValueOfANameAndKeepsTheRest() {
        Parameters p = Parameters.of("LANG", "ADQL", "UPLOAD", "a", "UPLOAD", "b", "RUNID", "x");
        Parameters q = p.with(Parameters.of("upload", "c", "runId", "y", "MAXREC", "10"));
        assertEquals(List.of("c"), q.all("UPLOAD"));
        assertEquals(Optional.of("y"), q.first("RUNID"));
        assertEquals(Optional.of("ADQL"), q.first("LANG"));
        assertEquals(Optional.of("10"), q.first("MAXREC"));
        assertEquals(4, q.asList().size());
        assertEquals(p, Parameters.of("LANG", "ADQL", "UPLOAD", "a", "UPLOAD", "b", "RUNID", "x"));
    }

    @Test
    void withoutDropsAllValues() {
        Parameters p = Parameters.of("PHASE", "RUN", "phase", "RUN", "QUERY", "q");
        assertEquals(Parameters.of("QUERY", "q"), p.without("Phase"));
    }

    @Test
    void rejectsBlankNamesAndOddPairs() {
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(" ", "v"));
        assertThrows(IllegalArgumentException.class, () -> Parameters.of("A"));
        assertThrows(NullPointerException.class, () -> new Parameters.Parameter("A", null));
    }
}
