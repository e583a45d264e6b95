// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.*;

/**
 * Resolves and type-checks the expressions and conditions of one query level against its
 * {@link Scope}: column references become {@link ResolvedColumn}s with canonical names; argument
 * types are checked (ADQL 2.1 §2.3, §4.2); each value gets its VOTable {@link Meta}.
 */
final class ExprResolver extends FunctionTyping {
    ExprResolver(QueryResolver queries, Scope scope) {
        super(queries, scope);
    }

    // ------------------------------------------------------------------ names and literals

    @Override
    public Typed visitColumnRef(ColumnRef node) {
        return ColumnResolution.resolve(node, scope);
    }

    @Override
    public Typed visitResolvedColumn(ResolvedColumn node) {
        return new Typed(node, Meta.of(node.info()));
    }

    @Override
    public Typed visitOutputColumnRef(OutputColumnRef node) {
        throw new IllegalStateException("the checker takes parsed trees, not checked ones");
    }

    @Override
    public Typed visitNumericLiteral(NumericLiteral node) {
        Meta meta = switch (node.kind()) {
            case INTEGER -> fitsInt(node.text()) ? Meta.INT : Meta.LONG;
            case HEX -> Meta.LONG;
            default -> Meta.DOUBLE;
        };
        return new Typed(node, meta);
    }

    private static boolean fitsInt(String digits) {
        return digits.length() < 10 || (digits.length() == 10 && digits.compareTo("2147483647") <= 0);
    }

    @Override
    public Typed visitStringLiteral(StringLiteral node) {
        return new Typed(node, Meta.STRING);
    }

    @Override
    public Typed visitBooleanLiteral(BooleanLiteral node) {
        return new Typed(node, Meta.BOOLEAN);
    }

    @Override
    public Typed visitNullLiteral(NullLiteral node) {
        return new Typed(node, Meta.NULL);
    }

    // ------------------------------------------------------------------ operators

    @Override
    public Typed visitUnary(Unary node) {
        String op = "unary " + node.operator().symbol();
        Typed operand = require(node.operand(), Meta.Kind.NUMERIC, op, 1);
        if (node.operator() == UnaryOperator.BIT_NOT && !integral(operand)) {
            throw fail(node.operand(), Messages.operandType(op, "an integer", operand.meta().datatype()));
        }
        return new Typed(new Unary(node.span(), node.operator(), (Expr) operand.node()), operand.meta().typeOnly()
                .withUnit(operand.meta().unit()));
    }


    @Override
    public Typed visitBinary(Binary node) {
        String op = node.operator().symbol();
        if (node.operator() == BinaryOperator.CONCAT) {
            Typed left = concatOperand(node.left(), op, 1);
            Typed right = concatOperand(node.right(), op, 2);
            return new Typed(new Binary(node.span(), node.operator(), (Expr) left.node(), (Expr) right.node()),
                    Meta.STRING);
        }
        Typed left = require(node.left(), Meta.Kind.NUMERIC, op, 1);
        Typed right = require(node.right(), Meta.Kind.NUMERIC, op, 2);
        boolean ints = integral(left) && integral(right);
        if (node.operator().isBitwise() && !ints) {
            Typed bad = integral(left) ? right : left;
            throw fail(bad.node(), Messages.operandType(op, "an integer", bad.meta().datatype()));
        }
        Meta meta = ints ? Meta.LONG : Meta.DOUBLE;
        if (node.operator() == BinaryOperator.ADD || node.operator() == BinaryOperator.SUBTRACT) {
            meta = meta.withUnit(sharedUnit(left, right));
        }
        return new Typed(new Binary(node.span(), node.operator(), (Expr) left.node(), (Expr) right.node()), meta);
    }

    /** The unit of a sum: the operands' common unit, or the one unit present when the other side is a literal. */
    private static String sharedUnit(Typed left, Typed right) {
        String l = left.meta().unit();
        String r = right.meta().unit();
        if (l != null && l.equals(r)) {
            return l;
        }
        if (l != null && r == null && right.node() instanceof NumericLiteral) {
            return l;
        }
        return r != null && l == null && left.node() instanceof NumericLiteral ? r : null;
    }

    private Typed concatOperand(Expr e, String op, int position) {
        Typed t = typed(e);
        Meta.Kind kind = t.meta().kind();
        if (kind == Meta.Kind.GEOMETRY || kind == Meta.Kind.ARRAY) {
            throw fail(e, Messages.argumentType(op, position, "a string", kind.description()));
        }
        return t;
    }

    @Override
    public Typed visitCoalesce(Coalesce node) {
        List<Typed> args = new ArrayList<>();
        for (Expr e : node.args()) {
            args.add(typed(e));
        }
        Meta meta = common(args, node.args());
        return new Typed(new Coalesce(node.span(), nodes(args)), meta);
    }

    /** The type of the first non-NULL branch; every other branch must be comparable with it. */
    private static Meta common(List<Typed> branches, List<? extends Node> sources) {
        Meta first = Meta.NULL;
        for (int i = 0; i < branches.size(); i++) {
            Meta m = branches.get(i).meta();
            if (first.kind() == Meta.Kind.NULL) {
                first = m;
            } else if (!Meta.comparable(first.kind(), m.kind())) {
                throw fail(sources.get(i), Messages.comparisonTypes(first.kind().description(), m.kind().description()));
            }
        }
        return first == Meta.NULL ? Meta.NULL : first.typeOnly().withUnit(first.unit());
    }

    @Override
    public Typed visitSimpleCase(SimpleCase node) {
        Typed operand = typed(node.operand());
        List<SimpleWhen> whens = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        List<Node> sources = new ArrayList<>();
        for (SimpleWhen w : node.whens()) {
            Typed value = typed(w.value());
            compare(operand, value, w.value());
            Typed result = typed(w.result());
            results.add(result);
            sources.add(w.result());
            whens.add(new SimpleWhen(w.span(), (Expr) value.node(), (Expr) result.node()));
        }
        Optional<Typed> elseResult = node.elseResult().map(this::typed);
        elseResult.ifPresent(results::add);
        node.elseResult().ifPresent(sources::add);
        Meta meta = common(results, sources);
        return new Typed(new SimpleCase(node.span(), (Expr) operand.node(), whens,
                elseResult.map(t -> (Expr) t.node())), meta);
    }

    @Override
    public Typed visitSearchedCase(SearchedCase node) {
        List<SearchedWhen> whens = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        List<Node> sources = new ArrayList<>();
        for (SearchedWhen w : node.whens()) {
            Predicate condition = predicate(w.condition());
            Typed result = typed(w.result());
            results.add(result);
            sources.add(w.result());
            whens.add(new SearchedWhen(w.span(), condition, (Expr) result.node()));
        }
        Optional<Typed> elseResult = node.elseResult().map(this::typed);
        elseResult.ifPresent(results::add);
        node.elseResult().ifPresent(sources::add);
        Meta meta = common(results, sources);
        return new Typed(new SearchedCase(node.span(), whens, elseResult.map(t -> (Expr) t.node())), meta);
    }

    /**
     * IN_UNIT(value, 'unit') becomes {@code value * factor} in the checked tree, the factor coming
     * from the value's unit (ADQL 2.1 §2.3.7, VOUnits), so renderers need no unit knowledge.
     */
    @Override
    public Typed visitInUnit(InUnit node) {
        Typed value = require(node.value(), Meta.Kind.NUMERIC, "IN_UNIT", 1);
        Meta m = value.meta();
        String from = m.unit();
        if (from == null || from.isBlank()) {
            throw fail(node.value(), Messages.unitOfValueUnknown());
        }
        double factor;
        try {
            factor = Units.factor(from, node.unit().value());
        } catch (IllegalArgumentException e) {
            throw fail(node.unit(), Messages.unitConversion(e.getMessage()));
        }
        String text = Double.toString(factor);
        NumericLiteral literal = new NumericLiteral(node.unit().span(), text,
                text.contains("E") ? NumericKind.REAL : NumericKind.DECIMAL);
        Meta meta = new Meta("double", null, null, node.unit().value(), m.ucd(), m.utype(), m.description());
        return new Typed(new Binary(node.span(), BinaryOperator.MULTIPLY, (Expr) value.node(), literal), meta);
    }

    @Override
    public Typed visitScalarSubquery(ScalarSubquery node) {
        QueryResolver.Resolved r = queries.subquery(node.query(), scope);
        if (r.columns().size() != 1) {
            throw fail(node, Messages.subqueryColumns(r.columns().size()));
        }
        ResultColumn c = r.columns().get(0);
        Meta meta = new Meta(c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(), c.utype(), c.description());
        return new Typed(new ScalarSubquery(node.span(), r.query()), meta);
    }

    // ------------------------------------------------------------------ conditions

    private void compare(Typed a, Typed b, Node at) {
        if (!Meta.comparable(a.meta().kind(), b.meta().kind())) {
            throw fail(at, Messages.comparisonTypes(a.meta().kind().description(), b.meta().kind().description()));
        }
    }

    private static Typed condition(Predicate p) {
        return new Typed(p, Meta.BOOLEAN);
    }

    @Override
    public Typed visitAnd(And node) {
        return condition(new And(node.span(), predicate(node.left()), predicate(node.right())));
    }

    @Override
    public Typed visitOr(Or node) {
        return condition(new Or(node.span(), predicate(node.left()), predicate(node.right())));
    }

    @Override
    public Typed visitNot(Not node) {
        return condition(new Not(node.span(), predicate(node.operand())));
    }

    /**
     * Besides the type check, a boolean column compared with the integer literal 0 or 1 (the way TAP
     * users write flags) gets FALSE or TRUE instead, so that every engine sees a boolean comparison.
     */
    @Override
    public Typed visitComparison(Comparison node) {
        Typed left = typed(node.left());
        Typed right = typed(node.right());
        compare(left, right, node);
        Expr l = asBooleanIfFlag((Expr) left.node(), right);
        Expr r = asBooleanIfFlag((Expr) right.node(), left);
        return condition(new Comparison(node.span(), node.operator(), l, r));
    }

    private static Expr asBooleanIfFlag(Expr literal, Typed other) {
        if (other.meta().kind() != Meta.Kind.BOOLEAN || !(literal instanceof NumericLiteral n)) {
            return literal;
        }
        if (n.kind() == NumericKind.INTEGER && (n.text().equals("0") || n.text().equals("1"))) {
            return new BooleanLiteral(n.span(), n.text().equals("1"));
        }
        throw fail(n, Messages.comparisonTypes("a boolean", "the number " + n.text()));
    }

    @Override
    public Typed visitBetween(Between node) {
        Typed value = typed(node.value());
        Typed low = typed(node.low());
        Typed high = typed(node.high());
        compare(value, low, node.low());
        compare(value, high, node.high());
        return condition(new Between(node.span(), node.negated(), (Expr) value.node(), (Expr) low.node(),
                (Expr) high.node()));
    }

    @Override
    public Typed visitLike(Like node) {
        String op = node.caseInsensitive() ? "ILIKE" : "LIKE";
        Typed value = require(node.value(), Meta.Kind.STRING, op, 1);
        Typed pattern = require(node.pattern(), Meta.Kind.STRING, op, 2);
        return condition(new Like(node.span(), node.negated(), node.caseInsensitive(), (Expr) value.node(),
                (Expr) pattern.node()));
    }

    @Override
    public Typed visitInList(InList node) {
        Typed value = typed(node.value());
        List<Expr> values = new ArrayList<>();
        for (Expr e : node.values()) {
            Typed t = typed(e);
            compare(value, t, e);
            values.add((Expr) t.node());
        }
        return condition(new InList(node.span(), node.negated(), (Expr) value.node(), values));
    }

    @Override
    public Typed visitInSubquery(InSubquery node) {
        Typed value = typed(node.value());
        QueryResolver.Resolved r = queries.subquery(node.query(), scope);
        if (r.columns().size() != 1) {
            throw fail(node.query(), Messages.subqueryColumns(r.columns().size()));
        }
        return condition(new InSubquery(node.span(), node.negated(), (Expr) value.node(), r.query()));
    }

    @Override
    public Typed visitExists(Exists node) {
        return condition(new Exists(node.span(), queries.subquery(node.query(), scope).query()));
    }

    @Override
    public Typed visitIsNull(IsNull node) {
        return condition(new IsNull(node.span(), node.negated(), expr(node.value())));
    }

    @Override
    public Typed visitBooleanValue(BooleanValue node) {
        return condition(new BooleanValue(node.span(), expr(node.value())));
    }
}
