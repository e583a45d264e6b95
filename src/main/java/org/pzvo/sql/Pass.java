// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Query;

/**
 * One rewriting step from a checked tree to a tree {@code SqlRenderer} can write: a pure function
 * that returns its argument (the same instance) when it has nothing to change.
 */
@FunctionalInterface
interface Pass {
    Query apply(Query query) throws AdqlException;

    /** Carries an {@link AdqlException} out of a tree walk whose callbacks cannot throw it. */
    final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AdqlException error;

        Failure(AdqlException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }

        AdqlException error() {
            return error;
        }
    }
}
