// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.pzvo.adql.AdqlException;

/**
 * Expected SQL of one ADQL query, side by side for both dialects:
 * {@code sql(adql).h2(expectedH2).postgres(expectedPostgres)}, or {@code .both(expected)}.
 */
final class Golden {
    private final String adql;
    private final long rowLimit;

    private Golden(String adql, long rowLimit) {
        this.adql = adql;
        this.rowLimit = rowLimit;
    }

    static Golden sql(String adql) {
        return new Golden(adql, -1);
    }

    static Golden sql(String adql, long rowLimit) {
        return new Golden(adql, rowLimit);
    }

    Golden h2(String expected) {
        assertEquals(expected, translate(SqlDialects.H2), () -> "H2 SQL of " + adql);
        return this;
    }

    Golden postgres(String expected) {
        assertEquals(expected, translate(SqlDialects.POSTGRESQL), () -> "PostgreSQL SQL of " + adql);
        return this;
    }

    /** Both dialects write the same SQL. */
    Golden both(String expected) {
        return h2(expected).postgres(expected);
    }

    /** The H2 SQL with its literals as parameters, when it has any (none when the SQL reads pairs). */
    java.util.Optional<BoundSql> bound() {
        try {
            return Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, rowLimit).bound();
        } catch (AdqlException e) {
            throw new AssertionError("Expected a translation of " + adql + ", actual " + e.getMessage(), e);
        }
    }

    /** The SQL for {@code dialect}. */
    String translate(SqlDialect dialect) {
        try {
            return Translator.of(SkyCatalog.INSTANCE, dialect).translate(adql, rowLimit).sql();
        } catch (AdqlException e) {
            throw new AssertionError("Expected a translation of " + adql + ", actual " + e.getMessage(), e);
        }
    }
}
