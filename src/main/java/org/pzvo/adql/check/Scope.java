// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.ast.Identifier;

/**
 * The names visible in one query: its FROM entries (range variables), the columns merged by JOIN
 * USING/NATURAL, the common table expressions in force, and the enclosing query's scope for
 * correlated references. Built once per query level, then read only.
 */
final class Scope {
    /**
     * One range variable. {@code alias} is the user's correlation name if any; {@code table} is set
     * for catalog tables (matched by schema and name when there is no alias); {@code name} is the
     * table, CTE or derived-table name; {@code correlation} is the unique canonical name the SQL
     * uses.
     */
    record Entry(String correlation, Optional<Identifier> alias, TableInfo table, String name,
                 List<ColumnInfo> columns) {

        /** Whether the qualifier parts (schema?, table) denote this entry. */
        boolean matches(List<Identifier> qualifier) {
            if (alias.isPresent()) {
                return qualifier.size() == 1 && Names.same(alias.get(), qualifier.get(0));
            }
            Identifier last = qualifier.get(qualifier.size() - 1);
            if (!last.matches(name)) {
                return false;
            }
            if (qualifier.size() == 1) {
                return true;
            }
            return qualifier.size() == 2 && table != null && qualifier.get(0).matches(table.schema());
        }

        Optional<ColumnInfo> column(Identifier id) {
            ColumnInfo found = null;
            for (ColumnInfo c : columns) {
                if (id.matches(c.name())) {
                    if (found == null || c.name().equals(id.text())) {
                        found = c;
                    }
                }
            }
            return Optional.ofNullable(found);
        }

        /** How the entry is named in messages. */
        String display() {
            return alias.map(Identifier::text).orElse(table != null ? table.qualifiedName() : name);
        }
    }

    /** A common table expression, resolved: its canonical name and output columns. */
    record Cte(String name, List<ColumnInfo> columns) {
    }

    final Scope parent;
    final Map<String, Cte> ctes;
    final List<Entry> entries = new ArrayList<>();
    /** USING/NATURAL merged column name to the metadata of the merged column. */
    final Map<String, ColumnInfo> merged = new LinkedHashMap<>();

    /** Correlation names used anywhere in the query, lower-cased; shared by all scopes of one check. */
    private final Set<String> usedCorrelations;

    Scope(Scope parent, Map<String, Cte> ctes, Set<String> usedCorrelations) {
        this.parent = parent;
        this.ctes = ctes;
        this.usedCorrelations = usedCorrelations;
    }

    /**
     * A correlation name based on {@code wanted} that no other range variable of the whole query
     * uses, so that an outer reference rendered as {@code "corr"."col"} can never be captured by a
     * same-named range variable of an inner query in SQL.
     */
    String uniqueCorrelation(String wanted) {
        String candidate = wanted;
        for (int n = 2; usedCorrelations.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = wanted + "_" + n;
        }
        usedCorrelations.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    Optional<Cte> cte(Identifier name) {
        for (Cte cte : ctes.values()) {
            if (name.matches(cte.name())) {
                return Optional.of(cte);
            }
        }
        return Optional.empty();
    }
}
