// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table the engine reads without the database: an uploaded table kept as its parsed file,
 * stored in the database only when a query's SQL reads it (the engine, handing the upload's rows
 * to the SQL with the pairs, needs no stored copy). Rows are keyed 1, 2, ... in file order; values
 * follow the columns of the table's {@link org.pzvo.adql.check.TableInfo}, each as the Java value
 * of the SQL type the table would be stored with, or null.
 *
 * <p>Held tables are registered under their SQL name (unique per request) while their request runs.
 */
public interface HeldTable {
    /** Reads the rows in key order. */
    Rows rows() throws IOException;

    /** A forward cursor over the rows; the key of the current row is the number of {@link #next} calls. */
    interface Rows extends AutoCloseable {
        boolean next() throws IOException;

        /** The value of column {@code column} (index into the table's columns) of the current row. */
        Object value(int column) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A registration; closing it ends it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers {@code table} under {@code sqlName} until the returned handle is closed. */
    static Registration register(String sqlName, HeldTable table) {
        HeldTables.HELD.put(sqlName, table);
        return () -> HeldTables.HELD.remove(sqlName, table);
    }

    /** The held table registered under {@code sqlName}. */
    static Optional<HeldTable> of(String sqlName) {
        return Optional.ofNullable(HeldTables.HELD.get(sqlName));
    }
}

/** The registered held tables, by SQL name. */
final class HeldTables {
    static final Map<String, HeldTable> HELD = new ConcurrentHashMap<>();

    private HeldTables() {
    }
}
