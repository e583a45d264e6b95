// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.Optional;
import org.pzvo.adql.check.TableInfo;

/**
 * Which tables the cross-match engine can read: the translator hands a positional join between
 * two such tables to the engine ({@link PairRequest}) instead of writing it as a HEALPix-cell join.
 * Implementations are thread-safe.
 */
public interface MatchPlanner {
    /** No engine: every positional join stays SQL. */
    MatchPlanner NONE = table -> Optional.empty();

    /**
     * The column of {@code table} that identifies a row (unique, integer, not null), when the
     * engine can read the table's positions (the table has a {@code position}); empty otherwise.
     * The column need not be one of {@code table.columns()} (an upload's row number is not).
     */
    Optional<String> keyColumn(TableInfo table);

    /**
     * Whether the engine can hand the SQL every column of {@code table} along with the pairs
     * ({@link PairRequest.Rows}), so the query reads that table's rows from the pair source
     * instead of joining the table on its key: a join the database would do with one random
     * lookup per pair.
     */
    default boolean suppliesRows(TableInfo table) {
        return false;
    }
}
