// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict single percent-decoding of a URI path (RFC 3986 §2.1): {@code %XX} becomes the byte
 * XX, the bytes are read as UTF-8, '+' stays '+', a raw non-ASCII character is refused. The result is decoded once only, so a
 * double-encoded {@code %252e} becomes the text {@code %2e}, which no product path contains.
 */
final class PathDecoder {
    private PathDecoder() {
    }

    /** The decoded path, or null when the encoding is invalid (bad escape, malformed UTF-8). */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (ch < 0x80) {
                bytes.write(ch);
            } else {
                // A raw request URI is ASCII (RFC 3986 §2); anything else is not a product path.
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
