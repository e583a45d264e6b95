// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * An {@link AstVisitor} that delegates every node to its category ({@link #visitQuery},
 * {@link #visitSelectItem}, {@link #visitFromItem}, {@link #visitExpr}, {@link #visitPredicate}) and
 * every category to {@link #visitNode}, which returns {@code null}. Override only what matters.
 *
 * @param <R> the result type
 */
public abstract class DefaultVisitor<R> implements AstVisitor<R> {

    /** Fallback for every node; returns {@code null}. */
    protected R visitNode(Node node) {
        return null;
    }

    /** Fallback for every {@link Query}; delegates to {@link #visitNode}. */
    protected R visitQuery(Query node) {
        return visitNode(node);
    }

    /** Fallback for every {@link SelectItem}; delegates to {@link #visitNode}. */
    protected R visitSelectItem(SelectItem node) {
        return visitNode(node);
    }

    /** Fallback for every {@link FromItem}; delegates to {@link #visitNode}. */
    protected R visitFromItem(FromItem node) {
        return visitNode(node);
    }

    /** Fallback for every {@link Expr}; delegates to {@link #visitNode}. */
    protected R visitExpr(Expr node) {
        return visitNode(node);
    }

    /** Fallback for every {@link Predicate}; delegates to {@link #visitNode}. */
    protected R visitPredicate(Predicate node) {
        return visitNode(node);
    }

    @Override
    public R visitSelectQuery(SelectQuery node) {
        return visitQuery(node);
    }

    @Override
    public R visitSetQuery(SetQuery node) {
        return visitQuery(node);
    }

    @Override
    public R visitWithQuery(WithQuery node) {
        return visitQuery(node);
    }

    @Override
    public R visitCommonTableExpr(CommonTableExpr node) {
        return visitNode(node);
    }

    @Override
    public R visitOrderItem(OrderItem node) {
        return visitNode(node);
    }

    @Override
    public R visitDerivedColumn(DerivedColumn node) {
        return visitSelectItem(node);
    }

    @Override
    public R visitAllColumns(AllColumns node) {
        return visitSelectItem(node);
    }

    @Override
    public R visitTableRef(TableRef node) {
        return visitFromItem(node);
    }

    @Override
    public R visitDerivedTable(DerivedTable node) {
        return visitFromItem(node);
    }

    @Override
    public R visitJoin(Join node) {
        return visitFromItem(node);
    }

    @Override
    public R visitResolvedTable(ResolvedTable node) {
        return visitFromItem(node);
    }

    @Override
    public R visitCteTable(CteTable node) {
        return visitFromItem(node);
    }

    @Override
    public R visitColumnRef(ColumnRef node) {
        return visitExpr(node);
    }

    @Override
    public R visitResolvedColumn(ResolvedColumn node) {
        return visitExpr(node);
    }

    @Override
    public R visitOutputColumnRef(OutputColumnRef node) {
        return visitExpr(node);
    }

    @Override
    public R visitNumericLiteral(NumericLiteral node) {
        return visitExpr(node);
    }

    @Override
    public R visitStringLiteral(StringLiteral node) {
        return visitExpr(node);
    }

    @Override
    public R visitBooleanLiteral(BooleanLiteral node) {
        return visitExpr(node);
    }

    @Override
    public R visitNullLiteral(NullLiteral node) {
        return visitExpr(node);
    }

    @Override
    public R visitUnary(Unary node) {
        return visitExpr(node);
    }

    @Override
    public R visitBinary(Binary node) {
        return visitExpr(node);
    }

    @Override
    public R visitBuiltinCall(BuiltinCall node) {
        return visitExpr(node);
    }

    @Override
    public R visitAggregate(Aggregate node) {
        return visitExpr(node);
    }

    @Override
    public R visitUdfCall(UdfCall node) {
        return visitExpr(node);
    }

    @Override
    public R visitCast(Cast node) {
        return visitExpr(node);
    }

    @Override
    public R visitSimpleCase(SimpleCase node) {
        return visitExpr(node);
    }

    @Override
    public R visitSearchedCase(SearchedCase node) {
        return visitExpr(node);
    }

    @Override
    public R visitCoalesce(Coalesce node) {
        return visitExpr(node);
    }

    @Override
    public R visitInUnit(InUnit node) {
        return visitExpr(node);
    }

    @Override
    public R visitScalarSubquery(ScalarSubquery node) {
        return visitExpr(node);
    }

    @Override
    public R visitPoint(Point node) {
        return visitExpr(node);
    }

    @Override
    public R visitCircle(Circle node) {
        return visitExpr(node);
    }

    @Override
    public R visitBox(Box node) {
        return visitExpr(node);
    }

    @Override
    public R visitPolygon(Polygon node) {
        return visitExpr(node);
    }

    @Override
    public R visitRegion(Region node) {
        return visitExpr(node);
    }

    @Override
    public R visitAnd(And node) {
        return visitPredicate(node);
    }

    @Override
    public R visitOr(Or node) {
        return visitPredicate(node);
    }

    @Override
    public R visitNot(Not node) {
        return visitPredicate(node);
    }

    @Override
    public R visitComparison(Comparison node) {
        return visitPredicate(node);
    }

    @Override
    public R visitBetween(Between node) {
        return visitPredicate(node);
    }

    @Override
    public R visitLike(Like node) {
        return visitPredicate(node);
    }

    @Override
    public R visitInList(InList node) {
        return visitPredicate(node);
    }

    @Override
    public R visitInSubquery(InSubquery node) {
        return visitPredicate(node);
    }

    @Override
    public R visitExists(Exists node) {
        return visitPredicate(node);
    }

    @Override
    public R visitIsNull(IsNull node) {
        return visitPredicate(node);
    }

    @Override
    public R visitBooleanValue(BooleanValue node) {
        return visitPredicate(node);
    }
}
