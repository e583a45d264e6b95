// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;

/**
 * Resolves one {@link SelectQuery}: FROM first (it defines the scope), then WHERE, the select list
 * ({@code *} and {@code t.*} expanded into explicit columns; every item aliased with a unique
 * output name), GROUP BY (a select alias stands for its expression), HAVING and ORDER BY
 * (aliases and ordinals become {@link OutputColumnRef}s).
 */
final class SelectResolver {
    private final QueryResolver queries;
    private final SelectQuery select;
    private final Scope scope;
    private final ExprResolver exprs;

    /** One output column before naming. */
    private record Item(Span span, Expr expr, Meta meta, String defaultName, Optional<Identifier> alias) {
    }

    SelectResolver(QueryResolver queries, SelectQuery select, Scope scope) {
        this.queries = queries;
        this.select = select;
        this.scope = scope;
        this.exprs = new ExprResolver(queries, scope);
    }

    QueryResolver.Resolved resolve() {
        List<FromItem> from = new ArrayList<>();
        for (FromItem item : select.from()) {
            from.add(queries.fromItem(item, scope));
        }
        Optional<Predicate> where = select.where().map(exprs::predicate);
        if (where.isPresent() && Aggregates.in(where.get())) {
            throw new CheckFailure(select.where().get().span(), Messages.aggregateNotAllowed("WHERE"));
        }
        List<Item> items = new ArrayList<>();
        for (SelectItem item : select.items()) {
            if (item instanceof AllColumns all) {
                expand(all, items);
            } else {
                DerivedColumn d = (DerivedColumn) item;
                Typed t = exprs.typed(d.expr());
                Expr e = (Expr) t.node();
                String name = d.expr() instanceof InUnit && e instanceof Binary b
                        ? (b.left() instanceof ResolvedColumn r ? r.column() : "in_unit") : defaultName(e);
                items.add(new Item(d.span(), e, t.meta(), name, d.alias()));
            }
        }
        List<String> names = uniqueNames(items);
        List<Optional<Identifier>> aliases = new ArrayList<>();
        List<SelectItem> resolvedItems = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            aliases.add(item.alias());
            resolvedItems.add(new DerivedColumn(item.span(), item.expr(),
                    Optional.of(new Identifier(item.alias().map(Identifier::span).orElse(item.span()), names.get(i), true))));
            columns.add(item.meta().toResult(names.get(i)));
        }
        List<Expr> groupBy = new ArrayList<>();
        for (Expr e : select.groupBy()) {
            groupBy.add(groupKey(e, items));
        }
        Optional<Predicate> having = select.having().map(exprs::predicate);
        boolean grouped = !groupBy.isEmpty() || having.isPresent()
                || items.stream().anyMatch(i -> Aggregates.in(i.expr()));
        if (grouped) {
            for (Item item : items) {
                checkGrouped(item.expr(), groupBy);
            }
            having.ifPresent(h -> checkGrouped(h, groupBy));
        }
        List<OrderItem> orderBy = new ArrayList<>();
        for (OrderItem o : select.orderBy()) {
            Expr key = QueryResolver.outputRef(o.key(), names, aliases).map(r -> (Expr) r)
                    .orElseGet(() -> exprs.expr(o.key()));
            orderBy.add(new OrderItem(o.span(), key, o.descending()));
        }
        SelectQuery resolved = new SelectQuery(select.span(), select.distinct(), select.top(), resolvedItems, from,
                where, groupBy, having, orderBy, select.offset());
        return new QueryResolver.Resolved(resolved, columns);
    }

    /** {@code *}: merged USING/NATURAL columns first, then every entry's other columns (SQL order). */
    private void expand(AllColumns all, List<Item> items) {
        Span span = all.span();
        if (all.qualifier().isEmpty()) {
            for (ColumnInfo c : scope.merged.values()) {
                items.add(new Item(span, new ResolvedColumn(span, Optional.empty(), c.name(), c), Meta.of(c), c.name(),
                        Optional.empty()));
            }
            for (Scope.Entry e : scope.entries) {
                for (ColumnInfo c : e.columns()) {
                    if (!scope.merged.containsKey(c.name())) {
                        items.add(columnItem(span, e, c));
                    }
                }
            }
            return;
        }
        TableName q = all.qualifier().get();
        List<Identifier> parts = new ArrayList<>();
        q.schema().ifPresent(parts::add);
        parts.add(q.table());
        for (Scope.Entry e : scope.entries) {
            if (q.catalog().isEmpty() && e.matches(parts)) {
                for (ColumnInfo c : e.columns()) {
                    items.add(columnItem(span, e, c));
                }
                return;
            }
        }
        List<String> names = scope.entries.stream().map(Scope.Entry::display).toList();
        throw new CheckFailure(q.span(), Messages.unknownQualifier(q.table().text(), Names.suggest(q.table().text(), names)));
    }

    private static Item columnItem(Span span, Scope.Entry e, ColumnInfo c) {
        return new Item(span, new ResolvedColumn(span, Optional.of(e.correlation()), c.name(), c), Meta.of(c), c.name(),
                Optional.empty());
    }

    /**
     * In a grouped query every column of this query level must be a GROUP BY key, part of one, or
     * inside an aggregate (SQL-92 §7.9 rule, without functional dependencies); outer references
     * and subqueries are left to the database.
     */
    private void checkGrouped(Node node, List<Expr> groupBy) {
        for (Expr key : groupBy) {
            if (AstEquality.equalsIgnoringSpans(key, node)) {
                return;
            }
        }
        if (node instanceof Query || Aggregates.isAggregate(node)) {
            return;
        }
        if (node instanceof ResolvedColumn c && isLocal(c)) {
            throw new CheckFailure(c.span(), Messages.notGrouped(c.column()));
        }
        for (Node child : Nodes.children(node)) {
            checkGrouped(child, groupBy);
        }
    }

    private boolean isLocal(ResolvedColumn c) {
        return c.correlation().isEmpty()
                || scope.entries.stream().anyMatch(e -> e.correlation().equals(c.correlation().get()));
    }

    /** A GROUP BY key; a select alias or a select-list position stands for that item's expression. */
    private Expr groupKey(Expr e, List<Item> items) {
        if (e instanceof NumericLiteral n && n.kind() == NumericKind.INTEGER) {
            long ordinal = n.text().length() > 9 ? Long.MAX_VALUE : Long.parseLong(n.text());
            if (ordinal < 1 || ordinal > items.size()) {
                throw new CheckFailure(n.span(), Messages.groupByOrdinal(ordinal, items.size()));
            }
            return items.get((int) ordinal - 1).expr();
        }
        if (e instanceof ColumnRef c && c.qualifier().isEmpty()) {
            try {
                return exprs.expr(e);
            } catch (CheckFailure unknown) {
                for (Item item : items) {
                    if (item.alias().isPresent() && Names.same(item.alias().get(), c.column())) {
                        return item.expr();
                    }
                }
                throw unknown;
            }
        }
        return exprs.expr(e);
    }

    /** The name an unaliased select item gets: the column name, or the function name in lower case. */
    static String defaultName(Expr e) {
        if (e instanceof ResolvedColumn c) {
            return c.column();
        }
        if (e instanceof Aggregate a) {
            return a.function().name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof BuiltinCall b) {
            return b.function().adqlName().toLowerCase(Locale.ROOT);
        }
        if (e instanceof UdfCall u) {
            return u.name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof Cast c) {
            return c.value() instanceof ResolvedColumn r ? r.column() : "cast";
        }
        Map<Class<?>, String> named = Map.of(Point.class, "point", Circle.class, "circle", Box.class, "box",
                Polygon.class, "polygon", Region.class, "region", Coalesce.class, "coalesce",
                SimpleCase.class, "case", SearchedCase.class, "case");
        return named.getOrDefault(e.getClass(), "expr");
    }

    /**
     * Output names: the alias if given, else the default name; a name already used (ignoring case,
     * as VOTable consumers often do) gets the suffix {@code _2}, {@code _3}, ...
     */
    private static List<String> uniqueNames(List<Item> items) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Item item : items) {
            String wanted = item.alias().map(Identifier::text).orElse(item.defaultName());
            String name = wanted;
            for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
                name = wanted + "_" + n;
            }
            used.add(name.toLowerCase(Locale.ROOT));
            names.add(name);
        }
        return names;
    }
}
