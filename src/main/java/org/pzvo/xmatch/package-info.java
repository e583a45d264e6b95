// SPDX-License-Identifier: BSD-3-Clause
/**
 * The cross-match engine (issue 6; DESIGN.md "Spatial design: HEALPix everywhere"): the pairs of
 * a positional join, computed outside the database and read by the rest of the query in SQL.
 *
 * <p>Public surface:
 * <ul>
 *   <li>{@link org.pzvo.xmatch.CrossMatchEngine}: a {@link org.pzvo.sql.MatchPlanner} for the
 *       translator, and {@code bind} of the pairs of a {@link org.pzvo.sql.PairRequest} to the
 *       translated statement; {@code prepare} at start-up.</li>
 *   <li>{@link org.pzvo.xmatch.PositionIndexFiles}: {@code rebuild} of a catalog's position index
 *       {@code <data>/index/<schema.table>.pos}, called by ingest.</li>
 *   <li>{@link org.pzvo.xmatch.HeldTable}: a table the engine reads without the database (an
 *       upload kept as its parsed file), registered under its SQL name while its request runs.</li>
 *   <li>{@link org.pzvo.xmatch.H2Pairs}: the H2 table functions {@code pzvo_pairs(token)} and
 *       {@code pzvo_pair_rows(token, spec)} (the pairs with every column of one table, an
 *       upload: the final join then looks up only the catalog, in its key order).</li>
 * </ul>
 * Inside: {@code Positions} (columns sorted by order-29 index, heap or mapped), {@code PositionFile}
 * (the file format), {@code PositionReader} (one SQL scan, or one pass over a held table),
 * {@code SuppliedRows} (the matched rows of the supplied held table, one pass, kept column by column), {@code Matcher} (the merge over each
 * position's cell and its neighbours with the exact {@code Spherical.distanceDeg} test),
 * {@code RadixSort}.
 *
 * <p>Known compromises: a constant radius is taken as Java evaluates the ADQL constant (H2 may
 * round a decimal constant differently in the last bit); a position index is checked against its
 * table (row count, key range) when first used by a server process and when ingest rewrites it,
 * so a table changed behind pzvo's back while a server runs is seen at the next start; pairs are
 * held in memory (16 bytes each) while the query runs, and on H2 the matched upload rows too (8
 * bytes a value); H2 copies a table function's rows into its own result (on disk beyond 40,000).
 */
package org.pzvo.xmatch;
