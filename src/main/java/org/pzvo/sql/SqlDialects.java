// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.db.Engine;

/** The dialect of each engine. */
public final class SqlDialects {
    /** H2 2.3, which cannot use an index for an OR of ranges. */
    public static final SqlDialect H2 = new H2Dialect(false);
    /** PostgreSQL 14+, whose BitmapOr uses the index for an OR of ranges. */
    public static final SqlDialect POSTGRESQL = new PostgresDialect(true);

    private SqlDialects() {
    }

    /** The standard dialect of {@code engine}. */
    public static SqlDialect of(Engine engine) {
        return switch (engine) {
            case H2 -> H2;
            case POSTGRESQL -> POSTGRESQL;
        };
    }
}
