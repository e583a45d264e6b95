// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.print;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pzvo.adql.ast.*;

/**
 * Prints a syntax tree as normalised ADQL on one line: keywords in upper case, names as written
 * (delimited ones re-quoted), single spaces, parentheses only where precedence needs them.
 *
 * <p>Contract: for every tree {@code q} returned by the parser,
 * {@code AstEquality.equalsIgnoringSpans(AdqlParser.parseQuery(print(q)), q)}. Checked trees
 * (with resolved nodes) print as valid ADQL with delimited canonical names, which does not parse
 * back to the same tree. Thread-safe and stateless.
 */
public final class AdqlPrinter implements AstVisitor<String> {
    private static final AdqlPrinter INSTANCE = new AdqlPrinter();

    private AdqlPrinter() {
    }

    /** The normalised ADQL text of {@code query}. */
    public static String print(Query query) {
        return query.accept(INSTANCE);
    }

    /** The normalised ADQL text of any node (an expression, a condition, ...). */
    public static String print(Node node) {
        return node.accept(INSTANCE);
    }

    /** An identifier as ADQL: regular as written, delimited in double quotes with {@code "} doubled. */
    public static String identifier(Identifier id) {
        return id.delimited() ? quoted(id.text()) : id.text();
    }

    /** {@code name} as a delimited identifier. */
    public static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code value} as a string literal, with {@code '} doubled. */
    public static String stringLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private <T extends Node> String join(List<T> nodes) {
        return nodes.stream().map(n -> n.accept(this)).collect(Collectors.joining(", "));
    }

    private static <T> String join(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ queries

    @Override
    public String visitSelectQuery(SelectQuery node) {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (node.distinct()) {
            sb.append("DISTINCT ");
        }
        if (node.top() >= 0) {
            sb.append("TOP ").append(node.top()).append(' ');
        }
        sb.append(join(node.items())).append(" FROM ").append(join(node.from()));
        node.where().ifPresent(w -> sb.append(" WHERE ").append(w.accept(this)));
        if (!node.groupBy().isEmpty()) {
            sb.append(" GROUP BY ").append(join(node.groupBy()));
        }
        node.having().ifPresent(h -> sb.append(" HAVING ").append(h.accept(this)));
        orderAndOffset(sb, node.orderBy(), node.offset());
        return sb.toString();
    }

    private void orderAndOffset(StringBuilder sb, List<OrderItem> orderBy, long offset) {
        if (!orderBy.isEmpty()) {
            sb.append(" ORDER BY ").append(join(orderBy));
        }
        if (offset >= 0) {
            sb.append(" OFFSET ").append(offset);
        }
    }

    @Override
    public String visitSetQuery(SetQuery node) {
        StringBuilder sb = new StringBuilder();
        sb.append(operand(node.left(), node.operator(), false)).append(' ').append(node.operator().keyword());
        if (node.all()) {
            sb.append(" ALL");
        }
        sb.append(' ').append(operand(node.right(), node.operator(), true));
        orderAndOffset(sb, node.orderBy(), node.offset());
        return sb.toString();
    }

    private String operand(Query query, SetOperator parent, boolean right) {
        boolean parens;
        if (query instanceof SelectQuery s) {
            parens = !s.orderBy().isEmpty() || s.offset() >= 0;
        } else if (query instanceof SetQuery s) {
            int p = s.operator().precedence();
            parens = !s.orderBy().isEmpty() || s.offset() >= 0
                    || (right ? p <= parent.precedence() : p < parent.precedence());
        } else {
            parens = true;
        }
        String text = query.accept(this);
        return parens ? "(" + text + ")" : text;
    }

    @Override
    public String visitWithQuery(WithQuery node) {
        return "WITH " + join(node.ctes()) + " " + node.body().accept(this);
    }

    @Override
    public String visitCommonTableExpr(CommonTableExpr node) {
        String columns = node.columns().isEmpty() ? "" : "(" + join(node.columns(), AdqlPrinter::identifier) + ")";
        return identifier(node.name()) + columns + " AS (" + node.query().accept(this) + ")";
    }

    @Override
    public String visitOrderItem(OrderItem node) {
        return node.key().accept(this) + (node.descending() ? " DESC" : "");
    }

    @Override
    public String visitDerivedColumn(DerivedColumn node) {
        return node.expr().accept(this) + node.alias().map(a -> " AS " + identifier(a)).orElse("");
    }

    @Override
    public String visitAllColumns(AllColumns node) {
        return node.qualifier().map(q -> tableName(q) + ".*").orElse("*");
    }

    private static String tableName(TableName name) {
        StringBuilder sb = new StringBuilder();
        name.catalog().ifPresent(c -> sb.append(identifier(c)).append('.'));
        name.schema().ifPresent(s -> sb.append(identifier(s)).append('.'));
        return sb.append(identifier(name.table())).toString();
    }

    // ------------------------------------------------------------------ FROM

    @Override
    public String visitTableRef(TableRef node) {
        return tableName(node.name()) + node.alias().map(a -> " AS " + identifier(a)).orElse("");
    }

    @Override
    public String visitDerivedTable(DerivedTable node) {
        return "(" + node.query().accept(this) + ") AS " + identifier(node.alias());
    }

    @Override
    public String visitJoin(Join node) {
        StringBuilder sb = new StringBuilder(node.left().accept(this)).append(' ');
        if (node.natural()) {
            sb.append("NATURAL ");
        }
        sb.append(node.type().keywords()).append(' ');
        String right = node.right().accept(this);
        sb.append(node.right() instanceof Join ? "(" + right + ")" : right);
        node.on().ifPresent(on -> sb.append(" ON ").append(on.accept(this)));
        if (!node.using().isEmpty()) {
            sb.append(" USING (").append(join(node.using(), AdqlPrinter::identifier)).append(')');
        }
        return sb.toString();
    }

    @Override
    public String visitResolvedTable(ResolvedTable node) {
        String schema = node.table().schema();
        String name = (schema.isEmpty() ? "" : quoted(schema) + ".") + quoted(node.table().name());
        return name + " AS " + quoted(node.correlation());
    }

    @Override
    public String visitCteTable(CteTable node) {
        return quoted(node.cteName()) + " AS " + quoted(node.correlation());
    }

    // ------------------------------------------------------------------ values

    @Override
    public String visitColumnRef(ColumnRef node) {
        StringBuilder sb = new StringBuilder();
        for (Identifier q : node.qualifier()) {
            sb.append(identifier(q)).append('.');
        }
        return sb.append(identifier(node.column())).toString();
    }

    @Override
    public String visitResolvedColumn(ResolvedColumn node) {
        return node.correlation().map(c -> quoted(c) + ".").orElse("") + quoted(node.column());
    }

    @Override
    public String visitOutputColumnRef(OutputColumnRef node) {
        return String.valueOf(node.position());
    }

    @Override
    public String visitNumericLiteral(NumericLiteral node) {
        return node.text();
    }

    @Override
    public String visitStringLiteral(StringLiteral node) {
        return stringLiteral(node.value());
    }

    @Override
    public String visitBooleanLiteral(BooleanLiteral node) {
        return node.value() ? "TRUE" : "FALSE";
    }

    @Override
    public String visitNullLiteral(NullLiteral node) {
        return "NULL";
    }

    @Override
    public String visitUnary(Unary node) {
        String operand = node.operand().accept(this);
        boolean parens = node.operand() instanceof Unary || node.operand() instanceof Binary;
        return node.operator().symbol() + (parens ? "(" + operand + ")" : operand);
    }

    @Override
    public String visitBinary(Binary node) {
        int p = node.operator().precedence();
        return operand(node.left(), p, false) + " " + node.operator().symbol() + " " + operand(node.right(), p, true);
    }

    private String operand(Expr expr, int parent, boolean right) {
        String text = expr.accept(this);
        if (expr instanceof Binary b) {
            int p = b.operator().precedence();
            if (right ? p <= parent : p < parent) {
                return "(" + text + ")";
            }
        }
        return text;
    }

    @Override
    public String visitBuiltinCall(BuiltinCall node) {
        return node.function().adqlName() + "(" + join(node.args()) + ")";
    }

    @Override
    public String visitAggregate(Aggregate node) {
        String arg = node.arg().map(a -> (node.distinct() ? "DISTINCT " : "") + a.accept(this)).orElse("*");
        return node.function().name() + "(" + arg + ")";
    }

    @Override
    public String visitUdfCall(UdfCall node) {
        return node.name() + "(" + join(node.args()) + ")";
    }

    @Override
    public String visitCast(Cast node) {
        String length = node.length() >= 0 ? "(" + node.length() + ")" : "";
        return "CAST(" + node.value().accept(this) + " AS " + node.type().adql() + length + ")";
    }

    @Override
    public String visitSimpleCase(SimpleCase node) {
        StringBuilder sb = new StringBuilder("CASE ").append(node.operand().accept(this));
        for (SimpleWhen w : node.whens()) {
            sb.append(" WHEN ").append(w.value().accept(this)).append(" THEN ").append(w.result().accept(this));
        }
        return elseEnd(sb, node.elseResult());
    }

    @Override
    public String visitSearchedCase(SearchedCase node) {
        StringBuilder sb = new StringBuilder("CASE");
        for (SearchedWhen w : node.whens()) {
            sb.append(" WHEN ").append(w.condition().accept(this)).append(" THEN ").append(w.result().accept(this));
        }
        return elseEnd(sb, node.elseResult());
    }

    private String elseEnd(StringBuilder sb, Optional<Expr> elseResult) {
        elseResult.ifPresent(e -> sb.append(" ELSE ").append(e.accept(this)));
        return sb.append(" END").toString();
    }

    @Override
    public String visitCoalesce(Coalesce node) {
        return "COALESCE(" + join(node.args()) + ")";
    }

    @Override
    public String visitInUnit(InUnit node) {
        return "IN_UNIT(" + node.value().accept(this) + ", " + node.unit().accept(this) + ")";
    }

    @Override
    public String visitScalarSubquery(ScalarSubquery node) {
        return "(" + node.query().accept(this) + ")";
    }

    @Override
    public String visitPoint(Point node) {
        return "POINT(" + coordSys(node.coordSys()) + node.x().accept(this) + ", " + node.y().accept(this) + ")";
    }

    @Override
    public String visitCircle(Circle node) {
        return "CIRCLE(" + coordSys(node.coordSys()) + center(node.center()) + ", " + node.radius().accept(this) + ")";
    }

    @Override
    public String visitBox(Box node) {
        return "BOX(" + coordSys(node.coordSys()) + center(node.center()) + ", " + node.width().accept(this) + ", "
                + node.height().accept(this) + ")";
    }

    @Override
    public String visitPolygon(Polygon node) {
        boolean inline = node.vertices().stream().allMatch(AdqlPrinter::isBarePoint);
        String vertices = inline ? join(node.vertices(), this::center) : join(node.vertices());
        return "POLYGON(" + coordSys(node.coordSys()) + vertices + ")";
    }

    @Override
    public String visitRegion(Region node) {
        return "REGION(" + node.text().accept(this) + ")";
    }

    private String coordSys(Optional<Expr> coordSys) {
        return coordSys.map(c -> c.accept(this) + ", ").orElse("");
    }

    /** A point without coordinate system prints as inline coordinates {@code x, y}. */
    private String center(Expr center) {
        if (isBarePoint(center)) {
            Point p = (Point) center;
            return p.x().accept(this) + ", " + p.y().accept(this);
        }
        return center.accept(this);
    }

    private static boolean isBarePoint(Expr e) {
        return e instanceof Point p && p.coordSys().isEmpty();
    }

    // ------------------------------------------------------------------ conditions

    /**
     * AND and OR are associative and the parser rebuilds their chains as balanced trees, so a
     * child with the same operator needs no parentheses on either side.
     */
    @Override
    public String visitAnd(And node) {
        return condition(node.left(), 2) + " AND " + condition(node.right(), 2);
    }

    @Override
    public String visitOr(Or node) {
        return condition(node.left(), 1) + " OR " + condition(node.right(), 1);
    }

    @Override
    public String visitNot(Not node) {
        return "NOT " + condition(node.operand(), 3);
    }

    private String condition(Predicate p, int parent) {
        int own = p instanceof Or ? 1 : p instanceof And ? 2 : 4;
        String text = p.accept(this);
        return own < parent ? "(" + text + ")" : text;
    }

    @Override
    public String visitComparison(Comparison node) {
        return node.left().accept(this) + " " + node.operator().symbol() + " " + node.right().accept(this);
    }

    @Override
    public String visitBetween(Between node) {
        return node.value().accept(this) + (node.negated() ? " NOT" : "") + " BETWEEN " + node.low().accept(this)
                + " AND " + node.high().accept(this);
    }

    @Override
    public String visitLike(Like node) {
        return node.value().accept(this) + (node.negated() ? " NOT" : "") + (node.caseInsensitive() ? " ILIKE " : " LIKE ")
                + node.pattern().accept(this);
    }

    @Override
    public String visitInList(InList node) {
        return node.value().accept(this) + (node.negated() ? " NOT" : "") + " IN (" + join(node.values()) + ")";
    }

    @Override
    public String visitInSubquery(InSubquery node) {
        return node.value().accept(this) + (node.negated() ? " NOT" : "") + " IN (" + node.query().accept(this) + ")";
    }

    @Override
    public String visitExists(Exists node) {
        return "EXISTS (" + node.query().accept(this) + ")";
    }

    @Override
    public String visitIsNull(IsNull node) {
        return node.value().accept(this) + (node.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public String visitBooleanValue(BooleanValue node) {
        return node.value().accept(this);
    }
}
