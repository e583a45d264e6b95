// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import org.pzvo.adql.ast.CteTable;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.DerivedTable;
import org.pzvo.adql.ast.FromItem;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.Join;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedTable;
import org.pzvo.adql.ast.SelectItem;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.SetQuery;
import org.pzvo.adql.ast.WithQuery;

/** Canonical column names visible from a FROM item of a checked tree (for JOIN ... USING). */
final class FromColumns {
    private FromColumns() {
    }

    /** The canonical name of the column {@code id} denotes in {@code item} (ADQL 2.1 §2.1.3 matching). */
    static String canonical(FromItem item, Identifier id) {
        for (String name : names(item)) {
            if (id.matches(name)) {
                return name;
            }
        }
        return id.text();
    }

    static List<String> names(FromItem item) {
        List<String> out = new ArrayList<>();
        if (item instanceof ResolvedTable t) {
            t.table().columns().forEach(c -> out.add(c.name()));
        } else if (item instanceof CteTable t) {
            t.columns().forEach(c -> out.add(c.name()));
        } else if (item instanceof DerivedTable d) {
            out.addAll(outputNames(d.query()));
        } else if (item instanceof Join j) {
            out.addAll(names(j.left()));
            out.addAll(names(j.right()));
        }
        return out;
    }

    /** The output column names of a checked query (its select aliases). */
    static List<String> outputNames(Query query) {
        if (query instanceof SelectQuery s) {
            List<String> out = new ArrayList<>();
            for (SelectItem item : s.items()) {
                if (item instanceof DerivedColumn c && c.alias().isPresent()) {
                    out.add(c.alias().get().text());
                }
            }
            return out;
        }
        if (query instanceof SetQuery s) {
            return outputNames(s.left());
        }
        return outputNames(((WithQuery) query).body());
    }
}
