// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

/**
 * A credential that was presented but cannot be accepted (unknown, wrong or expired token, or a
 * malformed Authorization header). The HTTP edge answers 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750 §3). The message says what to do and never
 * repeats the token.
 */
public final class AuthException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthException(String message) {
        super(message);
    }
}
