// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of one published table or view (TAP 1.1 §4.2), with its columns in their published
 * order (TAP_SCHEMA.columns.column_index is the 1-based position in {@link #columns()}).
 *
 * @param schema      exact schema name
 * @param name        exact table name, unqualified
 * @param type        {@code table} or {@code view}
 * @param description human-readable description
 * @param utype       data-model utype, or null
 * @param columns     the columns, in order
 * @param primaryKey  names of the primary-key columns (may be empty)
 * @param position    the main position and its order-29 HEALPix column, if the table has one
 * @param groups      groups whose members may see the table; empty means public
 * @param foreignKeys foreign keys from this table to others
 */
public record TableMeta(String schema, String name, String type, String description, String utype,
                        List<ColumnMeta> columns, List<String> primaryKey, Optional<PositionMeta> position,
                        List<String> groups, List<ForeignKeyMeta> foreignKeys) {
    public TableMeta {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(position, "position");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        groups = List.copyOf(groups);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The same table under another name (e.g. a staging table). */
    public TableMeta withName(String newName) {
        return new TableMeta(schema, newName, type, description, utype, columns, primaryKey, position, groups,
                foreignKeys);
    }

    /** {@code schema.name}, the form used in ADQL and in TAP_SCHEMA.tables.table_name. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /**
     * The primary key when it is one integer column (short, int or long): a key that identifies a
     * row by one number, as the cross-match engine and H2's row key need.
     */
    public Optional<ColumnMeta> integerKey() {
        if (primaryKey().size() != 1) {
            return Optional.empty();
        }
        return column(primaryKey().get(0)).filter(k -> !k.isArray() && switch (k.datatype()) {
            case "short", "int", "long" -> true;
            default -> false;
        });
    }

    /** The column with exactly this name, if any. */
    public Optional<ColumnMeta> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * Whether the column has a B-tree index in the database (and so TAP_SCHEMA.columns.indexed =
     * 1): its {@code indexed} flag is set, it is the HEALPix column of the position (always
     * indexed, DESIGN.md "Spatial design"), or it is the first primary-key column.
     */
    public boolean isIndexed(ColumnMeta column) {
        return column.indexed()
                || isHealpix(column)
                || (!primaryKey.isEmpty() && primaryKey.get(0).equals(column.name()));
    }

    /** Whether the column is the order-29 HEALPix index of the table's position. */
    public boolean isHealpix(ColumnMeta column) {
        return position.map(p -> p.healpix().equals(column.name())).orElse(false);
    }

    /** Whether the table is visible to everybody (no {@link #groups()}). */
    public boolean isPublic() {
        return groups.isEmpty();
    }
}
