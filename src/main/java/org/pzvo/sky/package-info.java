// SPDX-License-Identifier: BSD-3-Clause
/**
 * Sky geometry and HEALPix for pzvo (DESIGN.md "Spatial design: HEALPix everywhere").
 *
 * <p>Public surface:
 * <ul>
 *   <li>{@link org.pzvo.sky.SkyIndex}: NESTED indexes and cell centres (CDS HEALPix).</li>
 *   <li>{@link org.pzvo.sky.Spherical}: exact distance, containment, intersection, area,
 *       centroid and ADQL BOX polygons on DALI shape arrays.</li>
 *   <li>{@link org.pzvo.sky.Coverage}: order-29 range supersets of constant shapes and the
 *       cell-plus-neighbours ranges of the positional-join rewrite.</li>
 *   <li>{@link org.pzvo.sky.SqlFunctions}: the SQL functions of CONTRACTS.md and
 *       {@code install(Connection, Engine)} for H2 and PostgreSQL.</li>
 * </ul>
 * Everything is stateless and thread-safe. Angles are degrees unless a name says otherwise;
 * ranges are sorted, merged, flattened half-open {@code long[]} pairs of order-29 indexes.
 * Known compromises: polygons must be simple (not self-intersecting) and the smaller region
 * must not contain a pair of antipodal points; right ascensions beyond about ±1e9 deg overflow
 * the CDS hash; the PostgreSQL cell centre uses the C library's asin/acos (agrees with Java to
 * ~1e-15 deg, the index itself is bit for bit).
 */
package org.pzvo.sky;
