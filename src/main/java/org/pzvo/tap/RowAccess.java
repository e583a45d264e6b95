// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Row-level visibility of one published table: a row whose {@code column} holds one of the keys
 * of {@code keysByValue} is visible only to holders of at least one of that value's access keys
 * ({@link org.pzvo.auth.AccessKeys}); rows with other values are visible to everybody who sees the
 * table. {@link MetadataCatalog} turns it into the {@link org.pzvo.adql.check.RowFilter} of each
 * user (issue 11: the rows of ivoa.obscore and of the product registry describing products not
 * shared with the user).
 *
 * @param table       qualified table name ({@code schema.table})
 * @param column      exact column name holding the value
 * @param keysByValue for each restricted value, the keys that may see its rows (never empty)
 */
public record RowAccess(String table, String column, Map<String, Set<String>> keysByValue) {
    public RowAccess {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        keysByValue = Map.copyOf(keysByValue);
    }
}
