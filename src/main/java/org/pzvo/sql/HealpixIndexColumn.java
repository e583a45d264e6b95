// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pzvo.adql.ast.Between;
import org.pzvo.adql.ast.Binary;
import org.pzvo.adql.ast.BinaryOperator;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.CastType;
import org.pzvo.adql.ast.Expr;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.ResolvedTable;
import org.pzvo.adql.ast.SearchedCase;
import org.pzvo.adql.ast.SearchedWhen;
import org.pzvo.adql.ast.Span;
import org.pzvo.adql.ast.UdfCall;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.PositionIndex;

/**
 * Pass: {@code ivo_healpix_index(k, t.ra, t.dec)} on the position columns of a table with an
 * order-29 index becomes {@code t.hpx29 / 4^(29-k)}: the NESTED parent at order k is the order-29
 * index shifted right by 2(29-k) bits (DESIGN.md "a cell at any coarser order k is the range
 * [p << 2(29-k), (p+1) << 2(29-k))"). Same value, cell edges included, without computing a hash
 * per row (about 15 µs per row in PL/pgSQL). A non-constant order gives NULL outside 0..29, where
 * the function would raise an error. Correlation names are unique in a checked query, so a column
 * finds its table by correlation alone.
 */
final class HealpixIndexColumn {
    private HealpixIndexColumn() {
    }

    static Query apply(Query query) {
        Map<String, ResolvedTable> tables = new HashMap<>();
        Nodes.walk(query, node -> {
            if (node instanceof ResolvedTable t) {
                tables.put(t.correlation(), t);
            }
        });
        return BottomUp.rewrite(query, node -> node instanceof UdfCall u
                && u.name().equalsIgnoreCase("ivo_healpix_index") ? shortcut(u, tables) : node);
    }

    private static Node shortcut(UdfCall call, Map<String, ResolvedTable> tables) {
        Optional<ResolvedColumn> hpx = indexColumn(call.args().get(1), call.args().get(2), tables);
        if (hpx.isEmpty()) {
            return call;
        }
        Expr order = call.args().get(0);
        OptionalDouble k = Constants.value(order);
        if (k.isPresent() && Types.integral(order)) {
            long depth = (long) k.getAsDouble();
            if (depth < 0 || depth > 29) {
                return call;
            }
            return depth == 29 ? hpx.get()
                    : new Binary(call.span(), BinaryOperator.DIVIDE, hpx.get(), Internal.integer(1L << (2 * (29 - depth))));
        }
        Expr exponent = new Binary(Span.NONE, BinaryOperator.SUBTRACT, Internal.integer(29), order);
        Expr divisor = new Cast(Span.NONE, new BuiltinCall(Span.NONE, BuiltinFunction.POWER,
                List.of(Internal.integer(4), exponent)), CastType.BIGINT, -1);
        Expr parent = new Binary(call.span(), BinaryOperator.DIVIDE, hpx.get(), divisor);
        Between valid = new Between(Span.NONE, false, order, Internal.integer(0), Internal.integer(29));
        return new SearchedCase(call.span(), List.of(new SearchedWhen(Span.NONE, valid, parent)), Optional.empty());
    }

    /** The order-29 index column that goes with the position (ra, dec), when they are a table's indexed position. */
    private static Optional<ResolvedColumn> indexColumn(Expr ra, Expr dec, Map<String, ResolvedTable> tables) {
        if (!(ra instanceof ResolvedColumn r) || !(dec instanceof ResolvedColumn d) || r.correlation().isEmpty()
                || !r.correlation().equals(d.correlation())) {
            return Optional.empty();
        }
        ResolvedTable table = tables.get(r.correlation().get());
        if (table == null || table.table().position().isEmpty()) {
            return Optional.empty();
        }
        PositionIndex p = table.table().position().get();
        if (!r.column().equals(p.raColumn()) || !d.column().equals(p.decColumn())) {
            return Optional.empty();
        }
        for (ColumnInfo c : table.table().columns()) {
            if (c.name().equals(p.healpixColumn())) {
                return Optional.of(new ResolvedColumn(Span.NONE, r.correlation(), c.name(), c));
            }
        }
        return Optional.empty();
    }
}
