// SPDX-License-Identifier: BSD-3-Clause
/**
 * The ADQL 2.1 engine front end (IVOA Recommendation 2023-12-15): {@link org.pzvo.adql.AdqlParser}
 * turns text into an immutable syntax tree ({@code ast}), {@code check.Checker} resolves it against
 * the metadata catalog, {@code print.AdqlPrinter} prints normalised ADQL and {@code feature.Features}
 * declares the optional features. Every user-facing error is an {@link org.pzvo.adql.AdqlException}
 * with a span and a message from {@link org.pzvo.adql.Messages}.
 *
 * <p>This package and its subpackages know nothing of SQL, JDBC or HTTP (DESIGN.md "one way
 * through"; enforced by {@code DependencyRulesTest}). The one outward dependency of the tree is on
 * the metadata records of {@code check} ({@code TableInfo}, {@code ColumnInfo}), which resolved
 * nodes carry.
 */
package org.pzvo.adql;
