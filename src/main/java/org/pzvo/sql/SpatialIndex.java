// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.pzvo.adql.ast.*;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.sky.Coverage;
import org.pzvo.sky.Spherical;

/**
 * Pass: HEALPix index predicates for spatial conditions (DESIGN.md "HEALPix everywhere"). For
 * every conjunct of a WHERE clause (and of the ON clause of an inner join that is not under an
 * outer join) of the form
 * <ul>
 *   <li>{@code CONTAINS(POINT(t.ra, t.dec), shape) = 1}, {@code 1 = CONTAINS(...)},
 *       {@code INTERSECTS(POINT(t.ra, t.dec), shape) = 1} (either argument order), or</li>
 *   <li>{@code DISTANCE(POINT(t.ra, t.dec), POINT(x, y)) < r} (or {@code <=}, either argument
 *       order, or {@code r > DISTANCE(...)}),</li>
 * </ul>
 * where {@code t} is a table of this FROM clause with a {@link PositionIndex} on exactly those
 * columns, a predicate on {@code t}'s order-29 index is ANDed to the WHERE clause; the original
 * conjunct stays as the exact test. The added predicate is implied by the conjunct (its ranges
 * are a superset of the shape), so the result is unchanged whatever the join types.
 * <ul>
 *   <li>Constant circle, box or polygon: the ranges of {@link Coverage} (at most
 *       {@value #MAX_RANGES}), as an OR of {@code hpx >= lo AND hpx < hi} where the engine indexes
 *       such an OR ({@link SqlDialect#indexesRangeDisjunction()}), else joined from an integer
 *       series over a constant array, one index range scan per range.</li>
 *   <li>Circle whose centre or radius come from other tables or an outer query (a positional
 *       join): {@code pzvo_cone_cells(x, y, r)} (the cell containing the centre at an order whose
 *       cells are larger than r, and its neighbours: at most {@value #CONE_CELL_RANGES} ranges),
 *       joined from a series of 1..9, so each outer row drives up to nine index range scans.</li>
 * </ul>
 * {@code = 0} forms get no index predicate (the complement of a cone is most of the sky).
 */
final class SpatialIndex {
    /** Range budget of constant shapes: enough for a tight cover, few enough to plan quickly. */
    static final int MAX_RANGES = 16;
    /** pzvo_cone_cells returns at most 9 ranges (a cell and its 8 neighbours). */
    static final int CONE_CELL_RANGES = 9;
    /**
     * The smallest radius given to Coverage.circle (3.6 mas): it wants a positive radius, and for
     * radii below about 1e-7 deg it would search at order 29, which CDS BMOCs refuse. A larger
     * radius only widens the ranges; the exact test still decides.
     */
    private static final double MIN_RADIUS_DEG = 1e-6;

    private final SqlDialect dialect;
    private final Set<String> taken;
    private int nextName = 1;

    private SpatialIndex(SqlDialect dialect, Set<String> taken) {
        this.dialect = dialect;
        this.taken = taken;
    }

    static Query apply(Query query, SqlDialect dialect) {
        Set<String> correlations = new HashSet<>();
        Nodes.walk(query, node -> {
            if (node instanceof ResolvedTable t) {
                correlations.add(t.correlation());
            } else if (node instanceof CteTable t) {
                correlations.add(t.correlation());
            } else if (node instanceof DerivedTable t) {
                correlations.add(t.alias().text());
            }
        });
        SpatialIndex pass = new SpatialIndex(dialect, correlations);
        return BottomUp.rewrite(query, node -> node instanceof SelectQuery s ? pass.select(s) : node);
    }

    /** A table with a position index, as seen from this FROM clause. */
    private record Indexed(ResolvedTable table, PositionIndex index, ResolvedColumn healpix) {
    }

    private SelectQuery select(SelectQuery s) {
        Map<String, Indexed> indexed = new LinkedHashMap<>();
        List<Predicate> conjuncts = new ArrayList<>();
        s.where().ifPresent(w -> conjuncts(w, conjuncts));
        for (FromItem item : s.from()) {
            scan(item, true, indexed, conjuncts);
        }
        if (indexed.isEmpty()) {
            return s;
        }
        List<Predicate> added = new ArrayList<>();
        List<FromItem> series = new ArrayList<>();
        for (Predicate p : conjuncts) {
            index(p, indexed, added, series);
        }
        if (added.isEmpty()) {
            return s;
        }
        Predicate where = s.where().orElse(null);
        for (Predicate p : added) {
            where = where == null ? p : new And(Span.NONE, where, p);
        }
        List<FromItem> from = new ArrayList<>(s.from());
        from.addAll(series);
        return new SelectQuery(s.span(), s.distinct(), s.top(), s.items(), from, Optional.of(where), s.groupBy(),
                s.having(), s.orderBy(), s.offset());
    }

    /** Collects indexed tables of a FROM item, and ON conjuncts of inner joins whose rows all reach the result. */
    private static void scan(FromItem item, boolean innerPath, Map<String, Indexed> indexed, List<Predicate> conjuncts) {
        if (item instanceof ResolvedTable t && t.table().position().isPresent()) {
            PositionIndex p = t.table().position().get();
            for (ColumnInfo c : t.table().columns()) {
                if (c.name().equals(p.healpixColumn())) {
                    ResolvedColumn hpx = new ResolvedColumn(Span.NONE, Optional.of(t.correlation()), c.name(), c);
                    indexed.put(t.correlation(), new Indexed(t, p, hpx));
                }
            }
        } else if (item instanceof Join j) {
            boolean inner = innerPath && j.type() == JoinType.INNER;
            if (inner) {
                j.on().ifPresent(on -> conjuncts(on, conjuncts));
            }
            scan(j.left(), innerPath && !j.type().nullsLeft(), indexed, conjuncts);
            scan(j.right(), innerPath && !j.type().nullsRight(), indexed, conjuncts);
        }
    }

    /** Adds the conjuncts of {@code p} (split at AND) to {@code out}. */
    static void conjuncts(Predicate p, List<Predicate> out) {
        if (p instanceof And a) {
            conjuncts(a.left(), out);
            conjuncts(a.right(), out);
        } else {
            out.add(p);
        }
    }

    // ------------------------------------------------------------------ matching

    private void index(Predicate p, Map<String, Indexed> indexed, List<Predicate> added, List<FromItem> series) {
        if (!(p instanceof Comparison c)) {
            return;
        }
        if (c.operator() == ComparisonOperator.EQUAL) {
            Expr call = Constants.isInteger(c.right(), 1) ? c.left() : Constants.isInteger(c.left(), 1) ? c.right() : null;
            if (call instanceof BuiltinCall b && (b.function() == BuiltinFunction.CONTAINS
                    || b.function() == BuiltinFunction.INTERSECTS)) {
                shapeTest(b, indexed, added, series);
            }
            return;
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
                return;
            }
        }
        if (distance instanceof BuiltinCall d && d.function() == BuiltinFunction.DISTANCE) {
            for (int i = 0; i < 2; i++) {
                Optional<Indexed> t = indexedPoint(d.args().get(i), indexed);
                Expr other = d.args().get(1 - i);
                if (t.isPresent() && Geometry.kind(other) == Geometry.Kind.POINT && independent(other, t.get())
                        && independent(radius, t.get())) {
                    circle(t.get(), other, radius, added, series);
                    return;
                }
            }
        }
    }

    private void shapeTest(BuiltinCall b, Map<String, Indexed> indexed, List<Predicate> added, List<FromItem> series) {
        for (int i = 0; i < 2; i++) {
            if (i == 1 && b.function() == BuiltinFunction.CONTAINS) {
                return;
            }
            Optional<Indexed> t = indexedPoint(b.args().get(i), indexed);
            Expr shape = b.args().get(1 - i);
            if (t.isPresent() && independent(shape, t.get())) {
                if (shape instanceof Circle circle) {
                    circle(t.get(), circle.center(), circle.radius(), added, series);
                } else if (shape instanceof Box box) {
                    constantPolygon(t.get(), boxVertices(box), added, series);
                } else if (shape instanceof Polygon polygon) {
                    constantPolygon(t.get(), vertices(polygon), added, series);
                }
                return;
            }
        }
    }

    /** The indexed table whose exact position columns {@code e} is a POINT of. */
    private static Optional<Indexed> indexedPoint(Expr e, Map<String, Indexed> indexed) {
        if (e instanceof Point p && p.x() instanceof ResolvedColumn x && p.y() instanceof ResolvedColumn y
                && x.correlation().isPresent() && x.correlation().equals(y.correlation())) {
            Indexed t = indexed.get(x.correlation().get());
            if (t != null && x.column().equals(t.index().raColumn()) && y.column().equals(t.index().decColumn())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} can be evaluated before {@code t}'s rows are read (it names no column of t). */
    private static boolean independent(Expr e, Indexed t) {
        boolean[] uses = {false};
        Nodes.walk(e, node -> uses[0] |= node instanceof ResolvedColumn c
                && c.correlation().equals(Optional.of(t.table().correlation())));
        return !uses[0];
    }

    // ------------------------------------------------------------------ predicates

    private void circle(Indexed t, Expr centre, Expr radius, List<Predicate> added, List<FromItem> series) {
        OptionalDouble x = Constants.value(Geometry.x(centre));
        OptionalDouble y = Constants.value(Geometry.y(centre));
        OptionalDouble r = Constants.value(radius);
        if (x.isPresent() && y.isPresent() && r.isPresent()) {
            double radiusDeg = Math.max(r.getAsDouble(), MIN_RADIUS_DEG);
            if (r.getAsDouble() >= 0) {
                constantRanges(t, () -> {
                    try {
                        return Coverage.circle(x.getAsDouble(), y.getAsDouble(), radiusDeg, MAX_RANGES);
                    } catch (IllegalArgumentException cdsLimit) {
                        // Still a superset: the centre's cell and its neighbours at a coarser order.
                        return Coverage.coneCells(x.getAsDouble(), y.getAsDouble(), radiusDeg);
                    }
                }, added, series);
            }
            return;
        }
        Expr safeRadius = r.isPresent() ? radius
                : Internal.sql("GREATEST", List.of(radius, Internal.integer(0)));
        Expr cells = Internal.sql("pzvo_cone_cells", List.of(Geometry.x(centre), Geometry.y(centre), safeRadius));
        if (dialect.supportsLateral()) {
            DerivedTable lateral = Internal.lateral(newName("pzvo_c"), cells);
            series.add(lateral);
            cells = Internal.lateralColumn(lateral);
        }
        CteTable k = newSeries(CONE_CELL_RANGES);
        series.add(k);
        ResolvedColumn kk = Internal.seriesColumn(k);
        Expr half = new Binary(Span.NONE, BinaryOperator.DIVIDE, Internal.cardinality(cells), Internal.integer(2));
        // Never NULL: H2 2.3 fails ("Unexpected code path") when a NULL bound reaches SYSTEM_RANGE's index.
        Expr count = new Coalesce(Span.NONE, List.of(half, Internal.integer(0)));
        added.add(new Comparison(Span.NONE, ComparisonOperator.LESS_THAN_OR_EQUAL, kk, count));
        added.add(rangeFromSeries(t, cells, kk, true));
    }

    private void constantPolygon(Indexed t, Optional<double[]> vertices, List<Predicate> added, List<FromItem> series) {
        vertices.ifPresent(v -> constantRanges(t, () -> Coverage.polygon(v, MAX_RANGES), added, series));
    }

    private interface RangeSource {
        long[] ranges();
    }

    private void constantRanges(Indexed t, RangeSource source, List<Predicate> added, List<FromItem> series) {
        long[] ranges;
        try {
            ranges = source.ranges();
        } catch (IllegalArgumentException invalidShape) {
            // Not a shape Coverage accepts (pole-crossing box, bad polygon...): the exact test alone decides.
            return;
        }
        if (ranges.length == 2 && ranges[0] == 0 && ranges[1] == 12L << 58) {
            return;
        }
        if (ranges.length == 2 || dialect.indexesRangeDisjunction()) {
            Predicate any = null;
            for (int i = 0; i < ranges.length; i += 2) {
                Predicate one = between(t, Internal.integer(ranges[i]), Internal.integer(ranges[i + 1]));
                any = any == null ? one : new Or(Span.NONE, any, one);
            }
            added.add(any);
            return;
        }
        List<Expr> bounds = new ArrayList<>();
        for (long bound : ranges) {
            bounds.add(Internal.integer(bound));
        }
        CteTable k = newSeries(ranges.length / 2);
        series.add(k);
        added.add(rangeFromSeries(t, Internal.array(bounds), Internal.seriesColumn(k), false));
    }

    /** {@code hpx >= ranges[2k-1] AND hpx < ranges[2k]}; {@code mayBeShort} when k can exceed the ranges. */
    private static Predicate rangeFromSeries(Indexed t, Expr ranges, ResolvedColumn k, boolean mayBeShort) {
        Expr twoK = new Binary(Span.NONE, BinaryOperator.MULTIPLY, Internal.integer(2), k);
        Expr twoKMinusOne = new Binary(Span.NONE, BinaryOperator.SUBTRACT, twoK, Internal.integer(1));
        Expr lo = mayBeShort ? Internal.elementOrNull(ranges, twoKMinusOne) : Internal.element(ranges, twoKMinusOne);
        Expr hi = mayBeShort ? Internal.elementOrNull(ranges, twoK) : Internal.element(ranges, twoK);
        return between(t, lo, hi);
    }

    private static Predicate between(Indexed t, Expr lo, Expr hi) {
        return new And(Span.NONE,
                new Comparison(Span.NONE, ComparisonOperator.GREATER_THAN_OR_EQUAL, t.healpix(), lo),
                new Comparison(Span.NONE, ComparisonOperator.LESS_THAN, t.healpix(), hi));
    }

    private CteTable newSeries(int count) {
        return Internal.series(newName("pzvo_k"), count);
    }

    /** A correlation name used nowhere in the query. */
    private String newName(String prefix) {
        String name;
        do {
            name = prefix + nextName++;
        } while (taken.contains(name));
        taken.add(name);
        return name;
    }

    private static Optional<double[]> boxVertices(Box box) {
        if (!(box.center() instanceof Point c)) {
            return Optional.empty();
        }
        OptionalDouble x = Constants.value(c.x());
        OptionalDouble y = Constants.value(c.y());
        OptionalDouble w = Constants.value(box.width());
        OptionalDouble h = Constants.value(box.height());
        if (x.isEmpty() || y.isEmpty() || w.isEmpty() || h.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Spherical.boxPolygon(x.getAsDouble(), y.getAsDouble(), w.getAsDouble(), h.getAsDouble()));
        } catch (IllegalArgumentException invalidBox) {
            return Optional.empty();
        }
    }

    private static Optional<double[]> vertices(Polygon polygon) {
        double[] v = new double[2 * polygon.vertices().size()];
        for (int i = 0; i < polygon.vertices().size(); i++) {
            if (!(polygon.vertices().get(i) instanceof Point p)) {
                return Optional.empty();
            }
            OptionalDouble x = Constants.value(p.x());
            OptionalDouble y = Constants.value(p.y());
            if (x.isEmpty() || y.isEmpty()) {
                return Optional.empty();
            }
            v[2 * i] = x.getAsDouble();
            v[2 * i + 1] = y.getAsDouble();
        }
        return Optional.of(v);
    }
}
