// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pzvo.adql.ast.*;

/**
 * Rebuilds a tree bottom-up: the children of each node are rewritten first, the node is rebuilt
 * only if a child changed, and then {@code rule} is applied to it. A rule returns its argument when
 * it has nothing to do, so a tree the rule never touches comes back as the same instance
 * (passes rely on that). The rule must return a node of the same category (an {@link Expr} for an
 * {@link Expr}, and so on).
 */
final class BottomUp implements AstVisitor<Node> {
    private final UnaryOperator<Node> rule;

    private BottomUp(UnaryOperator<Node> rule) {
        this.rule = rule;
    }

    /** Applies {@code rule} to every node of {@code query}, children first. */
    static Query rewrite(Query query, UnaryOperator<Node> rule) {
        return (Query) query.accept(new BottomUp(rule));
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T go(T node) {
        return (T) node.accept(this);
    }

    private <T extends Node> List<T> all(List<T> nodes) {
        List<T> out = null;
        for (int i = 0; i < nodes.size(); i++) {
            T n = go(nodes.get(i));
            if (n != nodes.get(i) && out == null) {
                out = new ArrayList<>(nodes.subList(0, i));
            }
            if (out != null) {
                out.add(n);
            }
        }
        return out == null ? nodes : out;
    }

    private <T extends Node> Optional<T> opt(Optional<T> node) {
        if (node.isEmpty()) {
            return node;
        }
        T n = go(node.get());
        return n == node.get() ? node : Optional.of(n);
    }

    private static boolean same(Object a, Object b) {
        return a == b;
    }

    private Node done(Node node) {
        return rule.apply(node);
    }

    @Override
    public Node visitSelectQuery(SelectQuery n) {
        List<SelectItem> items = all(n.items());
        List<FromItem> from = all(n.from());
        Optional<Predicate> where = opt(n.where());
        List<Expr> groupBy = all(n.groupBy());
        Optional<Predicate> having = opt(n.having());
        List<OrderItem> orderBy = all(n.orderBy());
        boolean same = same(items, n.items()) && same(from, n.from()) && same(where, n.where())
                && same(groupBy, n.groupBy()) && same(having, n.having()) && same(orderBy, n.orderBy());
        return done(same ? n : new SelectQuery(n.span(), n.distinct(), n.top(), items, from, where, groupBy,
                having, orderBy, n.offset()));
    }

    @Override
    public Node visitSetQuery(SetQuery n) {
        Query left = go(n.left());
        Query right = go(n.right());
        List<OrderItem> orderBy = all(n.orderBy());
        boolean same = left == n.left() && right == n.right() && same(orderBy, n.orderBy());
        return done(same ? n : new SetQuery(n.span(), n.operator(), n.all(), left, right, orderBy, n.offset()));
    }

    @Override
    public Node visitWithQuery(WithQuery n) {
        List<CommonTableExpr> ctes = all(n.ctes());
        Query body = go(n.body());
        return done(same(ctes, n.ctes()) && body == n.body() ? n : new WithQuery(n.span(), ctes, body));
    }

    @Override
    public Node visitCommonTableExpr(CommonTableExpr n) {
        Query q = go(n.query());
        return done(q == n.query() ? n : new CommonTableExpr(n.span(), n.name(), n.columns(), q));
    }

    @Override
    public Node visitOrderItem(OrderItem n) {
        Expr key = go(n.key());
        return done(key == n.key() ? n : new OrderItem(n.span(), key, n.descending()));
    }

    @Override
    public Node visitDerivedColumn(DerivedColumn n) {
        Expr e = go(n.expr());
        return done(e == n.expr() ? n : new DerivedColumn(n.span(), e, n.alias()));
    }

    @Override
    public Node visitAllColumns(AllColumns n) {
        return done(n);
    }

    @Override
    public Node visitTableRef(TableRef n) {
        return done(n);
    }

    @Override
    public Node visitDerivedTable(DerivedTable n) {
        Query q = go(n.query());
        return done(q == n.query() ? n : new DerivedTable(n.span(), q, n.alias()));
    }

    @Override
    public Node visitJoin(Join n) {
        FromItem left = go(n.left());
        FromItem right = go(n.right());
        Optional<Predicate> on = opt(n.on());
        boolean same = left == n.left() && right == n.right() && same(on, n.on());
        return done(same ? n : new Join(n.span(), n.type(), n.natural(), left, right, on, n.using()));
    }

    @Override
    public Node visitResolvedTable(ResolvedTable n) {
        return done(n);
    }

    @Override
    public Node visitCteTable(CteTable n) {
        return done(n);
    }

    @Override
    public Node visitColumnRef(ColumnRef n) {
        return done(n);
    }

    @Override
    public Node visitResolvedColumn(ResolvedColumn n) {
        return done(n);
    }

    @Override
    public Node visitOutputColumnRef(OutputColumnRef n) {
        return done(n);
    }

    @Override
    public Node visitNumericLiteral(NumericLiteral n) {
        return done(n);
    }

    @Override
    public Node visitStringLiteral(StringLiteral n) {
        return done(n);
    }

    @Override
    public Node visitBooleanLiteral(BooleanLiteral n) {
        return done(n);
    }

    @Override
    public Node visitNullLiteral(NullLiteral n) {
        return done(n);
    }

    @Override
    public Node visitUnary(Unary n) {
        Expr e = go(n.operand());
        return done(e == n.operand() ? n : new Unary(n.span(), n.operator(), e));
    }

    @Override
    public Node visitBinary(Binary n) {
        Expr l = go(n.left());
        Expr r = go(n.right());
        return done(l == n.left() && r == n.right() ? n : new Binary(n.span(), n.operator(), l, r));
    }

    @Override
    public Node visitBuiltinCall(BuiltinCall n) {
        List<Expr> args = all(n.args());
        return done(same(args, n.args()) ? n : new BuiltinCall(n.span(), n.function(), args));
    }

    @Override
    public Node visitAggregate(Aggregate n) {
        Optional<Expr> arg = opt(n.arg());
        return done(same(arg, n.arg()) ? n : new Aggregate(n.span(), n.function(), n.distinct(), arg));
    }

    @Override
    public Node visitUdfCall(UdfCall n) {
        List<Expr> args = all(n.args());
        return done(same(args, n.args()) ? n : new UdfCall(n.span(), n.name(), args));
    }

    @Override
    public Node visitCast(Cast n) {
        Expr v = go(n.value());
        return done(v == n.value() ? n : new Cast(n.span(), v, n.type(), n.length()));
    }

    @Override
    public Node visitSimpleCase(SimpleCase n) {
        Expr operand = go(n.operand());
        boolean same = operand == n.operand();
        List<SimpleWhen> whens = new ArrayList<>();
        for (SimpleWhen w : n.whens()) {
            Expr v = go(w.value());
            Expr r = go(w.result());
            same &= v == w.value() && r == w.result();
            whens.add(v == w.value() && r == w.result() ? w : new SimpleWhen(w.span(), v, r));
        }
        Optional<Expr> otherwise = opt(n.elseResult());
        same &= same(otherwise, n.elseResult());
        return done(same ? n : new SimpleCase(n.span(), operand, whens, otherwise));
    }

    @Override
    public Node visitSearchedCase(SearchedCase n) {
        boolean same = true;
        List<SearchedWhen> whens = new ArrayList<>();
        for (SearchedWhen w : n.whens()) {
            Predicate c = go(w.condition());
            Expr r = go(w.result());
            same &= c == w.condition() && r == w.result();
            whens.add(c == w.condition() && r == w.result() ? w : new SearchedWhen(w.span(), c, r));
        }
        Optional<Expr> otherwise = opt(n.elseResult());
        same &= same(otherwise, n.elseResult());
        return done(same ? n : new SearchedCase(n.span(), whens, otherwise));
    }

    @Override
    public Node visitCoalesce(Coalesce n) {
        List<Expr> args = all(n.args());
        return done(same(args, n.args()) ? n : new Coalesce(n.span(), args));
    }

    @Override
    public Node visitInUnit(InUnit n) {
        Expr v = go(n.value());
        return done(v == n.value() ? n : new InUnit(n.span(), v, n.unit()));
    }

    @Override
    public Node visitScalarSubquery(ScalarSubquery n) {
        Query q = go(n.query());
        return done(q == n.query() ? n : new ScalarSubquery(n.span(), q));
    }

    @Override
    public Node visitPoint(Point n) {
        Optional<Expr> sys = opt(n.coordSys());
        Expr x = go(n.x());
        Expr y = go(n.y());
        boolean same = same(sys, n.coordSys()) && x == n.x() && y == n.y();
        return done(same ? n : new Point(n.span(), sys, x, y));
    }

    @Override
    public Node visitCircle(Circle n) {
        Optional<Expr> sys = opt(n.coordSys());
        Expr c = go(n.center());
        Expr r = go(n.radius());
        boolean same = same(sys, n.coordSys()) && c == n.center() && r == n.radius();
        return done(same ? n : new Circle(n.span(), sys, c, r));
    }

    @Override
    public Node visitBox(Box n) {
        Optional<Expr> sys = opt(n.coordSys());
        Expr c = go(n.center());
        Expr w = go(n.width());
        Expr h = go(n.height());
        boolean same = same(sys, n.coordSys()) && c == n.center() && w == n.width() && h == n.height();
        return done(same ? n : new Box(n.span(), sys, c, w, h));
    }

    @Override
    public Node visitPolygon(Polygon n) {
        Optional<Expr> sys = opt(n.coordSys());
        List<Expr> vertices = all(n.vertices());
        boolean same = same(sys, n.coordSys()) && same(vertices, n.vertices());
        return done(same ? n : new Polygon(n.span(), sys, vertices));
    }

    @Override
    public Node visitRegion(Region n) {
        Expr t = go(n.text());
        return done(t == n.text() ? n : new Region(n.span(), t));
    }

    @Override
    public Node visitAnd(And n) {
        Predicate l = go(n.left());
        Predicate r = go(n.right());
        return done(l == n.left() && r == n.right() ? n : new And(n.span(), l, r));
    }

    @Override
    public Node visitOr(Or n) {
        Predicate l = go(n.left());
        Predicate r = go(n.right());
        return done(l == n.left() && r == n.right() ? n : new Or(n.span(), l, r));
    }

    @Override
    public Node visitNot(Not n) {
        Predicate p = go(n.operand());
        return done(p == n.operand() ? n : new Not(n.span(), p));
    }

    @Override
    public Node visitComparison(Comparison n) {
        Expr l = go(n.left());
        Expr r = go(n.right());
        return done(l == n.left() && r == n.right() ? n : new Comparison(n.span(), n.operator(), l, r));
    }

    @Override
    public Node visitBetween(Between n) {
        Expr v = go(n.value());
        Expr lo = go(n.low());
        Expr hi = go(n.high());
        boolean same = v == n.value() && lo == n.low() && hi == n.high();
        return done(same ? n : new Between(n.span(), n.negated(), v, lo, hi));
    }

    @Override
    public Node visitLike(Like n) {
        Expr v = go(n.value());
        Expr p = go(n.pattern());
        boolean same = v == n.value() && p == n.pattern();
        return done(same ? n : new Like(n.span(), n.negated(), n.caseInsensitive(), v, p));
    }

    @Override
    public Node visitInList(InList n) {
        Expr v = go(n.value());
        List<Expr> values = all(n.values());
        boolean same = v == n.value() && same(values, n.values());
        return done(same ? n : new InList(n.span(), n.negated(), v, values));
    }

    @Override
    public Node visitInSubquery(InSubquery n) {
        Expr v = go(n.value());
        Query q = go(n.query());
        return done(v == n.value() && q == n.query() ? n : new InSubquery(n.span(), n.negated(), v, q));
    }

    @Override
    public Node visitExists(Exists n) {
        Query q = go(n.query());
        return done(q == n.query() ? n : new Exists(n.span(), q));
    }

    @Override
    public Node visitIsNull(IsNull n) {
        Expr v = go(n.value());
        return done(v == n.value() ? n : new IsNull(n.span(), n.negated(), v));
    }

    @Override
    public Node visitBooleanValue(BooleanValue n) {
        Expr v = go(n.value());
        return done(v == n.value() ? n : new BooleanValue(n.span(), v));
    }
}
