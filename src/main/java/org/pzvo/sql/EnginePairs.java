// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pzvo.adql.ast.And;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.Circle;
import org.pzvo.adql.ast.Comparison;
import org.pzvo.adql.ast.ComparisonOperator;
import org.pzvo.adql.ast.CteTable;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.FromItem;
import org.pzvo.adql.ast.Join;
import org.pzvo.adql.ast.JoinType;
import org.pzvo.adql.ast.Predicate;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.ResolvedTable;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.PositionIndex;

/**
 * Pass: the positional join of the outermost SELECT goes to the cross-match engine (DESIGN.md
 * "HEALPix everywhere"). A conjunct of its WHERE clause (or of the ON clause of an inner join whose
 * rows all reach the result) of the form
 * <ul>
 *   <li>{@code CONTAINS(POINT(a.ra, a.dec), CIRCLE(b.ra, b.dec, r)) = 1} (or {@code 1 = ...}), or</li>
 *   <li>{@code DISTANCE(POINT(a.ra, a.dec), POINT(b.ra, b.dec)) < r} ({@code <=}, or {@code r >} /
 *       {@code r >=} the distance),</li>
 * </ul>
 * where {@code a} and {@code b} are two tables of that FROM clause, both with their indexed
 * position written exactly and a key the {@link MatchPlanner} knows, and {@code r} is a constant or a
 * numeric column of {@code a} or {@code b}, is replaced: the pair source ({@link Internal#pairs},
 * two array parameters) is put first in FROM, the conjunct becomes {@code 1 = 1} and the WHERE
 * clause gains {@code a.key = pairs.k1 AND b.key = pairs.k2}. Moving the test from ON to WHERE
 * keeps the result because the join is inner on an inner path. Every other conjunct, select item,
 * grouping and ordering stays as written, so the query means what it meant; only the first such
 * conjunct is replaced (the others stay SQL).
 */
final class EnginePairs {
    private final MatchPlanner planner;
    private PairRequest request;

    EnginePairs(MatchPlanner planner) {
        this.planner = planner;
    }

    /** The engine's work for the last query this pass rewrote, if it rewrote one. */
    Optional<PairRequest> request() {
        return Optional.ofNullable(request);
    }

    Query apply(Query query) {
        request = null;
        if (planner == MatchPlanner.NONE || !(query instanceof SelectQuery s)) {
            return query;
        }
        Map<String, ResolvedTable> tables = new LinkedHashMap<>();
        List<Predicate> conjuncts = new ArrayList<>();
        s.where().ifPresent(w -> SpatialIndex.conjuncts(w, conjuncts));
        for (FromItem item : s.from()) {
            scan(item, true, tables, conjuncts);
        }
        for (Predicate p : conjuncts) {
            Optional<Match> m = match(p, tables);
            if (m.isPresent()) {
                return rewrite(s, p, m.get());
            }
        }
        return query;
    }

    /** One side: the table, and its key column as an expression. */
    private record Side(ResolvedTable table, String key) {
    }

    private record Match(Side first, Side second, double radiusDeg, Optional<PairRequest.RadiusColumn> radiusColumn,
                         boolean strict) {
    }

    private static void scan(FromItem item, boolean innerPath, Map<String, ResolvedTable> tables,
                             List<Predicate> conjuncts) {
        if (item instanceof ResolvedTable t) {
            if (innerPath) {
                tables.put(t.correlation(), t);
            }
        } else if (item instanceof Join j) {
            boolean inner = innerPath && j.type() == JoinType.INNER;
            if (inner) {
                j.on().ifPresent(on -> SpatialIndex.conjuncts(on, conjuncts));
            }
            scan(j.left(), innerPath && !j.type().nullsLeft(), tables, conjuncts);
            scan(j.right(), innerPath && !j.type().nullsRight(), tables, conjuncts);
        }
    }

    private Optional<Match> match(Predicate p, Map<String, ResolvedTable> tables) {
        if (!(p instanceof Comparison c)) {
            return Optional.empty();
        }
        if (c.operator() == ComparisonOperator.EQUAL) {
            Expr call = Constants.isInteger(c.right(), 1) ? c.left() : Constants.isInteger(c.left(), 1) ? c.right() : null;
            if (call instanceof BuiltinCall b && b.function() == BuiltinFunction.CONTAINS
                    && b.args().get(1) instanceof Circle circle) {
                return pair(b.args().get(0), circle.center(), circle.radius(), false, tables);
            }
            return Optional.empty();
        }
        Expr distance;
        Expr radius;
        switch (c.operator()) {
            case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                distance = c.left();
                radius = c.right();
            }
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                distance = c.right();
                radius = c.left();
            }
            default -> {
                return Optional.empty();
            }
        }
        boolean strict = c.operator() == ComparisonOperator.LESS_THAN || c.operator() == ComparisonOperator.GREATER_THAN;
        if (distance instanceof BuiltinCall d && d.function() == BuiltinFunction.DISTANCE && d.args().size() == 2) {
            return pair(d.args().get(0), d.args().get(1), radius, strict, tables);
        }
        return Optional.empty();
    }

    private Optional<Match> pair(Expr firstPoint, Expr secondPoint, Expr radius, boolean strict,
                                 Map<String, ResolvedTable> tables) {
        Optional<Side> first = side(firstPoint, tables);
        Optional<Side> second = side(secondPoint, tables);
        if (first.isEmpty() || second.isEmpty()
                || first.get().table().correlation().equals(second.get().table().correlation())) {
            return Optional.empty();
        }
        OptionalDouble constant = Constants.value(radius);
        if (constant.isPresent()) {
            if (Double.isNaN(constant.getAsDouble())) {
                return Optional.empty();
            }
            return Optional.of(new Match(first.get(), second.get(), constant.getAsDouble(), Optional.empty(), strict));
        }
        if (radius instanceof ResolvedColumn r && r.correlation().isPresent() && r.info().arraysize() == null
                && numeric(r.info()) && r.info().name().equals(r.column())) {
            String correlation = r.correlation().get();
            boolean ofFirst = correlation.equals(first.get().table().correlation());
            if (ofFirst || correlation.equals(second.get().table().correlation())) {
                return Optional.of(new Match(first.get(), second.get(), Double.NaN,
                        Optional.of(new PairRequest.RadiusColumn(ofFirst, r.column())), strict));
            }
        }
        return Optional.empty();
    }

    private static boolean numeric(ColumnInfo c) {
        return switch (c.datatype()) {
            case "short", "int", "long", "float", "double", "unsignedByte" -> true;
            default -> false;
        };
    }

    /** The table whose indexed position {@code point} is, written exactly, if the engine can read it. */
    private Optional<Side> side(Expr point, Map<String, ResolvedTable> tables) {
        if (Geometry.kind(point) != Geometry.Kind.POINT || !(Geometry.x(point) instanceof ResolvedColumn x)
                || !(Geometry.y(point) instanceof ResolvedColumn y) || x.correlation().isEmpty()
                || !x.correlation().equals(y.correlation())) {
            return Optional.empty();
        }
        ResolvedTable t = tables.get(x.correlation().get());
        if (t == null || t.table().position().isEmpty()) {
            return Optional.empty();
        }
        PositionIndex p = t.table().position().get();
        if (!x.column().equals(p.raColumn()) || !y.column().equals(p.decColumn())) {
            return Optional.empty();
        }
        return planner.keyColumn(t.table()).map(key -> new Side(t, key));
    }

    private SelectQuery rewrite(SelectQuery s, Predicate conjunct, Match m) {
        if (!joinsByName(s.from())) {
            if (suppliable(m.first())) {
                return rewriteWithRows(s, conjunct, m, true);
            }
            if (suppliable(m.second())) {
                return rewriteWithRows(s, conjunct, m, false);
            }
        }
        String correlation = freeName(s);
        CteTable pairs = Internal.pairs(correlation);
        Predicate always = new Comparison(Span.NONE, ComparisonOperator.EQUAL, Internal.integer(1), Internal.integer(1));
        SelectQuery replaced = (SelectQuery) BottomUp.rewrite(s, node -> node == conjunct ? always : node);
        Predicate keys = new And(Span.NONE,
                equal(m.first(), pairs, Internal.PAIRS_FIRST), equal(m.second(), pairs, Internal.PAIRS_SECOND));
        Predicate where = replaced.where().<Predicate>map(w -> new And(Span.NONE, w, keys)).orElse(keys);
        List<FromItem> from = new ArrayList<>();
        from.add(pairs);
        from.addAll(replaced.from());
        request = new PairRequest(new PairRequest.Side(m.first().table().table(), m.first().key()),
                new PairRequest.Side(m.second().table().table(), m.second().key()), m.radiusDeg(), m.radiusColumn(),
                m.strict());
        return new SelectQuery(s.span(), s.distinct(), s.top(), replaced.items(), from, Optional.of(where),
                replaced.groupBy(), replaced.having(), replaced.orderBy(), replaced.offset());
    }

    private boolean suppliable(Side side) {
        return planner.suppliesRows(side.table().table()) && PairRowColumns.supported(side.table().table().columns());
    }

    /** Whether a join of {@code from} matches columns by name (NATURAL or USING), which extra columns would change. */
    private static boolean joinsByName(List<FromItem> from) {
        for (FromItem item : from) {
            if (item instanceof Join j && (j.natural() || !j.using().isEmpty() || joinsByName(List.of(j.left(), j.right())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rewrite when the engine supplies the rows of one side: that table's FROM item becomes
     * the pair source under the same correlation (so every reference to its columns reads the
     * supplied values) and the WHERE clause gains {@code other.key = side.ROWS_KEY}: the database
     * joins only the other table, one key lookup per pair, in the key order the engine gives.
     */
    private SelectQuery rewriteWithRows(SelectQuery s, Predicate conjunct, Match m, boolean firstSupplied) {
        Side supplied = firstSupplied ? m.first() : m.second();
        Side other = firstSupplied ? m.second() : m.first();
        CteTable rows = Internal.pairRows(supplied.table().correlation(), supplied.table().table().columns());
        Predicate always = new Comparison(Span.NONE, ComparisonOperator.EQUAL, Internal.integer(1), Internal.integer(1));
        SelectQuery replaced = (SelectQuery) BottomUp.rewrite(s,
                node -> node == conjunct ? always : node == supplied.table() ? rows : node);
        ColumnInfo keyInfo = rows.columns().get(0);
        Predicate key = equal(other, new ResolvedColumn(Span.NONE, Optional.of(rows.correlation()), keyInfo.name(),
                keyInfo));
        Predicate where = replaced.where().<Predicate>map(w -> new And(Span.NONE, w, key)).orElse(key);
        request = new PairRequest(new PairRequest.Side(m.first().table().table(), m.first().key()),
                new PairRequest.Side(m.second().table().table(), m.second().key()), m.radiusDeg(), m.radiusColumn(),
                m.strict(), firstSupplied ? PairRequest.Rows.FIRST : PairRequest.Rows.SECOND);
        return new SelectQuery(s.span(), s.distinct(), s.top(), replaced.items(), replaced.from(), Optional.of(where),
                replaced.groupBy(), replaced.having(), replaced.orderBy(), replaced.offset());
    }

    private static Predicate equal(Side side, ResolvedColumn pairColumn) {
        ColumnInfo key = new ColumnInfo(side.key(), "long", null, null, null, null, null, null);
        ResolvedColumn tableKey = new ResolvedColumn(Span.NONE, Optional.of(side.table().correlation()), side.key(), key);
        return new Comparison(Span.NONE, ComparisonOperator.EQUAL, tableKey, pairColumn);
    }

    private static Predicate equal(Side side, CteTable pairs, String pairColumn) {
        return equal(side, Internal.pairsColumn(pairs, pairColumn));
    }

    /** A correlation name no FROM item of {@code s} uses. */
    private static String freeName(SelectQuery s) {
        List<String> taken = new ArrayList<>();
        org.pzvo.adql.ast.Nodes.walk(s, node -> {
            if (node instanceof ResolvedTable t) {
                taken.add(t.correlation());
            } else if (node instanceof CteTable t) {
                taken.add(t.correlation());
            } else if (node instanceof org.pzvo.adql.ast.DerivedTable t) {
                taken.add(t.alias().text());
            }
        });
        String name = "pzvo_pairs";
        for (int i = 2; taken.contains(name); i++) {
            name = "pzvo_pairs" + i;
        }
        return name;
    }
}
