// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.util.Map;

/** The TAP endpoint contract on the embedded H2 file database (the default engine). */
class TapEndpointsH2Test extends TapEndpointsContract {
    @Override
    Map<String, String> engineOverrides() {
        return Map.of();
    }
}
