// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three MOC 2.0 serialisations (§4.3): the standard's own ASCII example, and random MOCs
 * read back from FITS (through nom-tam-fits), ASCII and JSON (independent parsers below) to the
 * same ranges.
 */
class MocFormatsTest {
    @TempDir
    Path dir;

    /** The MOC of MOC 2.0 §4.3.2's example: 1/1 2 4 2/12-14 21 23 25 8/. */
    static MocRanges standardExample() {
        List<long[]> cells = List.of(new long[] {1, 1}, new long[] {1, 2}, new long[] {1, 4}, new long[] {2, 12},
                new long[] {2, 13}, new long[] {2, 14}, new long[] {2, 21}, new long[] {2, 23}, new long[] {2, 25});
        return ofCells(cells, 8);
    }

    static MocRanges ofCells(List<long[]> orderAndCell, int mocOrder) {
        long[] flat = new long[2 * orderAndCell.size()];
        int i = 0;
        for (long[] c : orderAndCell) {
            int shift = 2 * (MocRanges.MAX_ORDER - (int) c[0]);
            flat[i++] = c[1] << shift;
            flat[i++] = (c[1] + 1) << shift;
        }
        return MocRanges.ofRanges(flat, mocOrder);
    }

    /** A random MOC at order 10: clumps of cells around random positions. */
    static MocRanges random(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MocRanges.Builder b = new MocRanges.Builder(10);
        long cell = rng.nextLong(1000);
        for (int i = 0; i < 3000; i++) {
            cell += rng.nextInt(5) == 0 ? 1 + rng.nextLong(5000) : 1;
            b.add(cell);
        }
        return b.build();
    }

    @Test
    void asciiAndJsonOfTheStandardExample() {
        MocRanges moc = standardExample();
        // The standard writes "1/1 2 4"; "1-2" is the equivalent range form (§4.3.2).
        assertEquals("1/1-2 4 2/12-14 21 23 25 8/", moc.ascii());
        assertEquals("{\"1\":[1,2,4],\"2\":[12,13,14,21,23,25],\"8\":[]}", moc.json());
        MocRanges empty = new MocRanges.Builder(5).build();
        assertEquals("5/", empty.ascii());
        assertEquals("{\"5\":[]}", empty.json());
    }

    @Test
    void fitsRoundTripsThroughNomTamWithTheRequiredCards() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            MocRanges moc = random(seed);
            Path file = dir.resolve("moc" + seed + ".fits");
            try (OutputStream out = Files.newOutputStream(file)) {
                MocFits.write(moc, "test", "CATALOG", out);
            }
            assertEquals(moc, MocFits.read(file));
            try (Fits fits = new Fits(file.toFile())) {
                Header h = ((BinaryTableHDU) fits.getHDU(1)).getHeader();
                assertEquals("2.0", h.getStringValue("MOCVERS"));
                assertEquals("SPACE", h.getStringValue("MOCDIM"));
                assertEquals("NUNIQ", h.getStringValue("ORDERING"));
                assertEquals("C", h.getStringValue("COORDSYS"));
                assertEquals(10, h.getIntValue("MOCORD_S"));
                assertEquals("CATALOG", h.getStringValue("MOCTYPE"));
            }
        }
    }

    @Test
    void asciiAndJsonRoundTripToTheSameRanges() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            MocRanges moc = random(seed);
            assertEquals(moc, parseAscii(moc.ascii()), "seed " + seed);
            assertEquals(moc, parseJson(moc.json()), "seed " + seed);
        }
        assertEquals(standardExample(), parseAscii("1/1 2 4 2/12-14 21 23 25 8/"));
    }

    /** MOC 2.0 §4.3.2 ASCII: tokens "order/" switch the order, "a" or "a-b" list cells. */
    static MocRanges parseAscii(String text) {
        List<long[]> cells = new ArrayList<>();
        int order = -1;
        int max = 0;
        for (String token : text.trim().split("\\s+")) {
            String rest = token;
            int slash = token.indexOf('/');
            if (slash >= 0) {
                order = Integer.parseInt(token.substring(0, slash));
                max = Math.max(max, order);
                rest = token.substring(slash + 1);
            }
            if (rest.isEmpty()) {
                continue;
            }
            String[] ab = rest.split("-");
            long a = Long.parseLong(ab[0]);
            long b = ab.length == 2 ? Long.parseLong(ab[1]) : a;
            for (long p = a; p <= b; p++) {
                cells.add(new long[] {order, p});
            }
        }
        return ofCells(cells, max);
    }

    /** MOC 2.0 §4.3.3 JSON: {"order": [cells...], ...}. */
    static MocRanges parseJson(String text) throws Exception {
        JsonNode root = new ObjectMapper().readTree(text);
        List<long[]> cells = new ArrayList<>();
        int max = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int order = Integer.parseInt(e.getKey());
            max = Math.max(max, order);
            for (JsonNode n : e.getValue()) {
                cells.add(new long[] {order, n.asLong()});
            }
        }
        return ofCells(cells, max);
    }
}
