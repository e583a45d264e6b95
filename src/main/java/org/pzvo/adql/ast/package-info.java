// SPDX-License-Identifier: BSD-3-Clause
/**
 * The immutable ADQL syntax tree: records under the sealed interfaces {@link org.pzvo.adql.ast.Query},
 * {@link org.pzvo.adql.ast.SelectItem}, {@link org.pzvo.adql.ast.FromItem},
 * {@link org.pzvo.adql.ast.Expr} and {@link org.pzvo.adql.ast.Predicate}, each with its
 * {@link org.pzvo.adql.ast.Span}; {@link org.pzvo.adql.ast.AstVisitor} (one method per record, no
 * defaults) and {@link org.pzvo.adql.ast.DefaultVisitor} (delegation by category).
 *
 * <p>Trees from the parser contain unresolved references ({@code TableRef}, {@code ColumnRef},
 * {@code AllColumns}); trees from the checker contain resolved ones instead ({@code ResolvedTable},
 * {@code CteTable}, {@code ResolvedColumn}, {@code OutputColumnRef}), with canonical catalog names
 * that renderers quote. Record equality includes spans; {@link org.pzvo.adql.ast.AstEquality}
 * compares meaning only.
 */
package org.pzvo.adql.ast;
