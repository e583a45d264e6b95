// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.util.Set;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;

/**
 * Who may see a file product (issue 9): a member of its access group, if it has one, and of one
 * of the groups of the table it derives from, if that table is restricted. To anybody else the
 * product does not exist: /files, DataLink and the DataLink services answer as for an unknown
 * identifier, and its ivoa.obscore row is filtered out. Stateless and thread-safe.
 */
public final class ProductAccess {
    private ProductAccess() {
    }

    /** Whether a member of {@code groups} (empty: anonymous) may see {@code product}. */
    public static boolean visible(Product product, Metadata metadata, Set<String> groups) {
        if (product.accessGroup() != null && !groups.contains(product.accessGroup())) {
            return false;
        }
        if (product.tableName() == null) {
            return true;
        }
        return metadata.table(product.tableName()).map(t -> visible(t, groups)).orElse(true);
    }

    private static boolean visible(TableMeta table, Set<String> groups) {
        return table.isPublic() || table.groups().stream().anyMatch(groups::contains);
    }
}
