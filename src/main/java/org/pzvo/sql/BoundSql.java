// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of a query with the numeric literals of its text as numbered parameters
 * ({@code CAST(?n AS type)}, the type the engine gives the literal), and their values: the text is
 * then the same for every query of one shape (geometry values and HEALPix ranges aside, which stay
 * inline), so the engine's per-connection statement cache parses and plans it once (H2:
 * {@code QUERY_CACHE_SIZE}). Identical literals share one parameter, so that an expression
 * repeated in SELECT and GROUP BY stays textually identical.
 *
 * @param values per parameter (1-based order): Integer, Long or Double
 */
public record BoundSql(String sql, List<Object> values) {
    public BoundSql {
        Objects.requireNonNull(sql, "sql");
        values = List.copyOf(values);
    }

    /** Sets the parameters of a statement prepared from {@link #sql()}. */
    public void bind(PreparedStatement st) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Integer n) {
                st.setInt(i + 1, n);
            } else if (v instanceof Long n) {
                st.setLong(i + 1, n);
            } else {
                st.setDouble(i + 1, (Double) v);
            }
        }
    }
}
