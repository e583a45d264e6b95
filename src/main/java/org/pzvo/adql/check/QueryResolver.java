// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;
import org.pzvo.adql.feature.Features;

/**
 * Resolves query levels: WITH, set operations and selects, their FROM clauses (tables, CTEs,
 * derived tables, joins) and select lists ({@code *} expansion, unique output names, ORDER BY by
 * alias or ordinal). Expressions are delegated to {@link ExprResolver}. One instance per check.
 */
final class QueryResolver {
    /** A resolved query with the metadata of its output columns. */
    record Resolved(Query query, List<ResultColumn> columns) {
    }

    private final Catalog catalog;
    private final Map<String, FunctionInfo> functions = new LinkedHashMap<>();
    private final Set<String> correlations = new HashSet<>();

    QueryResolver(Catalog catalog) {
        this.catalog = catalog;
        for (FunctionInfo f : Features.udfs()) {
            functions.put(f.name().toLowerCase(Locale.ROOT), f);
        }
        for (FunctionInfo f : catalog.functions()) {
            functions.put(f.name().toLowerCase(Locale.ROOT), f);
        }
    }

    Resolved top(Query query) {
        return query(query, null, Map.of());
    }

    /** A subquery in a condition or select list: it sees the enclosing scope and its CTEs. */
    Resolved subquery(Query query, Scope enclosing) {
        return query(query, enclosing, enclosing.ctes);
    }

    FunctionInfo function(UdfCall call) {
        FunctionInfo f = functions.get(call.name().toLowerCase(Locale.ROOT));
        if (f == null) {
            List<String> names = functions.values().stream().map(FunctionInfo::name).collect(Collectors.toList());
            throw new CheckFailure(call.span(), Messages.unknownFunction(call.name(), Names.suggest(call.name(), names)));
        }
        int n = f.argumentTypes().size();
        if (call.args().size() != n) {
            throw new CheckFailure(call.span(), Messages.wrongArgumentCount(f.name(), n, n, call.args().size()));
        }
        return f;
    }

    private Resolved query(Query query, Scope outer, Map<String, Scope.Cte> ctes) {
        if (query instanceof WithQuery with) {
            return with(with, outer, ctes);
        }
        if (query instanceof SetQuery set) {
            return set(set, outer, ctes);
        }
        return new SelectResolver(this, (SelectQuery) query, new Scope(outer, ctes, correlations)).resolve();
    }

    private Resolved with(WithQuery with, Scope outer, Map<String, Scope.Cte> ctes) {
        Map<String, Scope.Cte> visible = new LinkedHashMap<>(ctes);
        List<CommonTableExpr> resolved = new ArrayList<>();
        for (CommonTableExpr cte : with.ctes()) {
            String name = cte.name().text();
            if (visible.keySet().stream().anyMatch(cte.name()::matches)) {
                throw new CheckFailure(cte.name().span(), Messages.duplicateCte(name));
            }
            Resolved r = query(cte.query(), outer, visible);
            List<ColumnInfo> columns = new ArrayList<>();
            if (!cte.columns().isEmpty() && cte.columns().size() != r.columns().size()) {
                throw new CheckFailure(cte.span(), Messages.cteColumnCount(name, cte.columns().size(),
                        r.columns().size()));
            }
            for (int i = 0; i < r.columns().size(); i++) {
                ResultColumn c = r.columns().get(i);
                String columnName = cte.columns().isEmpty() ? c.name() : cte.columns().get(i).text();
                columns.add(new ColumnInfo(columnName, c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(),
                        c.utype(), c.description()));
            }
            visible.put(name, new Scope.Cte(name, columns));
            List<Identifier> columnIds = cte.columns().stream()
                    .map(id -> new Identifier(id.span(), id.text(), true)).collect(Collectors.toList());
            resolved.add(new CommonTableExpr(cte.span(), new Identifier(cte.name().span(), name, true), columnIds,
                    r.query()));
        }
        Resolved body = query(with.body(), outer, visible);
        return new Resolved(new WithQuery(with.span(), resolved, body.query()), body.columns());
    }

    private Resolved set(SetQuery set, Scope outer, Map<String, Scope.Cte> ctes) {
        Resolved left = query(set.left(), outer, ctes);
        Resolved right = query(set.right(), outer, ctes);
        if (left.columns().size() != right.columns().size()) {
            throw new CheckFailure(set.right().span(), Messages.setColumnCount(set.operator().keyword(),
                    left.columns().size(), right.columns().size()));
        }
        List<String> names = left.columns().stream().map(ResultColumn::name).collect(Collectors.toList());
        List<OrderItem> orderBy = new ArrayList<>();
        for (OrderItem item : set.orderBy()) {
            Optional<OutputColumnRef> out = outputRef(item.key(), names, List.of());
            if (out.isEmpty() && item.key() instanceof ColumnRef c && c.qualifier().isEmpty()) {
                String text = c.column().text();
                throw new CheckFailure(item.key().span(), Messages.unknownColumn(text, Names.suggest(text, names)));
            }
            if (out.isEmpty()) {
                throw new CheckFailure(item.key().span(), Messages.setOrderBy());
            }
            orderBy.add(new OrderItem(item.span(), out.get(), item.descending()));
        }
        SetQuery resolved = new SetQuery(set.span(), set.operator(), set.all(), left.query(), right.query(), orderBy,
                set.offset());
        return new Resolved(resolved, left.columns());
    }

    /**
     * An ORDER BY key that names an output column: an unsigned integer ordinal, or an unqualified
     * name equal to a user alias or output name. Empty when the key is another expression.
     */
    static Optional<OutputColumnRef> outputRef(Expr key, List<String> names, List<Optional<Identifier>> aliases) {
        if (key instanceof NumericLiteral n && n.kind() == NumericKind.INTEGER) {
            long ordinal = n.text().length() > 9 ? Long.MAX_VALUE : Long.parseLong(n.text());
            if (ordinal < 1 || ordinal > names.size()) {
                throw new CheckFailure(key.span(), Messages.orderByOrdinal(ordinal, names.size()));
            }
            return Optional.of(new OutputColumnRef(key.span(), (int) ordinal, names.get((int) ordinal - 1)));
        }
        if (key instanceof ColumnRef c && c.qualifier().isEmpty()) {
            for (int i = 0; i < aliases.size(); i++) {
                if (aliases.get(i).isPresent() && Names.same(aliases.get(i).get(), c.column())) {
                    return Optional.of(new OutputColumnRef(key.span(), i + 1, names.get(i)));
                }
            }
            for (int i = 0; i < names.size(); i++) {
                if (c.column().matches(names.get(i))) {
                    return Optional.of(new OutputColumnRef(key.span(), i + 1, names.get(i)));
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ FROM

    FromItem fromItem(FromItem item, Scope scope) {
        if (item instanceof TableRef ref) {
            return table(ref, scope);
        }
        if (item instanceof DerivedTable derived) {
            Resolved r = query(derived.query(), scope.parent, scope.ctes);
            List<ColumnInfo> columns = r.columns().stream()
                    .map(c -> new ColumnInfo(c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(),
                            c.utype(), c.description()))
                    .collect(Collectors.toList());
            Identifier alias = derived.alias();
            checkDuplicateAlias(alias, scope);
            String correlation = scope.uniqueCorrelation(alias.text());
            scope.entries.add(new Scope.Entry(correlation, Optional.of(alias), null, alias.text(), columns));
            return new DerivedTable(derived.span(), r.query(), new Identifier(alias.span(), correlation, true));
        }
        if (item instanceof Join join) {
            return join(join, scope);
        }
        throw new IllegalStateException("already resolved: " + item);
    }

    private FromItem table(TableRef ref, Scope scope) {
        TableName name = ref.name();
        ref.alias().ifPresent(a -> checkDuplicateAlias(a, scope));
        if (name.schema().isEmpty()) {
            Optional<Scope.Cte> cte = scope.cte(name.table());
            if (cte.isPresent()) {
                String correlation = scope.uniqueCorrelation(ref.alias().map(Identifier::text).orElse(cte.get().name()));
                scope.entries.add(new Scope.Entry(correlation, ref.alias(), null, cte.get().name(), cte.get().columns()));
                return new CteTable(ref.span(), cte.get().name(), correlation, cte.get().columns());
            }
        }
        TableInfo table = Tables.find(catalog, name);
        if (ref.alias().isEmpty()) {
            for (Scope.Entry e : scope.entries) {
                if (e.alias().isEmpty() && e.table() == table) {
                    throw new CheckFailure(ref.span(), Messages.duplicateCorrelation(table.qualifiedName()));
                }
            }
        }
        String correlation = scope.uniqueCorrelation(ref.alias().map(Identifier::text).orElse(table.name()));
        scope.entries.add(new Scope.Entry(correlation, ref.alias(), table, table.name(), table.columns()));
        return new ResolvedTable(ref.span(), table, correlation);
    }

    private static void checkDuplicateAlias(Identifier alias, Scope scope) {
        for (Scope.Entry e : scope.entries) {
            if (e.alias().isPresent() && Names.same(e.alias().get(), alias)) {
                throw new CheckFailure(alias.span(), Messages.duplicateCorrelation(alias.text()));
            }
        }
    }

    private FromItem join(Join join, Scope scope) {
        int start = scope.entries.size();
        FromItem left = fromItem(join.left(), scope);
        int middle = scope.entries.size();
        FromItem right = fromItem(join.right(), scope);
        List<Scope.Entry> leftEntries = new ArrayList<>(scope.entries.subList(start, middle));
        List<Scope.Entry> rightEntries = new ArrayList<>(scope.entries.subList(middle, scope.entries.size()));
        List<Identifier> using = new ArrayList<>();
        for (Identifier id : join.using()) {
            ColumnInfo l = side(id, leftEntries, scope, "left");
            side(id, rightEntries, scope, "right");
            using.add(new Identifier(id.span(), l.name(), true));
            scope.merged.put(l.name(), l);
        }
        if (join.natural()) {
            Set<String> rightNames = new HashSet<>();
            rightEntries.forEach(e -> e.columns().forEach(c -> rightNames.add(c.name())));
            for (Scope.Entry e : leftEntries) {
                for (ColumnInfo c : e.columns()) {
                    if (rightNames.contains(c.name())) {
                        scope.merged.putIfAbsent(c.name(), c);
                    }
                }
            }
        }
        Optional<Predicate> on = join.on().map(p -> new ExprResolver(this, scope).predicate(p));
        if (!join.natural() && on.isEmpty() && using.isEmpty()) {
            on = Optional.of(new BooleanValue(join.span(), new BooleanLiteral(join.span(), true)));
        }
        return new Join(join.span(), join.type(), join.natural(), left, right, on, using);
    }

    private static ColumnInfo side(Identifier id, List<Scope.Entry> entries, Scope scope, String side) {
        for (Map.Entry<String, ColumnInfo> merged : scope.merged.entrySet()) {
            if (id.matches(merged.getKey()) && entries.stream().anyMatch(e -> e.column(id).isPresent())) {
                return merged.getValue();
            }
        }
        List<ColumnInfo> found = new ArrayList<>();
        for (Scope.Entry e : entries) {
            e.column(id).ifPresent(found::add);
        }
        if (found.size() != 1) {
            throw new CheckFailure(id.span(), found.isEmpty() ? Messages.usingColumnMissing(id.text(), side)
                    : Messages.ambiguousColumn(id.text(), List.of(side + " side")));
        }
        return found.get(0);
    }
}
