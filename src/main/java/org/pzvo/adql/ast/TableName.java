// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** A possibly qualified table name {@code [[catalog.]schema.]table} as written. */
public record TableName(Span span, Optional<Identifier> catalog, Optional<Identifier> schema, Identifier table) {
    public TableName {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (catalog.isPresent() && schema.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs a schema");
        }
    }
}
