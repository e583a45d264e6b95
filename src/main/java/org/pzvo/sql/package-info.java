// SPDX-License-Identifier: BSD-3-Clause
/**
 * ADQL to SQL (DESIGN.md "Architecture: one way through", stages rewrite and render).
 *
 * <p>{@link org.pzvo.sql.Translator} parses and checks a query with {@code org.pzvo.adql}, runs
 * the ordered rewriting passes of {@code Passes} on the checked tree (each a pure
 * {@code Query -> Query} function returning the same instance when it changes nothing), and
 * writes SQL with the shared {@code SqlRenderer} and a {@link org.pzvo.sql.SqlDialect} that
 * answers only what differs between H2 and PostgreSQL. SQL-only constructs the passes need
 * (array subscripts, integer series, lateral subqueries, our pzvo_* functions) are encoded in the
 * tree as nodes the ADQL parser can never produce ({@code Internal}).
 *
 * <p>Spatial conditions on a table with a {@link org.pzvo.adql.check.PositionIndex} get HEALPix
 * range predicates on its order-29 index (constant shapes from {@code org.pzvo.sky.Coverage},
 * positional joins from {@code pzvo_cone_cells}); the exact test always stays. This package knows
 * nothing of HTTP and executes nothing.
 */
package org.pzvo.sql;
