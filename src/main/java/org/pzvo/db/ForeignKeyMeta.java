// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from one published table to another (TAP 1.1 §4.4 and §4.5). Table names are
 * fully qualified ({@code schema.table}); column lists are parallel and of equal length.
 *
 * @param keyId         unique identifier (TAP_SCHEMA.keys.key_id)
 * @param fromTable     qualified name of the referencing table
 * @param targetTable   qualified name of the referenced table
 * @param fromColumns   referencing columns, in order
 * @param targetColumns referenced columns, in the same order
 * @param description   human-readable description, or null
 * @param utype         data-model utype, or null
 */
public record ForeignKeyMeta(String keyId, String fromTable, String targetTable, List<String> fromColumns,
                             List<String> targetColumns, String description, String utype) {
    public ForeignKeyMeta {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(fromTable, "fromTable");
        Objects.requireNonNull(targetTable, "targetTable");
        fromColumns = List.copyOf(fromColumns);
        targetColumns = List.copyOf(targetColumns);
        if (fromColumns.size() != targetColumns.size() || fromColumns.isEmpty()) {
            throw new IllegalArgumentException("Expected as many target columns as columns (at least one) in key "
                    + keyId + ", actual " + fromColumns.size() + " and " + targetColumns.size());
        }
    }
}
