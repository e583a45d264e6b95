// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.util.Map;

/** TAP_UPLOAD on the embedded H2 file database. */
class TapUploadH2Test extends TapUploadContract {
    @Override
    Map<String, String> engineOverrides() {
        return Map.of();
    }
}
