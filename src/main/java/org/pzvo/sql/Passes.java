// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.check.ResultColumn;

/**
 * The rewriting passes between the checker and the renderer, in order (STYLE.md item 8; name
 * resolution, type and unit checks, IN_UNIT conversion and {@code *} expansion are the
 * checker's, before these):
 * <ol>
 *   <li>{@link Support}: refuse what cannot be translated (string-to-geometry CAST, NUL,
 *       FULL OUTER JOIN on H2);</li>
 *   <li>{@link Regions}: REGION with a constant STC-S string → the geometry constructor;</li>
 *   <li>{@link JoinColumns}: NATURAL → USING, merged USING columns → the columns they stand for;</li>
 *   <li>{@link RowLimit}: the service row limit caps the outermost query;</li>
 *   <li>{@link EnginePairs}: the positional join of the outermost SELECT → the cross-match
 *       engine's pairs, when a {@link MatchPlanner} knows both tables;</li>
 *   <li>{@link SpatialIndex}: spatial conditions → HEALPix range predicates, constant shapes and
 *       positional joins (needs the geometric functions still in place);</li>
 *   <li>{@link HealpixIndexColumn}: ivo_healpix_index of a table's indexed position → its
 *       order-29 index divided by 4^(29-k);</li>
 *   <li>{@link GeometryFunctions}: geometric functions → exact pzvo_* SQL functions.</li>
 * </ol>
 */
final class Passes {
    private Passes() {
    }

    /** The passes for one translation. */
    static List<Pass> standard(SqlDialect dialect, long rowLimit, List<ResultColumn> columns,
                               EnginePairs enginePairs) {
        return List.of(
                query -> Support.check(query, dialect),
                Regions::apply,
                JoinColumns::apply,
                query -> RowLimit.apply(query, rowLimit, columns),
                enginePairs::apply,
                query -> SpatialIndex.apply(query, dialect),
                HealpixIndexColumn::apply,
                GeometryFunctions::apply);
    }

    /** Runs {@code passes} in order. */
    static Query run(List<Pass> passes, Query query) throws AdqlException {
        Query q = query;
        for (Pass pass : passes) {
            q = pass.apply(q);
        }
        return q;
    }
}
