// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Span;

/** Unchecked carrier of an {@link AdqlException} out of visitor methods; unwrapped by {@link Checker}. */
final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient AdqlException error;

    CheckFailure(Span span, String message) {
        super(message, null, false, false);
        this.error = new AdqlException(span, message);
    }
}
