// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.dali.DaliException;

class UploadParserTest {
    @Test
    void parsesPartsAndUrlsAcrossSemicolonsAndRepeatedValues() throws Exception {
        List<UploadSpec> specs = UploadParser.parse(List.of("a,param:p1; b,https://example.org/t.xml",
                "c,param:p2"));
        assertEquals(List.of(new UploadSpec("a", new UploadSpec.Part("p1")),
                new UploadSpec("b", new UploadSpec.Url(URI.create("https://example.org/t.xml"))),
                new UploadSpec("c", new UploadSpec.Part("p2"))), specs);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t|is not name,location",
        "2mass,param:x|'2mass' is not a regular ADQL identifier",
        "my-table,param:x|'my-table' is not a regular ADQL identifier",
        "SELECT,param:x|'SELECT' is an ADQL reserved word",
        "t,param:|names no request part",
        "t,ftp://example.org/x|URL scheme 'ftp'",
        "t,file:///etc/passwd|URL scheme 'file'",
        "t,/etc/passwd|URL scheme '(none)'",
        "t,http:///x|has no host",
    })
    void refusesWithAPreciseMessage(String value, String message) {
        DaliException e = assertThrows(DaliException.class, () -> UploadParser.parse(List.of(value)));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesDuplicateNamesCaseInsensitively() {
        DaliException e = assertThrows(DaliException.class,
                () -> UploadParser.parse(List.of("t,param:a", "T,param:b")));
        assertTrue(e.getMessage().contains("'T' is given more than once"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1",
        "::ffff:10.0.0.1", "::"})
    void privateAddressesAreRecognised(String address) throws Exception {
        assertTrue(UrlFetcher.isPrivate(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "193.48.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void publicAddressesAreAccepted(String address) throws Exception {
        assertFalse(UrlFetcher.isPrivate(InetAddress.getByName(address)), address);
    }
}
