// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pzvo.adql.ast.Coalesce;
import org.pzvo.adql.ast.Comparison;
import org.pzvo.adql.ast.ComparisonOperator;
import org.pzvo.adql.ast.CteTable;
import org.pzvo.adql.ast.DerivedTable;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.FromItem;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.Join;
import org.pzvo.adql.ast.JoinType;
import org.pzvo.adql.ast.Predicate;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.ResolvedTable;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.check.ColumnInfo;

/**
 * Pass: NATURAL joins become joins USING their common columns, and every reference to a column
 * merged by USING (written unqualified by the checker) becomes the column it stands for (SQL-92
 * §7.7): the left one for INNER and LEFT joins, the right one for RIGHT joins, COALESCE of both
 * for FULL joins. H2 2.3 accepts neither NATURAL outer joins nor unqualified merged columns; with
 * this pass both engines get the same, explicit SQL.
 */
final class JoinColumns {
    private JoinColumns() {
    }

    static Query apply(Query query) {
        return BottomUp.rewrite(query, node -> node instanceof SelectQuery s ? select(s) : node);
    }

    private static SelectQuery select(SelectQuery s) {
        if (s.from().stream().noneMatch(JoinColumns::hasMerging)) {
            return s;
        }
        Map<String, Expr> visible = new LinkedHashMap<>();
        List<FromItem> from = new ArrayList<>();
        for (FromItem item : s.from()) {
            from.add(explicit(item, visible));
        }
        SelectQuery withFrom = new SelectQuery(s.span(), s.distinct(), s.top(), s.items(), from, s.where(),
                s.groupBy(), s.having(), s.orderBy(), s.offset());
        return (SelectQuery) BottomUp.rewrite(withFrom, node -> node instanceof ResolvedColumn c
                && c.correlation().isEmpty() && visible.containsKey(c.column()) ? visible.get(c.column()) : node);
    }

    private static boolean hasMerging(FromItem item) {
        return item instanceof Join j && (j.natural() || !j.using().isEmpty() || hasMerging(j.left()) || hasMerging(j.right()));
    }

    /** The item with NATURAL made explicit; adds each column it exposes to {@code columns}. */
    private static FromItem explicit(FromItem item, Map<String, Expr> columns) {
        if (!(item instanceof Join j)) {
            columns.putAll(columnsOf(item));
            return item;
        }
        Map<String, Expr> left = new LinkedHashMap<>();
        Map<String, Expr> right = new LinkedHashMap<>();
        FromItem l = explicit(j.left(), left);
        FromItem r = explicit(j.right(), right);
        List<Identifier> using = j.using();
        if (j.natural()) {
            using = new ArrayList<>();
            for (String name : left.keySet()) {
                if (right.containsKey(name)) {
                    using.add(new Identifier(Span.NONE, name, true));
                }
            }
        }
        List<String> merged = new ArrayList<>();
        for (Identifier id : using) {
            String name = FromColumns.canonical(j.right(), id);
            merged.add(name);
            Expr le = left.get(name);
            Expr re = right.get(name);
            Expr value = switch (j.type()) {
                case INNER, LEFT -> le;
                case RIGHT -> re;
                case FULL -> new Coalesce(Span.NONE, List.of(le, re));
            };
            columns.put(name, value);
        }
        left.forEach(columns::putIfAbsent);
        right.forEach(columns::putIfAbsent);
        boolean noCommon = j.natural() && merged.isEmpty();
        Optional<Predicate> on = j.on();
        if (noCommon && j.type() != JoinType.INNER) {
            // NATURAL with no common column is a cross join; outer joins still need a condition.
            on = Optional.of(new Comparison(Span.NONE, ComparisonOperator.EQUAL,
                    Internal.integer(1), Internal.integer(1)));
        }
        List<Identifier> canonical = merged.stream().map(n -> new Identifier(Span.NONE, n, true)).toList();
        boolean same = !j.natural() && l == j.left() && r == j.right();
        return same ? j : new Join(j.span(), j.type(), false, l, r, on, canonical);
    }

    private static Map<String, Expr> columnsOf(FromItem item) {
        Map<String, Expr> out = new LinkedHashMap<>();
        if (item instanceof ResolvedTable t) {
            for (ColumnInfo c : t.table().columns()) {
                out.put(c.name(), new ResolvedColumn(Span.NONE, Optional.of(t.correlation()), c.name(), c));
            }
        } else if (item instanceof CteTable t) {
            for (ColumnInfo c : t.columns()) {
                out.put(c.name(), new ResolvedColumn(Span.NONE, Optional.of(t.correlation()), c.name(), c));
            }
        } else if (item instanceof DerivedTable d) {
            for (String name : FromColumns.outputNames(d.query())) {
                ColumnInfo c = new ColumnInfo(name, "char", null, null, null, null, null, null);
                out.put(name, new ResolvedColumn(Span.NONE, Optional.of(d.alias().text()), name, c));
            }
        }
        return out;
    }
}
