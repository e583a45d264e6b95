// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * A node of the immutable ADQL syntax tree. Every node carries the {@link Span} of the text it
 * came from (nodes built by the checker copy the span of the node they replace). Nodes hold no
 * rendering logic: renderers are {@link AstVisitor}s.
 *
 * <p>Record equality includes spans; use {@link AstEquality#equalsIgnoringSpans} to compare
 * trees by meaning only (for example a parsed tree with the tree parsed from its printed form).
 */
public sealed interface Node permits Query, SelectItem, FromItem, Expr, Predicate, CommonTableExpr, OrderItem {
    /** Where the node's text lies in the query. */
    Span span();

    /** Double dispatch to the visitor method for this record. */
    <R> R accept(AstVisitor<R> visitor);
}
