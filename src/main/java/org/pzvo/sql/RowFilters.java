// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pzvo.adql.check.RowFilter;

/**
 * The FROM source of a table whose rows are filtered per user (issue 9): the table itself, or a
 * subquery that drops the rows the user may not see, so that no query can reach them (TAP_SCHEMA
 * rows of restricted tables, ivoa.obscore rows of hidden products). Values are literals written
 * by the dialect; identifiers are quoted.
 */
final class RowFilters {
    private RowFilters() {
    }

    /** {@code table} (already quoted) as a FROM source without its hidden rows. */
    static String source(String table, List<RowFilter> filters, SqlDialect dialect) {
        if (filters.isEmpty()) {
            return table;
        }
        StringBuilder where = new StringBuilder();
        for (RowFilter f : filters) {
            String column = dialect.quoteIdentifier(f.column());
            where.append(where.length() == 0 ? " WHERE " : " AND ").append('(').append(column).append(" IS NULL OR ")
                    .append(column).append(" NOT IN (").append(hidden(f, dialect)).append("))");
        }
        return "(SELECT * FROM " + table + where + ")";
    }

    /** The list or subquery of the values whose rows {@code f} hides. */
    private static String hidden(RowFilter f, SqlDialect dialect) {
        if (f instanceof RowFilter.HiddenValues v) {
            return literals(v.hiddenValues(), dialect);
        }
        RowFilter.HiddenByLookup l = (RowFilter.HiddenByLookup) f;
        String group = dialect.quoteIdentifier(l.groupColumn());
        String key = dialect.quoteIdentifier(l.keyColumn());
        String restricted = group + " IS NOT NULL" + (l.visibleGroups().isEmpty() ? ""
                : " AND " + group + " NOT IN (" + literals(l.visibleGroups(), dialect) + ")");
        String derived = l.hiddenTables().isEmpty() ? "" : " OR " + dialect.quoteIdentifier(l.tableColumn()) + " IN ("
                + literals(l.hiddenTables(), dialect) + ")";
        return "SELECT " + key + " FROM " + dialect.quoteIdentifier(l.lookupSchema()) + "."
                + dialect.quoteIdentifier(l.lookupTable()) + " WHERE " + key + " IS NOT NULL AND ((" + restricted + ")"
                + derived + ")";
    }

    private static String literals(Set<String> values, SqlDialect dialect) {
        return values.stream().sorted().map(dialect::stringLiteral).collect(Collectors.joining(", "));
    }
}
