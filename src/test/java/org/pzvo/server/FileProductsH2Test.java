// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.util.Map;

/** The file-product contract on the embedded H2 file database. */
class FileProductsH2Test extends FileProductsContract {
    @Override
    Map<String, String> engineOverrides() {
        return Map.of();
    }
}
