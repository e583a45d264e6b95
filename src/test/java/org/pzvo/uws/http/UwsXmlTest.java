// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UwsXmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a<b & 'c' > \"d\"|a&lt;b &amp; &apos;c&apos; &gt; &quot;d&quot;",
        "tab\tline|tab\tline",
        "star \uD83C\uDF1F ok|star \uD83C\uDF1F ok",
        "lone \uD800 surrogate|lone \uFFFD surrogate"})
    void escapesAndReplacesWhatXmlCannotCarry(String in, String out) {
        assertEquals(out, UwsXml.esc(in));
    }

    @Test
    void replacesControlCharacters() {
        assertEquals("bell\uFFFD nul\uFFFD cr&#13;", UwsXml.esc("bell\u0007 nul\u0000 cr\r"));
    }

    @ParameterizedTest
    @CsvSource({
        "2030-01-31T12:00:00Z,2030-01-31T12:00:00Z",
        "2030-01-31T13:00:00+01:00,2030-01-31T12:00:00Z",
        "2014-09-10T10:01:02.000,2014-09-10T10:01:02Z",
        "2030-01-31,2030-01-31T00:00:00Z",
        "' 2030-01-31T12:00:00.5Z ',2030-01-31T12:00:00.500Z"})
    void parsesTheTimeFormsClientsSend(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), IsoTime.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2030-13-01", "2030-01-31T25:00:00Z", "''"})
    void rejectsOtherText(String text) {
        assertEquals(Optional.empty(), IsoTime.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2030-01-31T12:00:00.123456Z,2030-01-31T12:00:00.123Z", "2030-01-31T12:00:00Z,2030-01-31T12:00:00Z"})
    void formatsUtcWithZ(String in, String out) {
        assertEquals(out, IsoTime.format(Instant.parse(in)));
    }
}
