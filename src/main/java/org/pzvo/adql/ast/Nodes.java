// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generic traversal helpers: the direct child nodes of any node (in source order), a pre-order
 * walk, and the nesting depth. Parts that are not nodes ({@link SimpleWhen}, {@link SearchedWhen})
 * contribute their nodes. The walk uses an explicit stack, so it cannot overflow the Java stack.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The direct children of {@code node}, in source order. */
    public static List<Node> children(Node node) {
        return node.accept(CHILDREN);
    }

    /** Visits {@code root} and every descendant, parents before children, in source order. */
    public static void walk(Node root, Consumer<Node> action) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            action.accept(node);
            List<Node> children = children(node);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /** The number of nodes on the longest root-to-leaf path (1 for a leaf). */
    public static int depth(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        int max = 0;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            for (Node child : children(node)) {
                nodes.push(child);
                depths.push(d + 1);
            }
        }
        return max;
    }

    private static final AstVisitor<List<Node>> CHILDREN = new Children();

    private static final class Children implements AstVisitor<List<Node>> {
        @Override
        public List<Node> visitSelectQuery(SelectQuery node) {
            List<Node> out = new ArrayList<>();
            out.addAll(node.items());
            out.addAll(node.from());
            node.where().ifPresent(out::add);
            out.addAll(node.groupBy());
            node.having().ifPresent(out::add);
            out.addAll(node.orderBy());
            return out;
        }

        @Override
        public List<Node> visitSetQuery(SetQuery node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            out.addAll(node.orderBy());
            return out;
        }

        @Override
        public List<Node> visitWithQuery(WithQuery node) {
            List<Node> out = new ArrayList<>();
            out.addAll(node.ctes());
            add(out, node.body());
            return out;
        }

        @Override
        public List<Node> visitCommonTableExpr(CommonTableExpr node) {
            List<Node> out = new ArrayList<>();
            add(out, node.query());
            return out;
        }

        @Override
        public List<Node> visitOrderItem(OrderItem node) {
            List<Node> out = new ArrayList<>();
            add(out, node.key());
            return out;
        }

        @Override
        public List<Node> visitDerivedColumn(DerivedColumn node) {
            List<Node> out = new ArrayList<>();
            add(out, node.expr());
            return out;
        }

        @Override
        public List<Node> visitAllColumns(AllColumns node) {
            return List.of();
        }

        @Override
        public List<Node> visitTableRef(TableRef node) {
            return List.of();
        }

        @Override
        public List<Node> visitDerivedTable(DerivedTable node) {
            List<Node> out = new ArrayList<>();
            add(out, node.query());
            return out;
        }

        @Override
        public List<Node> visitJoin(Join node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            node.on().ifPresent(out::add);
            return out;
        }

        @Override
        public List<Node> visitResolvedTable(ResolvedTable node) {
            return List.of();
        }

        @Override
        public List<Node> visitCteTable(CteTable node) {
            return List.of();
        }

        @Override
        public List<Node> visitColumnRef(ColumnRef node) {
            return List.of();
        }

        @Override
        public List<Node> visitResolvedColumn(ResolvedColumn node) {
            return List.of();
        }

        @Override
        public List<Node> visitOutputColumnRef(OutputColumnRef node) {
            return List.of();
        }

        @Override
        public List<Node> visitNumericLiteral(NumericLiteral node) {
            return List.of();
        }

        @Override
        public List<Node> visitStringLiteral(StringLiteral node) {
            return List.of();
        }

        @Override
        public List<Node> visitBooleanLiteral(BooleanLiteral node) {
            return List.of();
        }

        @Override
        public List<Node> visitNullLiteral(NullLiteral node) {
            return List.of();
        }

        @Override
        public List<Node> visitUnary(Unary node) {
            List<Node> out = new ArrayList<>();
            add(out, node.operand());
            return out;
        }

        @Override
        public List<Node> visitBinary(Binary node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            return out;
        }

        @Override
        public List<Node> visitBuiltinCall(BuiltinCall node) {
            List<Node> out = new ArrayList<>();
            out.addAll(node.args());
            return out;
        }

        @Override
        public List<Node> visitAggregate(Aggregate node) {
            List<Node> out = new ArrayList<>();
            node.arg().ifPresent(out::add);
            return out;
        }

        @Override
        public List<Node> visitUdfCall(UdfCall node) {
            List<Node> out = new ArrayList<>();
            out.addAll(node.args());
            return out;
        }

        @Override
        public List<Node> visitCast(Cast node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            return out;
        }

        @Override
        public List<Node> visitSimpleCase(SimpleCase node) {
            List<Node> out = new ArrayList<>();
            add(out, node.operand());
            for (SimpleWhen w : node.whens()) {
                out.add(w.value());
                out.add(w.result());
            }
            node.elseResult().ifPresent(out::add);
            return out;
        }

        @Override
        public List<Node> visitSearchedCase(SearchedCase node) {
            List<Node> out = new ArrayList<>();
            for (SearchedWhen w : node.whens()) {
                out.add(w.condition());
                out.add(w.result());
            }
            node.elseResult().ifPresent(out::add);
            return out;
        }

        @Override
        public List<Node> visitCoalesce(Coalesce node) {
            List<Node> out = new ArrayList<>();
            out.addAll(node.args());
            return out;
        }

        @Override
        public List<Node> visitInUnit(InUnit node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            add(out, node.unit());
            return out;
        }

        @Override
        public List<Node> visitScalarSubquery(ScalarSubquery node) {
            List<Node> out = new ArrayList<>();
            add(out, node.query());
            return out;
        }

        @Override
        public List<Node> visitPoint(Point node) {
            List<Node> out = new ArrayList<>();
            node.coordSys().ifPresent(out::add);
            add(out, node.x());
            add(out, node.y());
            return out;
        }

        @Override
        public List<Node> visitCircle(Circle node) {
            List<Node> out = new ArrayList<>();
            node.coordSys().ifPresent(out::add);
            add(out, node.center());
            add(out, node.radius());
            return out;
        }

        @Override
        public List<Node> visitBox(Box node) {
            List<Node> out = new ArrayList<>();
            node.coordSys().ifPresent(out::add);
            add(out, node.center());
            add(out, node.width());
            add(out, node.height());
            return out;
        }

        @Override
        public List<Node> visitPolygon(Polygon node) {
            List<Node> out = new ArrayList<>();
            node.coordSys().ifPresent(out::add);
            out.addAll(node.vertices());
            return out;
        }

        @Override
        public List<Node> visitRegion(Region node) {
            List<Node> out = new ArrayList<>();
            add(out, node.text());
            return out;
        }

        @Override
        public List<Node> visitAnd(And node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            return out;
        }

        @Override
        public List<Node> visitOr(Or node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            return out;
        }

        @Override
        public List<Node> visitNot(Not node) {
            List<Node> out = new ArrayList<>();
            add(out, node.operand());
            return out;
        }

        @Override
        public List<Node> visitComparison(Comparison node) {
            List<Node> out = new ArrayList<>();
            add(out, node.left());
            add(out, node.right());
            return out;
        }

        @Override
        public List<Node> visitBetween(Between node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            add(out, node.low());
            add(out, node.high());
            return out;
        }

        @Override
        public List<Node> visitLike(Like node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            add(out, node.pattern());
            return out;
        }

        @Override
        public List<Node> visitInList(InList node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            out.addAll(node.values());
            return out;
        }

        @Override
        public List<Node> visitInSubquery(InSubquery node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            add(out, node.query());
            return out;
        }

        @Override
        public List<Node> visitExists(Exists node) {
            List<Node> out = new ArrayList<>();
            add(out, node.query());
            return out;
        }

        @Override
        public List<Node> visitIsNull(IsNull node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            return out;
        }

        @Override
        public List<Node> visitBooleanValue(BooleanValue node) {
            List<Node> out = new ArrayList<>();
            add(out, node.value());
            return out;
        }

        private static void add(List<Node> out, Node node) {
            out.add(node);
        }
    }
}
