// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import org.pzvo.auth.Identity;

/**
 * Whether an identity may see a registered file product at all: /files and DataLink answer as
 * if an unseen product were not registered (404, NotFoundFault), so they leak nothing about it.
 * User products (issue 11) are seen by their owner and those they are shared with.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ProductGate {
    /** Every product is visible (group restrictions are answered separately). */
    ProductGate OPEN = (who, p) -> true;

    boolean maySee(Identity who, Product p);
}
