// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pzvo.adql.ast.*;
import org.pzvo.adql.check.TableInfo;

/**
 * Writes the SQL of a checked and rewritten tree: everything that is the same on every engine is
 * here, and what differs is asked of the {@link SqlDialect}. Every identifier is written quoted
 * with its canonical name and every literal through the dialect, so no user text reaches the SQL
 * unescaped. Compound expressions and boolean connectives are parenthesised, so operator
 * precedence never depends on the engine and no two tokens can merge into a comment marker.
 *
 * <p>Expects the passes of {@link Passes} to have run: IN_UNIT, REGION and the geometric
 * functions must be gone (the renderer throws {@link IllegalStateException} otherwise).
 */
final class SqlRenderer implements AstVisitor<String> {
    private final SqlDialect dialect;
    /**
     * Parameter index (1-based) by type and value, when numeric literals are written as
     * parameters ({@link #renderBound}); null when they are written inline.
     */
    private final Map<String, Integer> parameters;
    private final List<Object> values = new ArrayList<>();

    SqlRenderer(SqlDialect dialect) {
        this(dialect, false);
    }

    private SqlRenderer(SqlDialect dialect, boolean bound) {
        this.dialect = dialect;
        this.parameters = bound ? new LinkedHashMap<>() : null;
    }

    /** The SQL of {@code query}. */
    String render(Query query) {
        return query.accept(this);
    }

    /**
     * The SQL of {@code query} with the numeric literals of the query text as parameters, for H2
     * only: {@code CAST(?n AS T)} gives a parameter the type H2 gives the literal, so the values
     * and the types of every expression are those of {@link #render}. Inline stay: literals the
     * passes wrote (the same in every query of a shape), literals standing alone in GROUP BY or
     * ORDER BY (they may be column positions), and arrays (see {@link #doubleArray}).
     */
    static BoundSql renderBound(SqlDialect dialect, Query query) {
        SqlRenderer renderer = new SqlRenderer(dialect, true);
        String sql = renderer.render(query);
        return new BoundSql(sql, renderer.values);
    }

    /** {@code CAST(?n AS type)} for a value, one parameter per distinct type and value. */
    private String parameter(String type, Object value, String key) {
        Integer index = parameters.computeIfAbsent(type + ' ' + key, k -> {
            values.add(value);
            return values.size();
        });
        return "CAST(?" + index + " AS " + type + ")";
    }

    /** An inline-literal rendering of a GROUP BY or ORDER BY key that is a bare literal. */
    private String key(Node node) {
        if (parameters != null && node instanceof NumericLiteral n) {
            return new SqlRenderer(dialect).sql(n);
        }
        return sql(node);
    }

    private String sql(Node node) {
        return node.accept(this);
    }

    private String list(List<? extends Node> nodes) {
        return nodes.stream().map(this::sql).collect(Collectors.joining(", "));
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    // ------------------------------------------------------------------ queries

    @Override
    public String visitSelectQuery(SelectQuery n) {
        StringBuilder out = new StringBuilder("SELECT ");
        if (n.distinct()) {
            out.append("DISTINCT ");
        }
        out.append(list(n.items()));
        if (!n.from().isEmpty()) {
            out.append(" FROM ").append(list(n.from()));
        }
        n.where().ifPresent(w -> out.append(" WHERE ").append(sql(w)));
        if (!n.groupBy().isEmpty()) {
            out.append(" GROUP BY ").append(n.groupBy().stream().map(this::key).collect(Collectors.joining(", ")));
        }
        n.having().ifPresent(h -> out.append(" HAVING ").append(sql(h)));
        orderBy(out, n.orderBy());
        return out.append(dialect.limitClause(n.top(), n.offset())).toString();
    }

    private void orderBy(StringBuilder out, List<OrderItem> items) {
        if (!items.isEmpty()) {
            out.append(" ORDER BY ").append(list(items));
        }
    }

    @Override
    public String visitSetQuery(SetQuery n) {
        StringBuilder out = new StringBuilder();
        out.append('(').append(sql(n.left())).append(") ").append(n.operator().keyword());
        if (n.all()) {
            out.append(" ALL");
        }
        out.append(" (").append(sql(n.right())).append(')');
        orderBy(out, n.orderBy());
        return out.append(dialect.limitClause(-1, n.offset())).toString();
    }

    @Override
    public String visitWithQuery(WithQuery n) {
        return "WITH " + list(n.ctes()) + " " + sql(n.body());
    }

    @Override
    public String visitCommonTableExpr(CommonTableExpr n) {
        String columns = n.columns().isEmpty() ? ""
                : n.columns().stream().map(c -> q(c.text())).collect(Collectors.joining(", ", "(", ")"));
        return q(n.name().text()) + columns + " AS (" + sql(n.query()) + ")";
    }

    @Override
    public String visitOrderItem(OrderItem n) {
        return key(n.key()) + (n.descending() ? " DESC" : " ASC") + dialect.nullOrdering(n.descending());
    }

    @Override
    public String visitDerivedColumn(DerivedColumn n) {
        return sql(n.expr()) + n.alias().map(a -> " AS " + q(a.text())).orElse("");
    }

    @Override
    public String visitAllColumns(AllColumns n) {
        throw unresolved(n);
    }

    // ------------------------------------------------------------------ FROM

    @Override
    public String visitTableRef(TableRef n) {
        throw unresolved(n);
    }

    @Override
    public String visitDerivedTable(DerivedTable n) {
        if (Internal.isLateral(n)) {
            return "LATERAL (" + sql(n.query()) + ") AS " + q(Internal.lateralName(n));
        }
        return "(" + sql(n.query()) + ") AS " + q(n.alias().text());
    }

    @Override
    public String visitJoin(Join n) {
        StringBuilder out = new StringBuilder(sql(n.left()));
        boolean cross = n.type() == JoinType.INNER && !n.natural() && n.on().isEmpty() && n.using().isEmpty();
        out.append(cross ? " CROSS JOIN " : (n.natural() ? " NATURAL " : " ") + n.type().keywords() + " ");
        out.append(n.right() instanceof Join ? "(" + sql(n.right()) + ")" : sql(n.right()));
        n.on().ifPresent(on -> out.append(" ON ").append(sql(on)));
        if (!n.using().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Identifier id : n.using()) {
                names.add(q(FromColumns.canonical(n.right(), id)));
            }
            out.append(" USING (").append(String.join(", ", names)).append(')');
        }
        return out.toString();
    }

    @Override
    public String visitResolvedTable(ResolvedTable n) {
        TableInfo t = n.table();
        String table = (t.schema().isEmpty() ? "" : q(t.schema()) + ".") + q(t.sqlName());
        return RowFilters.source(table, t.rowFilters(), dialect) + " AS " + q(n.correlation());
    }

    @Override
    public String visitCteTable(CteTable n) {
        if (Internal.isSeries(n)) {
            return dialect.integerSeries(Internal.seriesCount(n), n.correlation(), Internal.SERIES_COLUMN);
        }
        if (Internal.isPairs(n)) {
            return dialect.pairParameters(n.correlation(), Internal.PAIRS_FIRST, Internal.PAIRS_SECOND);
        }
        if (Internal.isPairRows(n)) {
            return dialect.pairRows(n.correlation(), n.columns());
        }
        return q(n.cteName()) + " AS " + q(n.correlation());
    }

    // ------------------------------------------------------------------ values

    @Override
    public String visitColumnRef(ColumnRef n) {
        throw unresolved(n);
    }

    @Override
    public String visitResolvedColumn(ResolvedColumn n) {
        return n.correlation().map(c -> q(c) + ".").orElse("") + q(n.column());
    }

    @Override
    public String visitOutputColumnRef(OutputColumnRef n) {
        return Integer.toString(n.position());
    }

    @Override
    public String visitNumericLiteral(NumericLiteral n) {
        if (parameters != null && !n.span().equals(Span.NONE)) {
            Optional<String> bound = boundLiteral(n);
            if (bound.isPresent()) {
                return bound.get();
            }
        }
        return switch (n.kind()) {
            case INTEGER -> n.text();
            case HEX -> new BigInteger(n.text().substring(2), 16).toString();
            // Exact decimals would be NUMERIC with engine-specific scales; ADQL users mean floating point.
            case DECIMAL, REAL -> SqlText.asDouble(n.text());
        };
    }

    /**
     * A numeric literal as a parameter of H2's type for it: INTEGER or BIGINT by magnitude (larger
     * ones, NUMERIC, stay inline), DOUBLE PRECISION for decimals (the CAST of {@link SqlText#asDouble};
     * Java and H2 both round the decimal correctly; non-finite ones stay inline).
     */
    private Optional<String> boundLiteral(NumericLiteral n) {
        return switch (n.kind()) {
            case INTEGER, HEX -> {
                BigInteger v = n.kind() == NumericKind.HEX ? new BigInteger(n.text().substring(2), 16) : new BigInteger(n.text());
                if (v.bitLength() < 32) {
                    yield Optional.of(parameter("INTEGER", v.intValue(), v.toString()));
                }
                yield v.bitLength() < 64 ? Optional.of(parameter("BIGINT", v.longValue(), v.toString())) : Optional.empty();
            }
            case DECIMAL, REAL -> {
                double d = Double.parseDouble(n.text());
                yield Double.isFinite(d) ? Optional.of(parameter("DOUBLE PRECISION", d, Double.toString(d))) : Optional.empty();
            }
        };
    }

    /**
     * A geometry value's coordinates. With bound literals, the array is still written inline
     * (literals included): H2 folds a constant array once, but would cast an array parameter
     * again for every row it tests.
     */
    private String doubleArray(List<Expr> coordinates) {
        SqlRenderer inline = parameters == null ? this : new SqlRenderer(dialect);
        return dialect.doubleArray(coordinates.stream().map(inline::sql).toList());
    }

    @Override
    public String visitStringLiteral(StringLiteral n) {
        return dialect.stringLiteral(n.value());
    }

    @Override
    public String visitBooleanLiteral(BooleanLiteral n) {
        return n.value() ? "TRUE" : "FALSE";
    }

    @Override
    public String visitNullLiteral(NullLiteral n) {
        return "NULL";
    }

    @Override
    public String visitUnary(Unary n) {
        String operand = sql(n.operand());
        return switch (n.operator()) {
            case PLUS -> "(+" + operand + ")";
            case MINUS -> "(-" + operand + ")";
            case BIT_NOT -> dialect.bitwiseNot(operand);
        };
    }

    @Override
    public String visitBinary(Binary n) {
        String left = sql(n.left());
        String right = sql(n.right());
        if (n.operator().isBitwise()) {
            return dialect.bitwise(n.operator(), left, right);
        }
        return "(" + left + " " + n.operator().symbol() + " " + right + ")";
    }

    @Override
    public String visitBuiltinCall(BuiltinCall n) {
        List<String> args = n.args().stream().map(this::sql).toList();
        return SqlCalls.builtin(dialect, n.function(), args, n.args().stream().allMatch(Types::integral));
    }

    @Override
    public String visitAggregate(Aggregate n) {
        if (n.arg().isEmpty()) {
            return n.function().name() + "(*)";
        }
        String arg = sql(n.arg().get());
        if (n.function() == AggregateFunction.AVG) {
            // H2 averages integers as NUMERIC with 10 decimals, PostgreSQL as NUMERIC with more: agree on double.
            arg = SqlText.asDouble(arg);
        }
        return n.function().name() + "(" + (n.distinct() ? "DISTINCT " : "") + arg + ")";
    }

    @Override
    public String visitUdfCall(UdfCall n) {
        if (parameters != null && n.name().equals(Internal.ARRAY)) {
            // Constant HEALPix ranges: inline, as geometry values (doubleArray).
            return new SqlRenderer(dialect).visitUdfCall(n);
        }
        return SqlCalls.udf(dialect, n.name(), n.args().stream().map(this::sql).toList());
    }

    @Override
    public String visitCast(Cast n) {
        if (n.type().isGeometry()) {
            return sql(n.value());
        }
        return "CAST(" + sql(n.value()) + " AS " + dialect.castType(n.type(), n.length()) + ")";
    }

    @Override
    public String visitSimpleCase(SimpleCase n) {
        StringBuilder out = new StringBuilder("CASE ").append(sql(n.operand()));
        for (SimpleWhen w : n.whens()) {
            out.append(" WHEN ").append(sql(w.value())).append(" THEN ").append(sql(w.result()));
        }
        n.elseResult().ifPresent(e -> out.append(" ELSE ").append(sql(e)));
        return out.append(" END").toString();
    }

    @Override
    public String visitSearchedCase(SearchedCase n) {
        StringBuilder out = new StringBuilder("CASE");
        for (SearchedWhen w : n.whens()) {
            out.append(" WHEN ").append(sql(w.condition())).append(" THEN ").append(sql(w.result()));
        }
        n.elseResult().ifPresent(e -> out.append(" ELSE ").append(sql(e)));
        return out.append(" END").toString();
    }

    @Override
    public String visitCoalesce(Coalesce n) {
        return "COALESCE(" + list(n.args()) + ")";
    }

    @Override
    public String visitInUnit(InUnit n) {
        throw new IllegalStateException("Expected IN_UNIT to be converted by the checker");
    }

    @Override
    public String visitScalarSubquery(ScalarSubquery n) {
        return "(" + sql(n.query()) + ")";
    }

    // ------------------------------------------------------------------ geometry values

    @Override
    public String visitPoint(Point n) {
        return doubleArray(List.of(n.x(), n.y()));
    }

    @Override
    public String visitCircle(Circle n) {
        return doubleArray(List.of(Geometry.x(n.center()), Geometry.y(n.center()), n.radius()));
    }

    @Override
    public String visitBox(Box n) {
        return "pzvo_box(" + sql(Geometry.x(n.center())) + ", " + sql(Geometry.y(n.center())) + ", "
                + sql(n.width()) + ", " + sql(n.height()) + ")";
    }

    @Override
    public String visitPolygon(Polygon n) {
        List<Expr> coordinates = new ArrayList<>();
        for (Expr vertex : n.vertices()) {
            coordinates.add(Geometry.x(vertex));
            coordinates.add(Geometry.y(vertex));
        }
        return doubleArray(coordinates);
    }

    @Override
    public String visitRegion(Region n) {
        throw new IllegalStateException("Expected REGION to be rewritten by Regions");
    }

    // ------------------------------------------------------------------ predicates

    @Override
    public String visitAnd(And n) {
        List<Predicate> terms = new ArrayList<>();
        flatten(n, terms, true);
        return terms.stream().map(this::sql).collect(Collectors.joining(" AND ", "(", ")"));
    }

    @Override
    public String visitOr(Or n) {
        List<Predicate> terms = new ArrayList<>();
        flatten(n, terms, false);
        return terms.stream().map(this::sql).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** The operands of a chain of ANDs (or ORs), in order, so that long chains stay flat. */
    private static void flatten(Predicate p, List<Predicate> out, boolean and) {
        if (and && p instanceof And a) {
            flatten(a.left(), out, true);
            flatten(a.right(), out, true);
        } else if (!and && p instanceof Or o) {
            flatten(o.left(), out, false);
            flatten(o.right(), out, false);
        } else {
            out.add(p);
        }
    }

    @Override
    public String visitNot(Not n) {
        return "(NOT " + sql(n.operand()) + ")";
    }

    @Override
    public String visitComparison(Comparison n) {
        return sql(n.left()) + " " + n.operator().symbol() + " " + sql(n.right());
    }

    @Override
    public String visitBetween(Between n) {
        return sql(n.value()) + (n.negated() ? " NOT" : "") + " BETWEEN " + sql(n.low()) + " AND " + sql(n.high());
    }

    @Override
    public String visitLike(Like n) {
        return sql(n.value()) + (n.negated() ? " NOT" : "") + (n.caseInsensitive() ? " ILIKE " : " LIKE ")
                + sql(n.pattern());
    }

    @Override
    public String visitInList(InList n) {
        return sql(n.value()) + (n.negated() ? " NOT" : "") + " IN (" + list(n.values()) + ")";
    }

    @Override
    public String visitInSubquery(InSubquery n) {
        return sql(n.value()) + (n.negated() ? " NOT" : "") + " IN (" + sql(n.query()) + ")";
    }

    @Override
    public String visitExists(Exists n) {
        return "EXISTS (" + sql(n.query()) + ")";
    }

    @Override
    public String visitIsNull(IsNull n) {
        return sql(n.value()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public String visitBooleanValue(BooleanValue n) {
        return sql(n.value());
    }

    private static IllegalStateException unresolved(Node n) {
        return new IllegalStateException("Expected a checked tree, found unresolved " + n.getClass().getSimpleName());
    }
}
