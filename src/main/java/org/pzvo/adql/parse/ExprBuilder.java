// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;

/**
 * The value and condition half of {@link AstBuilder}: helpers shared by both halves, and the
 * building of expressions (literals, operators, functions, geometry, CASE, CAST) and search
 * conditions. Split from {@link AstBuilder} only to keep each class readable; together they are
 * one visitor of the generated parse tree.
 */
abstract class ExprBuilder extends AdqlBaseVisitor<Object> {
    // ------------------------------------------------------------------ helpers

    static Span span(ParserRuleContext ctx) {
        return Spans.of(ctx);
    }

    static SyntaxErrors.Signal error(Span span, String message) {
        return new SyntaxErrors.Signal(new AdqlException(span, message));
    }

    static void check(boolean condition, ParserRuleContext ctx, String message) {
        if (!condition) {
            throw error(span(ctx), message);
        }
    }

    Expr expr(ParserRuleContext ctx) {
        return (Expr) visit(ctx);
    }

    Predicate predicate(ParserRuleContext ctx) {
        return (Predicate) visit(ctx);
    }

    <T> Optional<T> optional(ParserRuleContext ctx, Class<T> type) {
        return ctx == null ? Optional.empty() : Optional.of(type.cast(visit(ctx)));
    }

    <T> List<T> list(List<? extends ParserRuleContext> ctxs, Class<T> type) {
        List<T> result = new ArrayList<>(ctxs.size());
        for (ParserRuleContext ctx : ctxs) {
            result.add(type.cast(visit(ctx)));
        }
        return result;
    }

    static long unsigned(TerminalNode number) {
        try {
            return Long.parseLong(number.getText());
        } catch (NumberFormatException e) {
            throw error(Spans.of(number), Messages.numberTooLarge(number.getText()));
        }
    }

    @Override
    public Identifier visitIdentifier(AdqlParser.IdentifierContext ctx) {
        String text = ctx.getText();
        if (ctx.DELIMITED_ID() != null) {
            return new Identifier(span(ctx), text.substring(1, text.length() - 1).replace("\"\"", "\""), true);
        }
        return new Identifier(span(ctx), text, false);
    }

    // ------------------------------------------------------------------ conditions

    @Override
    public Predicate visitNotCondition(AdqlParser.NotConditionContext ctx) {
        return new Not(span(ctx), predicate(ctx.searchCondition()));
    }

    /**
     * AND and OR chains are flattened (through parentheses too, as both are associative) and rebuilt
     * as balanced trees, so that a long {@code id = 1 OR id = 2 OR ...} list stays shallow; the
     * left spine of the parse tree is walked iteratively for the same reason.
     */
    @Override
    public Predicate visitAndCondition(AdqlParser.AndConditionContext ctx) {
        List<Predicate> leaves = new ArrayList<>();
        flatten(ctx, AdqlParser.AndConditionContext.class, leaves);
        return balanced(leaves, true);
    }

    @Override
    public Predicate visitOrCondition(AdqlParser.OrConditionContext ctx) {
        List<Predicate> leaves = new ArrayList<>();
        flatten(ctx, AdqlParser.OrConditionContext.class, leaves);
        return balanced(leaves, false);
    }

    private void flatten(AdqlParser.SearchConditionContext ctx, Class<? extends AdqlParser.SearchConditionContext> type,
                         List<Predicate> leaves) {
        List<AdqlParser.SearchConditionContext> rights = new ArrayList<>();
        AdqlParser.SearchConditionContext current = ctx;
        while (type.isInstance(current)) {
            rights.add(current.getRuleContext(AdqlParser.SearchConditionContext.class, 1));
            current = current.getRuleContext(AdqlParser.SearchConditionContext.class, 0);
        }
        rights.add(current);
        for (int i = rights.size() - 1; i >= 0; i--) {
            Predicate p = predicate(rights.get(i));
            boolean same = type == AdqlParser.AndConditionContext.class ? p instanceof And : p instanceof Or;
            if (same) {
                leaves(p, leaves);
            } else {
                leaves.add(p);
            }
        }
    }

    private static void leaves(Predicate p, List<Predicate> out) {
        if (p instanceof And a) {
            leaves(a.left(), out);
            leaves(a.right(), out);
        } else if (p instanceof Or o) {
            leaves(o.left(), out);
            leaves(o.right(), out);
        } else {
            out.add(p);
        }
    }

    /** A balanced tree over {@code leaves} (left half gets the extra leaf); depth is log2 of the count. */
    static Predicate balanced(List<Predicate> leaves, boolean and) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int half = (leaves.size() + 1) / 2;
        Predicate left = balanced(leaves.subList(0, half), and);
        Predicate right = balanced(leaves.subList(half, leaves.size()), and);
        Span span = Span.between(left.span(), right.span());
        return and ? new And(span, left, right) : new Or(span, left, right);
    }

    @Override
    public Predicate visitParenCondition(AdqlParser.ParenConditionContext ctx) {
        return predicate(ctx.searchCondition());
    }

    @Override
    public Predicate visitPredicateCondition(AdqlParser.PredicateConditionContext ctx) {
        return predicate(ctx.predicate());
    }

    @Override
    public Predicate visitComparisonPredicate(AdqlParser.ComparisonPredicateContext ctx) {
        ComparisonOperator op = switch (ctx.compOp().getStart().getType()) {
            case AdqlLexer.EQ -> ComparisonOperator.EQUAL;
            case AdqlLexer.NE, AdqlLexer.NE2 -> ComparisonOperator.NOT_EQUAL;
            case AdqlLexer.LT -> ComparisonOperator.LESS_THAN;
            case AdqlLexer.LE -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case AdqlLexer.GT -> ComparisonOperator.GREATER_THAN;
            default -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
        };
        return new Comparison(span(ctx), op, expr(ctx.valueExpr(0)), expr(ctx.valueExpr(1)));
    }

    @Override
    public Predicate visitBetweenPredicate(AdqlParser.BetweenPredicateContext ctx) {
        return new Between(span(ctx), ctx.NOT() != null, expr(ctx.valueExpr(0)), expr(ctx.valueExpr(1)),
                expr(ctx.valueExpr(2)));
    }

    @Override
    public Predicate visitLikePredicate(AdqlParser.LikePredicateContext ctx) {
        return new Like(span(ctx), ctx.NOT() != null, ctx.op.getType() == AdqlLexer.ILIKE, expr(ctx.valueExpr(0)),
                expr(ctx.valueExpr(1)));
    }

    @Override
    public Predicate visitInSubqueryPredicate(AdqlParser.InSubqueryPredicateContext ctx) {
        return new InSubquery(span(ctx), ctx.NOT() != null, expr(ctx.valueExpr()), (Query) visit(ctx.subquery()));
    }

    @Override
    public Predicate visitInListPredicate(AdqlParser.InListPredicateContext ctx) {
        List<Expr> values = list(ctx.valueExpr(), Expr.class);
        return new InList(span(ctx), ctx.NOT() != null, values.get(0), values.subList(1, values.size()));
    }

    @Override
    public Predicate visitNullPredicate(AdqlParser.NullPredicateContext ctx) {
        return new IsNull(span(ctx), ctx.NOT() != null, expr(ctx.valueExpr()));
    }

    @Override
    public Predicate visitExistsPredicate(AdqlParser.ExistsPredicateContext ctx) {
        return new Exists(span(ctx), (Query) visit(ctx.subquery()));
    }

    @Override
    public Predicate visitBooleanPredicate(AdqlParser.BooleanPredicateContext ctx) {
        AdqlParser.BooleanValueContext value = ctx.booleanValue();
        Expr expr = value.udfCall() != null ? expr(value.udfCall())
                : new BooleanLiteral(span(value), value.TRUE() != null);
        return new BooleanValue(span(ctx), expr);
    }

    // ------------------------------------------------------------------ values

    @Override
    public Expr visitUnaryExpr(AdqlParser.UnaryExprContext ctx) {
        UnaryOperator op = switch (ctx.op.getType()) {
            case AdqlLexer.PLUS -> UnaryOperator.PLUS;
            case AdqlLexer.MINUS -> UnaryOperator.MINUS;
            default -> UnaryOperator.BIT_NOT;
        };
        return new Unary(span(ctx), op, expr(ctx.valueExpr()));
    }

    /** Walks the left spine iteratively, so that long {@code a + b + ...} chains cannot overflow the stack here. */
    @Override
    public Expr visitBinaryExpr(AdqlParser.BinaryExprContext ctx) {
        List<AdqlParser.BinaryExprContext> spine = new ArrayList<>();
        AdqlParser.ValueExprContext current = ctx;
        while (current instanceof AdqlParser.BinaryExprContext binary) {
            spine.add(binary);
            current = binary.valueExpr(0);
        }
        Expr result = expr(current);
        for (int i = spine.size() - 1; i >= 0; i--) {
            AdqlParser.BinaryExprContext b = spine.get(i);
            Binary binary = new Binary(span(b), binaryOperator(b.op.getType()), result, expr(b.valueExpr(1)));
            checkNotGeometry(binary.left(), binary.operator());
            checkNotGeometry(binary.right(), binary.operator());
            result = binary;
        }
        return result;
    }

    /** Geometry values are not operands of arithmetic or string operators (ADQL 2.1 BNF value kinds). */
    private static void checkNotGeometry(Expr operand, BinaryOperator op) {
        boolean geometry = operand instanceof Point || operand instanceof Circle || operand instanceof Box
                || operand instanceof Polygon || operand instanceof Region
                || operand instanceof BuiltinCall call && call.function() == BuiltinFunction.CENTROID;
        if (geometry) {
            throw error(operand.span(), Messages.geometryOperand(op.symbol()));
        }
    }

    private static BinaryOperator binaryOperator(int tokenType) {
        return switch (tokenType) {
            case AdqlLexer.STAR -> BinaryOperator.MULTIPLY;
            case AdqlLexer.SLASH -> BinaryOperator.DIVIDE;
            case AdqlLexer.PLUS -> BinaryOperator.ADD;
            case AdqlLexer.MINUS -> BinaryOperator.SUBTRACT;
            case AdqlLexer.AMPERSAND -> BinaryOperator.BIT_AND;
            case AdqlLexer.CARET -> BinaryOperator.BIT_XOR;
            case AdqlLexer.BAR -> BinaryOperator.BIT_OR;
            default -> BinaryOperator.CONCAT;
        };
    }

    @Override
    public Expr visitPrimaryExpr(AdqlParser.PrimaryExprContext ctx) {
        return expr(ctx.primary());
    }

    @Override
    public Expr visitLiteralPrimary(AdqlParser.LiteralPrimaryContext ctx) {
        Token token = ctx.literal().getStart();
        Span span = span(ctx);
        String text = token.getText();
        return switch (token.getType()) {
            case AdqlLexer.UNSIGNED_INTEGER -> new NumericLiteral(span, text, NumericKind.INTEGER);
            case AdqlLexer.DECIMAL -> new NumericLiteral(span, text, NumericKind.DECIMAL);
            case AdqlLexer.REAL_NUMBER -> new NumericLiteral(span, text, NumericKind.REAL);
            case AdqlLexer.HEX_NUMBER -> new NumericLiteral(span, text, NumericKind.HEX);
            case AdqlLexer.STRING -> stringLiteral(ctx.literal().STRING());
            case AdqlLexer.TRUE -> new BooleanLiteral(span, true);
            case AdqlLexer.FALSE -> new BooleanLiteral(span, false);
            default -> new NullLiteral(span);
        };
    }

    /** One string literal from one or more adjacent quoted parts, each unescaped ('' is '). */
    private static StringLiteral stringLiteral(List<TerminalNode> parts) {
        StringBuilder value = new StringBuilder();
        for (TerminalNode part : parts) {
            String text = part.getText();
            value.append(text, 1, text.length() - 1);
        }
        Span span = Span.between(Spans.of(parts.get(0)), Spans.of(parts.get(parts.size() - 1)));
        return new StringLiteral(span, value.toString().replace("''", "'"));
    }

    @Override
    public Expr visitColumnPrimary(AdqlParser.ColumnPrimaryContext ctx) {
        List<Identifier> parts = list(ctx.qualifiedName().identifier(), Identifier.class);
        check(parts.size() <= 4, ctx, Messages.tooManyNameParts(ctx.getText()));
        return new ColumnRef(span(ctx), parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1));
    }

    @Override
    public Expr visitParenPrimary(AdqlParser.ParenPrimaryContext ctx) {
        return expr(ctx.valueExpr());
    }

    @Override
    public Expr visitSubqueryPrimary(AdqlParser.SubqueryPrimaryContext ctx) {
        return new ScalarSubquery(span(ctx), (Query) visit(ctx.subquery()));
    }

    @Override
    public Expr visitCountAllPrimary(AdqlParser.CountAllPrimaryContext ctx) {
        return new Aggregate(span(ctx), AggregateFunction.COUNT, false, Optional.empty());
    }

    @Override
    public Expr visitAggregatePrimary(AdqlParser.AggregatePrimaryContext ctx) {
        AggregateFunction fn = AggregateFunction.valueOf(ctx.fn.getText().toUpperCase(Locale.ROOT));
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        return new Aggregate(span(ctx), fn, distinct, Optional.of(expr(ctx.valueExpr())));
    }

    private List<Expr> arguments(AdqlParser.ArgumentsContext ctx) {
        return ctx == null ? List.of() : list(ctx.valueExpr(), Expr.class);
    }

    @Override
    public Expr visitBuiltinPrimary(AdqlParser.BuiltinPrimaryContext ctx) {
        BuiltinFunction fn = BuiltinFunction.valueOf(ctx.builtinName().getText().toUpperCase(Locale.ROOT));
        List<Expr> args = arguments(ctx.arguments());
        Span span = span(ctx);
        if (fn == BuiltinFunction.DISTANCE && args.size() == 4) {
            args = List.of(GeometryArgs.point(args.get(0), args.get(1)), GeometryArgs.point(args.get(2), args.get(3)));
        } else if (fn == BuiltinFunction.DISTANCE && args.size() != 2) {
            throw error(span, Messages.wrongArgumentCount(fn.adqlName(), 2, 2, args.size())
                    .replace("takes 2 arguments", "takes 2 or 4 arguments"));
        }
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
            throw error(span, Messages.wrongArgumentCount(fn.adqlName(), fn.minArgs(), fn.maxArgs(), args.size()));
        }
        return new BuiltinCall(span, fn, args);
    }

    @Override
    public Expr visitGeometryPrimary(AdqlParser.GeometryPrimaryContext ctx) {
        return GeometryArgs.build(span(ctx), ctx.geometryName().getText().toUpperCase(Locale.ROOT),
                arguments(ctx.arguments()));
    }

    @Override
    public Expr visitCastPrimary(AdqlParser.CastPrimaryContext ctx) {
        AdqlParser.CastTypeContext type = ctx.castType();
        String name = type.getStart().getText().toUpperCase(Locale.ROOT);
        CastType castType = name.equals("DOUBLE") ? CastType.DOUBLE_PRECISION : CastType.valueOf(name);
        int length = -1;
        if (type.UNSIGNED_INTEGER() != null) {
            long value = unsigned(type.UNSIGNED_INTEGER());
            if (value > Integer.MAX_VALUE) {
                throw error(Spans.of(type.UNSIGNED_INTEGER()), Messages.numberTooLarge(type.UNSIGNED_INTEGER().getText()));
            }
            length = (int) value;
        }
        return new Cast(span(ctx), expr(ctx.valueExpr()), castType, length);
    }

    @Override
    public Expr visitCoalescePrimary(AdqlParser.CoalescePrimaryContext ctx) {
        return new Coalesce(span(ctx), arguments(ctx.arguments()));
    }

    @Override
    public Expr visitInUnitPrimary(AdqlParser.InUnitPrimaryContext ctx) {
        return new InUnit(span(ctx), expr(ctx.valueExpr()), stringLiteral(ctx.STRING()));
    }

    @Override
    public Expr visitSimpleCasePrimary(AdqlParser.SimpleCasePrimaryContext ctx) {
        List<SimpleWhen> whens = ctx.simpleWhen().stream()
                .map(w -> new SimpleWhen(span(w), expr(w.valueExpr(0)), expr(w.valueExpr(1))))
                .collect(Collectors.toList());
        Optional<Expr> elseResult = ctx.valueExpr().size() > 1 ? Optional.of(expr(ctx.valueExpr(1))) : Optional.empty();
        return new SimpleCase(span(ctx), expr(ctx.valueExpr(0)), whens, elseResult);
    }

    @Override
    public Expr visitSearchedCasePrimary(AdqlParser.SearchedCasePrimaryContext ctx) {
        List<SearchedWhen> whens = ctx.searchedWhen().stream()
                .map(w -> new SearchedWhen(span(w), predicate(w.searchCondition()), expr(w.valueExpr())))
                .collect(Collectors.toList());
        return new SearchedCase(span(ctx), whens, optional(ctx.valueExpr(), Expr.class));
    }

    @Override
    public Expr visitUdfPrimary(AdqlParser.UdfPrimaryContext ctx) {
        return expr(ctx.udfCall());
    }

    @Override
    public Expr visitUdfCall(AdqlParser.UdfCallContext ctx) {
        return new UdfCall(span(ctx), ctx.REGULAR_ID().getText(), arguments(ctx.arguments()));
    }}
