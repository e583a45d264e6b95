// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one SQL function over many inputs in a single PostgreSQL query: the inputs travel as
 * arrays, are unnested WITH ORDINALITY and come back in order. Shapes of varying length travel
 * as one flat array plus offsets and lengths.
 */
final class SqlBatch {
    private SqlBatch() {
    }

    static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Flattens shapes: returns {flat, offsets (1-based), lengths}. */
    static Object[] flatten(List<double[]> shapes) {
        List<Double> flat = new ArrayList<>();
        Integer[] offsets = new Integer[shapes.size()];
        Integer[] lengths = new Integer[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            offsets[i] = flat.size() + 1;
            lengths[i] = shapes.get(i).length;
            for (double v : shapes.get(i)) {
                flat.add(v);
            }
        }
        return new Object[] {flat.toArray(new Double[0]), offsets, lengths};
    }

    /**
     * Executes {@code sql} with the given parameters (Java arrays become SQL arrays of the type
     * named in {@code types}) and returns column 1 of every row.
     */
    static List<Object> column(Connection connection, String sql, String[] types, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Object[]) {
                    statement.setArray(i + 1, connection.createArrayOf(types[i], (Object[]) p));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object value = rs.getObject(1);
                    if (value instanceof Array) {
                        value = ((Array) value).getArray();
                    }
                    out.add(value);
                }
            }
            return out;
        }
    }
}
