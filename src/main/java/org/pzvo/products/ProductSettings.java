// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.Set;

/**
 * Limits and roles of user products (conf/pzvo.properties {@code products.*}).
 *
 * @param quotaRows    most rows one user's products may hold together
 * @param quotaBytes   most bytes of files one user's products may hold together
 * @param maxFileBytes largest single uploaded file (after unzipping)
 * @param adminGroups  groups whose members may flag products as official
 */
public record ProductSettings(long quotaRows, long quotaBytes, long maxFileBytes, Set<String> adminGroups) {
    public ProductSettings {
        adminGroups = Set.copyOf(adminGroups);
        if (quotaRows < 1 || quotaBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("Expected positive product limits, actual rows " + quotaRows
                    + ", bytes " + quotaBytes + ", file bytes " + maxFileBytes);
        }
    }
}
