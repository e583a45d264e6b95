// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of the catalog. {@code schema} and {@code name} are the canonical names the table was
 * created with (quoted in SQL); {@code position} names the order-29 HEALPix index of the table's
 * main position, when it has one. {@code sqlName} is the table's name in the database, which
 * differs from {@code name} only for a TAP_UPLOAD table (stored under a per-request unique name
 * while the query calls it by the name given in UPLOAD). {@code rowFilters} hide rows the
 * current user may not see (all must pass); empty for an unfiltered table.
 */
public record TableInfo(String schema, String name, String description,
                        List<ColumnInfo> columns, Optional<PositionIndex> position, String sqlName,
                        List<RowFilter> rowFilters) {
    public TableInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(sqlName, "sqlName");
        rowFilters = List.copyOf(rowFilters);
    }

    /** An unfiltered table stored under {@code sqlName}. */
    public TableInfo(String schema, String name, String description, List<ColumnInfo> columns,
                     Optional<PositionIndex> position, String sqlName) {
        this(schema, name, description, columns, position, sqlName, List.of());
    }

    /** This table with its rows filtered by {@code filters}. */
    public TableInfo withRowFilters(List<RowFilter> filters) {
        return new TableInfo(schema, name, description, columns, position, sqlName, filters);
    }

    /** A table stored under its own name. */
    public TableInfo(String schema, String name, String description, List<ColumnInfo> columns,
                     Optional<PositionIndex> position) {
        this(schema, name, description, columns, position, name, List.of());
    }

    /** {@code schema.name}, for messages. */
    public String qualifiedName() {
        return schema.isEmpty() ? name : schema + "." + name;
    }
}
