// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.Objects;
import java.util.Optional;
import org.pzvo.adql.check.TableInfo;

/**
 * A positional join handed to the cross-match engine: the pairs (first key, second key) such that
 * {@code pzvo_distance(first.ra, first.dec, second.ra, second.dec)} is below ({@code strict}) or
 * at most the radius. The translated SQL reads the pairs from two BIGINT array parameters (the
 * first keys, then the second keys), in place of the join condition it replaced.
 *
 * @param radiusDeg    the constant radius in degrees, or NaN when {@code radiusColumn} gives it
 * @param radiusColumn the per-row radius (degrees), a column of one of the two tables
 */
public record PairRequest(Side first, Side second, double radiusDeg, Optional<RadiusColumn> radiusColumn,
                          boolean strict, Rows rows) {
    public PairRequest {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(radiusColumn, "radiusColumn");
        Objects.requireNonNull(rows, "rows");
        if (radiusColumn.isPresent() != Double.isNaN(radiusDeg)) {
            throw new IllegalArgumentException("Expected either a constant radius or a radius column");
        }
    }

    /** Pairs only: the SQL joins both tables on their keys. */
    public PairRequest(Side first, Side second, double radiusDeg, Optional<RadiusColumn> radiusColumn, boolean strict) {
        this(first, second, radiusDeg, radiusColumn, strict, Rows.NONE);
    }

    /**
     * Which table's rows come with the pairs. With {@code FIRST} (or {@code SECOND}) the SQL reads,
     * for each pair, the other table's key ({@link #ROWS_KEY}) and every column of that table
     * (its {@code table().columns()}, in order) from the pair source, and joins only the other
     * table.
     */
    public enum Rows { NONE, FIRST, SECOND }

    /** The column of the pair source holding the other table's key when {@link Rows} is not NONE. */
    public static final String ROWS_KEY = "_pzvo_pair_key";

    /** One table of the join: its positions ({@code table.position()}) and its row key column. */
    public record Side(TableInfo table, String keyColumn) {
        public Side {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(keyColumn, "keyColumn");
            if (table.position().isEmpty()) {
                throw new IllegalArgumentException("Expected a table with a position, actual " + table.qualifiedName());
            }
        }
    }

    /** A radius column of the first ({@code ofFirst}) or second table. */
    public record RadiusColumn(boolean ofFirst, String column) {
        public RadiusColumn {
            Objects.requireNonNull(column, "column");
        }
    }
}
