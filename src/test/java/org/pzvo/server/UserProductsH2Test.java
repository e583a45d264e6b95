// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.util.Map;

/** User products over HTTP on the embedded H2 database. */
class UserProductsH2Test extends UserProductsContract {
    @Override
    Map<String, String> engineOverrides() {
        return Map.of();
    }
}
