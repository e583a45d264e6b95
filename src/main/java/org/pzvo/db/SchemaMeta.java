// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.List;
import java.util.Objects;

/**
 * Metadata of one published schema (TAP 1.1 §4.1), read from one {@code tap-schema/*.yaml} file.
 *
 * @param name        exact schema name
 * @param description human-readable description
 * @param utype       data-model utype, or null
 * @param index       TAP_SCHEMA.schemas.schema_index (listing order, lower first)
 * @param tables      the tables, in their listing order
 * @param source      name of the YAML file it was read from (for messages)
 */
public record SchemaMeta(String name, String description, String utype, int index, List<TableMeta> tables,
                         String source) {
    public SchemaMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        tables = List.copyOf(tables);
    }
}
