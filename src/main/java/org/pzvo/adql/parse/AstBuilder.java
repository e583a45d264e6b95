// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;

/**
 * Turns the ANTLR parse tree into the immutable AST (Trino's {@code AstBuilder} pattern). Errors the
 * grammar cannot express (arity, geometry argument forms, too many name parts, numbers out of
 * range) are thrown as {@link SyntaxErrors.Signal} carrying an {@link AdqlException} with the span
 * of the offending text. Not thread-safe; one instance per parse.
 */
final class AstBuilder extends ExprBuilder {
    /** Queries written in parentheses: their ORDER BY/OFFSET belong to them, not to a set operation. */
    private final Set<Query> parenthesised = Collections.newSetFromMap(new IdentityHashMap<>());

    // ------------------------------------------------------------------ queries

    Query build(AdqlParser.QueryContext ctx) {
        Query body = body(ctx.queryBody());
        if (ctx.withClause() == null) {
            return body;
        }
        return new WithQuery(span(ctx), list(ctx.withClause().withItem(), CommonTableExpr.class), body);
    }

    @Override
    public CommonTableExpr visitWithItem(AdqlParser.WithItemContext ctx) {
        List<Identifier> ids = list(ctx.identifier(), Identifier.class);
        return new CommonTableExpr(span(ctx), ids.get(0), ids.subList(1, ids.size()), body(ctx.queryBody()));
    }

    /** A complete query body: a trailing ORDER BY/OFFSET of its last select moves to the set operation. */
    private Query body(AdqlParser.QueryBodyContext ctx) {
        Query query = (Query) visit(ctx);
        if (!(query instanceof SetQuery set) || !set.orderBy().isEmpty() || set.offset() >= 0) {
            return query;
        }
        SelectQuery last = trailingSelect(set);
        if (last == null || (last.orderBy().isEmpty() && last.offset() < 0)) {
            return query;
        }
        SelectQuery stripped = new SelectQuery(last.span(), last.distinct(), last.top(), last.items(), last.from(),
                last.where(), last.groupBy(), last.having(), List.of(), -1);
        SetQuery rebuilt = (SetQuery) replaceTrailing(set, stripped);
        return new SetQuery(rebuilt.span(), rebuilt.operator(), rebuilt.all(), rebuilt.left(), rebuilt.right(),
                last.orderBy(), last.offset());
    }

    private SelectQuery trailingSelect(Query query) {
        if (parenthesised.contains(query)) {
            return null;
        }
        if (query instanceof SelectQuery select) {
            return select;
        }
        return query instanceof SetQuery set ? trailingSelect(set.right()) : null;
    }

    private Query replaceTrailing(Query query, SelectQuery replacement) {
        if (query instanceof SetQuery set) {
            return new SetQuery(set.span(), set.operator(), set.all(), set.left(),
                    replaceTrailing(set.right(), replacement), set.orderBy(), set.offset());
        }
        return replacement;
    }

    @Override
    public Query visitTermBody(AdqlParser.TermBodyContext ctx) {
        return (Query) visit(ctx.queryTerm());
    }

    @Override
    public Query visitSetBody(AdqlParser.SetBodyContext ctx) {
        SetOperator op = ctx.op.getType() == AdqlLexer.UNION ? SetOperator.UNION : SetOperator.EXCEPT;
        return new SetQuery(span(ctx), op, ctx.ALL() != null, (Query) visit(ctx.queryBody()),
                (Query) visit(ctx.queryTerm()), List.of(), -1);
    }

    @Override
    public Query visitPrimaryTerm(AdqlParser.PrimaryTermContext ctx) {
        return (Query) visit(ctx.queryPrimary());
    }

    @Override
    public Query visitIntersectTerm(AdqlParser.IntersectTermContext ctx) {
        return new SetQuery(span(ctx), SetOperator.INTERSECT, ctx.ALL() != null, (Query) visit(ctx.queryTerm()),
                (Query) visit(ctx.queryPrimary()), List.of(), -1);
    }

    @Override
    public Query visitSelectPrimary(AdqlParser.SelectPrimaryContext ctx) {
        return (Query) visit(ctx.selectQuery());
    }

    @Override
    public Query visitParenQuery(AdqlParser.ParenQueryContext ctx) {
        Query query = body(ctx.queryBody());
        parenthesised.add(query);
        return query;
    }

    @Override
    public Query visitSubquery(AdqlParser.SubqueryContext ctx) {
        return body(ctx.queryBody());
    }

    @Override
    public SelectQuery visitSelectQuery(AdqlParser.SelectQueryContext ctx) {
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        long top = ctx.top == null ? -1 : unsigned(ctx.UNSIGNED_INTEGER());
        List<SelectItem> items = list(ctx.selectItem(), SelectItem.class);
        List<FromItem> from = list(ctx.fromClause().tableReference(), FromItem.class);
        Optional<Predicate> where = ctx.whereClause() == null ? Optional.empty()
                : Optional.of(predicate(ctx.whereClause().searchCondition()));
        List<Expr> groupBy = ctx.groupByClause() == null ? List.of()
                : list(ctx.groupByClause().valueExpr(), Expr.class);
        Optional<Predicate> having = ctx.havingClause() == null ? Optional.empty()
                : Optional.of(predicate(ctx.havingClause().searchCondition()));
        List<OrderItem> orderBy = ctx.orderByClause() == null ? List.of()
                : list(ctx.orderByClause().sortSpec(), OrderItem.class);
        long offset = ctx.offsetClause() == null ? -1 : unsigned(ctx.offsetClause().UNSIGNED_INTEGER());
        return new SelectQuery(span(ctx), distinct, top, items, from, where, groupBy, having, orderBy, offset);
    }

    @Override
    public OrderItem visitSortSpec(AdqlParser.SortSpecContext ctx) {
        return new OrderItem(span(ctx), expr(ctx.valueExpr()), ctx.DESC() != null);
    }

    // ------------------------------------------------------------------ select list and FROM

    @Override
    public SelectItem visitAllColumns(AdqlParser.AllColumnsContext ctx) {
        return new AllColumns(span(ctx), Optional.empty());
    }

    @Override
    public SelectItem visitQualifiedAllColumns(AdqlParser.QualifiedAllColumnsContext ctx) {
        return new AllColumns(span(ctx), Optional.of(tableName(ctx.qualifiedName())));
    }

    @Override
    public SelectItem visitDerivedColumn(AdqlParser.DerivedColumnContext ctx) {
        return new DerivedColumn(span(ctx), expr(ctx.valueExpr()), optional(ctx.identifier(), Identifier.class));
    }

    private TableName tableName(AdqlParser.QualifiedNameContext ctx) {
        List<Identifier> parts = list(ctx.identifier(), Identifier.class);
        check(parts.size() <= 3, ctx, Messages.tooManyNameParts(ctx.getText()));
        int n = parts.size();
        return new TableName(span(ctx), n == 3 ? Optional.of(parts.get(0)) : Optional.empty(),
                n >= 2 ? Optional.of(parts.get(n - 2)) : Optional.empty(), parts.get(n - 1));
    }

    @Override
    public FromItem visitQualifiedJoin(AdqlParser.QualifiedJoinContext ctx) {
        FromItem left = (FromItem) visit(ctx.tableReference(0));
        FromItem right = (FromItem) visit(ctx.tableReference(1));
        JoinType type = joinType(ctx.joinType());
        if (ctx.joinSpec() instanceof AdqlParser.OnSpecContext on) {
            return new Join(span(ctx), type, false, left, right, Optional.of(predicate(on.searchCondition())),
                    List.of());
        }
        if (ctx.joinSpec() == null) {
            return new Join(span(ctx), type, false, left, right, Optional.empty(), List.of());
        }
        AdqlParser.UsingSpecContext using = (AdqlParser.UsingSpecContext) ctx.joinSpec();
        return new Join(span(ctx), type, false, left, right, Optional.empty(),
                list(using.identifier(), Identifier.class));
    }

    @Override
    public FromItem visitNaturalJoin(AdqlParser.NaturalJoinContext ctx) {
        return new Join(span(ctx), joinType(ctx.joinType()), true, (FromItem) visit(ctx.tableReference(0)),
                (FromItem) visit(ctx.tableReference(1)), Optional.empty(), List.of());
    }

    private static JoinType joinType(AdqlParser.JoinTypeContext ctx) {
        if (ctx == null || ctx.INNER() != null) {
            return JoinType.INNER;
        }
        return ctx.LEFT() != null ? JoinType.LEFT : ctx.RIGHT() != null ? JoinType.RIGHT : JoinType.FULL;
    }

    @Override
    public FromItem visitPrimaryTable(AdqlParser.PrimaryTableContext ctx) {
        return (FromItem) visit(ctx.tablePrimary());
    }

    @Override
    public FromItem visitNamedTable(AdqlParser.NamedTableContext ctx) {
        return new TableRef(span(ctx), tableName(ctx.qualifiedName()), optional(ctx.identifier(), Identifier.class));
    }

    @Override
    public FromItem visitDerivedTable(AdqlParser.DerivedTableContext ctx) {
        return new DerivedTable(span(ctx), (Query) visit(ctx.subquery()), (Identifier) visit(ctx.identifier()));
    }

    @Override
    public FromItem visitParenTable(AdqlParser.ParenTableContext ctx) {
        FromItem inner = (FromItem) visit(ctx.tableReference());
        check(inner instanceof Join, ctx.tableReference(), Messages.joinExpectedInParentheses());
        return inner;
    }
}
