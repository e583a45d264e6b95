// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.DerivedTable;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.OrderItem;
import org.pzvo.adql.ast.OutputColumnRef;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.SelectItem;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.SetQuery;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.WithQuery;
import org.pzvo.adql.check.ResultColumn;
import org.pzvo.adql.check.ColumnInfo;

/**
 * Pass: the service's row limit (TAP MAXREC, plus one to detect overflow) caps the outermost query:
 * its TOP becomes {@code min(TOP, rowLimit)} (TAP 1.1 §2.7.4). A set operation has no TOP of its
 * own, so when capped it becomes {@code SELECT cols FROM (set) ORDER BY ... OFFSET ... TOP limit},
 * with the set's ORDER BY and OFFSET moved outside so that they still apply before the cap.
 * TOP and OFFSET of inner queries are left alone; the renderer writes them with the dialect.
 */
final class RowLimit {
    /** Correlation name of the wrapped set operation (never visible to the user). */
    static final String SET_ALIAS = "pzvo_set";

    private RowLimit() {
    }

    /** Caps {@code query}; {@code rowLimit} -1 means no cap. {@code columns} are the checker's output columns. */
    static Query apply(Query query, long rowLimit, List<ResultColumn> columns) {
        if (rowLimit < 0) {
            return query;
        }
        if (query instanceof SelectQuery s) {
            long top = s.top() < 0 ? rowLimit : Math.min(s.top(), rowLimit);
            return top == s.top() ? s : new SelectQuery(s.span(), s.distinct(), top, s.items(), s.from(), s.where(),
                    s.groupBy(), s.having(), s.orderBy(), s.offset());
        }
        if (query instanceof WithQuery w) {
            Query body = apply(w.body(), rowLimit, columns);
            return body == w.body() ? w : new WithQuery(w.span(), w.ctes(), body);
        }
        SetQuery set = (SetQuery) query;
        if (!set.orderBy().stream().allMatch(o -> o.key() instanceof OutputColumnRef)) {
            throw new IllegalStateException("Expected ORDER BY of a set operation to name output columns");
        }
        SetQuery inner = new SetQuery(set.span(), set.operator(), set.all(), set.left(), set.right(), List.of(), -1);
        List<SelectItem> items = new ArrayList<>();
        List<String> names = FromColumns.outputNames(inner);
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            ColumnInfo info = new ColumnInfo(c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(),
                    c.utype(), c.description());
            ResolvedColumn ref = new ResolvedColumn(Span.NONE, Optional.of(SET_ALIAS), names.get(i), info);
            items.add(new DerivedColumn(Span.NONE, ref, Optional.of(new Identifier(Span.NONE, c.name(), true))));
        }
        DerivedTable from = new DerivedTable(Span.NONE, inner, new Identifier(Span.NONE, SET_ALIAS, true));
        List<OrderItem> orderBy = set.orderBy();
        return new SelectQuery(set.span(), false, rowLimit, items, List.of(from), Optional.empty(), List.of(),
                Optional.empty(), orderBy, set.offset());
    }
}
