// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * One method per AST record and no defaults, so that adding a node breaks the compile of every
 * implementation (renderers, printer, checker). Use {@link DefaultVisitor} for analyses that care
 * about only a few nodes.
 *
 * @param <R> the result type
 */
public interface AstVisitor<R> {
    R visitSelectQuery(SelectQuery node);

    R visitSetQuery(SetQuery node);

    R visitWithQuery(WithQuery node);

    R visitCommonTableExpr(CommonTableExpr node);

    R visitOrderItem(OrderItem node);

    R visitDerivedColumn(DerivedColumn node);

    R visitAllColumns(AllColumns node);

    R visitTableRef(TableRef node);

    R visitDerivedTable(DerivedTable node);

    R visitJoin(Join node);

    R visitResolvedTable(ResolvedTable node);

    R visitCteTable(CteTable node);

    R visitColumnRef(ColumnRef node);

    R visitResolvedColumn(ResolvedColumn node);

    R visitOutputColumnRef(OutputColumnRef node);

    R visitNumericLiteral(NumericLiteral node);

    R visitStringLiteral(StringLiteral node);

    R visitBooleanLiteral(BooleanLiteral node);

    R visitNullLiteral(NullLiteral node);

    R visitUnary(Unary node);

    R visitBinary(Binary node);

    R visitBuiltinCall(BuiltinCall node);

    R visitAggregate(Aggregate node);

    R visitUdfCall(UdfCall node);

    R visitCast(Cast node);

    R visitSimpleCase(SimpleCase node);

    R visitSearchedCase(SearchedCase node);

    R visitCoalesce(Coalesce node);

    R visitInUnit(InUnit node);

    R visitScalarSubquery(ScalarSubquery node);

    R visitPoint(Point node);

    R visitCircle(Circle node);

    R visitBox(Box node);

    R visitPolygon(Polygon node);

    R visitRegion(Region node);

    R visitAnd(And node);

    R visitOr(Or node);

    R visitNot(Not node);

    R visitComparison(Comparison node);

    R visitBetween(Between node);

    R visitLike(Like node);

    R visitInList(InList node);

    R visitInSubquery(InSubquery node);

    R visitExists(Exists node);

    R visitIsNull(IsNull node);

    R visitBooleanValue(BooleanValue node);
}
