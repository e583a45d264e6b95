// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Objects;
import java.util.Set;

/**
 * Rows of a table that the current user must not see (issue 9). The checker ignores filters; the
 * SQL renderer reads a filtered table through a subquery that drops those rows, so no query can
 * reach them. A null in the filtered column never hides a row.
 */
public sealed interface RowFilter permits RowFilter.HiddenValues, RowFilter.HiddenByLookup {
    /** The canonical name of the filtered column of the table. */
    String column();

    /**
     * Rows whose {@code column} holds one of {@code hiddenValues}, e.g. the TAP_SCHEMA rows that
     * describe a table restricted to groups the user is not in.
     */
    record HiddenValues(String column, Set<String> hiddenValues) implements RowFilter {
        public HiddenValues {
            Objects.requireNonNull(column, "column");
            hiddenValues = Set.copyOf(hiddenValues);
            if (hiddenValues.isEmpty()) {
                throw new IllegalArgumentException("Expected at least one hidden value for column " + column);
            }
        }
    }

    /**
     * Rows whose {@code column} is the {@code keyColumn} of a row of the internal table
     * {@code lookupSchema.lookupTable} that is restricted: its {@code groupColumn} names a group
     * outside {@code visibleGroups}, or its {@code tableColumn} names one of {@code hiddenTables}
     * (e.g. ivoa.obscore rows of products in the product registry).
     */
    record HiddenByLookup(String column, String lookupSchema, String lookupTable, String keyColumn,
                          String groupColumn, Set<String> visibleGroups, String tableColumn,
                          Set<String> hiddenTables) implements RowFilter {
        public HiddenByLookup {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(lookupSchema, "lookupSchema");
            Objects.requireNonNull(lookupTable, "lookupTable");
            Objects.requireNonNull(keyColumn, "keyColumn");
            Objects.requireNonNull(groupColumn, "groupColumn");
            Objects.requireNonNull(tableColumn, "tableColumn");
            visibleGroups = Set.copyOf(visibleGroups);
            hiddenTables = Set.copyOf(hiddenTables);
        }
    }
}
