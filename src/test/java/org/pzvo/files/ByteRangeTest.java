// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range headers (RFC 9110 §14.1.2) and strict percent-decoding of /files paths. */
class ByteRangeTest {
    @Test
    void singleRangesAreResolvedAgainstTheSize() {
        assertEquals(new ByteRange.Partial(new ByteRange(0, 9)), ByteRange.parse("bytes=0-9", 100));
        assertEquals(new ByteRange.Partial(new ByteRange(90, 99)), ByteRange.parse("bytes=90-", 100));
        assertEquals(new ByteRange.Partial(new ByteRange(95, 99)), ByteRange.parse("bytes=-5", 100));
        assertEquals(new ByteRange.Partial(new ByteRange(0, 99)), ByteRange.parse("bytes=-500", 100));
        assertEquals(new ByteRange.Partial(new ByteRange(50, 99)), ByteRange.parse("bytes=50-1000", 100));
        assertEquals(new ByteRange.Partial(new ByteRange(99, 99)), ByteRange.parse(" bytes = 99 - 99 ", 100));
    }

    @Test
    void rangesOutsideTheFileAreUnsatisfiable() {
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=100-", 100));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=-0", 100));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=0-0", 0));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=99999999999999999999-", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=5-2", "items=0-1", "bytes=-", "bytes=a-b", "0-9"})
    void severalOrInvalidRangesAreIgnored(String header) {
        assertEquals(new ByteRange.Whole(), ByteRange.parse(header, 100));
    }

    @Test
    void pathsAreDecodedOnceAndStrictly() {
        assertEquals("maps/a b.fits", PathDecoder.decode("maps/a%20b.fits"));
        assertEquals("%2e%2e/x", PathDecoder.decode("%252e%252e/x"));
        assertEquals("../x", PathDecoder.decode("%2e%2e/x"));
        assertEquals("a+b", PathDecoder.decode("a+b"));
        assertNull(PathDecoder.decode("x%zz"));
        assertNull(PathDecoder.decode("x%2"));
        assertNull(PathDecoder.decode("%c0%ae"));
        assertNull(PathDecoder.decode("caf\u00e9"));
    }
}
