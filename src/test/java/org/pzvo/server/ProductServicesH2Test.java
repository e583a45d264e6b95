// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.util.Map;

/** SCS, SIA and the DataLink services on the embedded H2 file database. */
class ProductServicesH2Test extends ProductServicesContract implements ConeSearchTests, SiaTests, DataLinkServiceTests {
    @Override
    Map<String, String> engineOverrides() {
        return Map.of();
    }
}
