// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Aggregate;
import org.h2.value.Value;

/**
 * The {@code ivo_string_agg(value, delimiter)} aggregate for H2 (GAVO/DaCHS UDF): the non-NULL
 * values joined with the delimiter, in the order rows arrive; NULL when there are none.
 * One instance per group, not shared.
 */
public final class StringAgg implements Aggregate {
    private StringBuilder joined;

    /** Public for H2's {@code CREATE AGGREGATE}. */
    public StringAgg() {
    }

    @Override
    public void init(Connection connection) {
        joined = null;
    }

    @Override
    public int getInternalType(int[] inputTypes) throws SQLException {
        if (inputTypes.length != 2) {
            throw new SQLException("Expected 2 arguments to ivo_string_agg(value, delimiter), actual "
                    + inputTypes.length, "42000");
        }
        return Value.VARCHAR;
    }

    @Override
    public void add(Object row) {
        Object[] args = (Object[]) row;
        if (args[0] == null) {
            return;
        }
        if (joined == null) {
            joined = new StringBuilder();
        } else if (args[1] != null) {
            joined.append(args[1]);
        }
        joined.append(args[0]);
    }

    @Override
    public Object getResult() {
        return joined == null ? null : joined.toString();
    }
}
