// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Objects;
import java.util.Set;

/**
 * Rows of a table that the current user must not see: those whose {@code column} holds one of
 * {@code hiddenValues} (for example the TAP_SCHEMA rows describing a table restricted to groups
 * the user is not in). The checker ignores it; the SQL renderer reads a filtered table through a
 * subquery that drops those rows, so no query can reach them.
 *
 * @param column       the canonical name of a column of the table
 * @param hiddenValues the values whose rows are invisible (never empty)
 */
public record RowFilter(String column, Set<String> hiddenValues) {
    public RowFilter {
        Objects.requireNonNull(column, "column");
        hiddenValues = Set.copyOf(hiddenValues);
        if (hiddenValues.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one hidden value for column " + column);
        }
    }
}
