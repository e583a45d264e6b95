// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Aggregate;
import org.h2.value.Value;

/**
 * The {@code ivo_histogram(value, lower, upper, nbins)} aggregate for H2 (GAVO/DaCHS UDF):
 * counts per bin as an array of nbins + 2 integers, {@code [underflow, bin1..binN, overflow]}.
 * NULL and NaN values are skipped; no counted row gives NULL.
 *
 * <p>Beware: H2 2.3.232 cannot declare a user aggregate of a typed ARRAY (its
 * {@code TypeInfo.getTypeInfo(ARRAY)} has no component type and the query fails), so on H2 the
 * aggregate's SQL type is JAVA_OBJECT holding an {@code Integer[]}. Wrap it as
 * {@code pzvo_int_array(ivo_histogram(...))} to get an INTEGER ARRAY; PostgreSQL has the same
 * wrapper (identity), so that spelling works on both engines. One instance per group, not shared.
 */
public final class Histogram implements Aggregate {
    private int[] counts;

    /** Public for H2's {@code CREATE AGGREGATE}. */
    public Histogram() {
    }

    @Override
    public void init(Connection connection) {
        counts = null;
    }

    @Override
    public int getInternalType(int[] inputTypes) throws SQLException {
        if (inputTypes.length != 4) {
            throw new SQLException("Expected 4 arguments to ivo_histogram(value, lower, upper, nbins), actual "
                    + inputTypes.length, "42000");
        }
        return Value.JAVA_OBJECT;
    }

    @Override
    public void add(Object row) throws SQLException {
        Object[] args = (Object[]) row;
        if (args[0] == null || args[1] == null || args[2] == null || args[3] == null) {
            return;
        }
        double value = ((Number) args[0]).doubleValue();
        double lower = ((Number) args[1]).doubleValue();
        double upper = ((Number) args[2]).doubleValue();
        int nbins = ((Number) args[3]).intValue();
        int bin;
        try {
            bin = bin(value, lower, upper, nbins);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "22023", e);
        }
        if (bin < 0) {
            return;
        }
        if (counts == null) {
            counts = new int[nbins + 2];
        } else if (counts.length != nbins + 2) {
            throw new SQLException("Expected the same nbins in every row of ivo_histogram, actual "
                    + (counts.length - 2) + " and " + nbins, "22023");
        }
        counts[bin]++;
    }

    @Override
    public Object getResult() {
        if (counts == null) {
            return null;
        }
        Integer[] result = new Integer[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = counts[i];
        }
        return result;
    }

    /**
     * The array slot of a value: 0 below {@code lower}, nbins + 1 at or above {@code upper},
     * otherwise 1 + floor((value - lower) / (upper - lower) * nbins); -1 for NaN.
     * The PostgreSQL aggregate computes the same expression.
     */
    public static int bin(double value, double lower, double upper, int nbins) {
        if (nbins < 1 || !(lower < upper)) {
            throw new IllegalArgumentException("Expected nbins >= 1 and lower < upper, actual nbins " + nbins
                    + ", lower " + lower + ", upper " + upper);
        }
        if (Double.isNaN(value)) {
            return -1;
        }
        if (value < lower) {
            return 0;
        }
        if (value >= upper) {
            return nbins + 1;
        }
        return 1 + (int) Math.min(nbins - 1, Math.floor((value - lower) / (upper - lower) * nbins));
    }
}
