// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

/** The database engines pzvo runs on. */
public enum Engine {
    /** Embedded H2, a file database under the data directory (the default). */
    H2,
    /** PostgreSQL 15 or later (production). */
    POSTGRESQL;

    /** The engine a JDBC URL points at. */
    public static Engine ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "Expected a JDBC URL starting with jdbc:h2: or jdbc:postgresql:, actual " + jdbcUrl);
    }
}
