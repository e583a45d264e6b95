// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pzvo.auth.AccessKeys;

/**
 * One row of pz.products (tap-schema/pz.yaml). Immutable; the {@code with*} methods return
 * changed copies.
 *
 * @param id            product identifier = qualified table name {@code user_<owner>.<name>}
 * @param name          the owner's name for it
 * @param type          product type
 * @param owner         user name of the owner
 * @param description   free text, may be empty
 * @param release       data release it refers to, or null
 * @param official      official product of the PZ coordination group
 * @param published     false while a draft
 * @param sharedWith    groups it is shared with
 * @param sharedWithAll shared with every authenticated user
 * @param nRows         rows of the table
 * @param sizeBytes     bytes of the main file
 * @param createdAt     ISO-8601 UTC
 * @param updatedAt     ISO-8601 UTC
 */
public record ProductEntry(String id, String name, ProductType type, String owner, String description, String release,
                           boolean official, boolean published, List<String> sharedWith, boolean sharedWithAll,
                           long nRows, long sizeBytes, String createdAt, String updatedAt) {
    public ProductEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        sharedWith = List.copyOf(sharedWith);
        description = description == null ? "" : description;
    }

    /** The schema of the product's table. */
    public String schema() {
        return id.substring(0, id.indexOf('.'));
    }

    /** The access keys that may see the product (the owner's, and when published its sharing). */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(AccessKeys.ofUser(owner));
        if (published) {
            keys.addAll(sharedWith);
            if (sharedWithAll) {
                keys.add(AccessKeys.AUTHENTICATED);
            }
        }
        return keys;
    }

    /** Whether holders of {@code accessKeys} may see it. */
    public boolean visibleTo(Set<String> accessKeys) {
        return keys().stream().anyMatch(accessKeys::contains);
    }

    ProductEntry withMetadata(ProductType t, String d, String r, boolean o, String now) {
        return new ProductEntry(id, name, t, owner, d, r, o, published, sharedWith, sharedWithAll, nRows, sizeBytes,
                createdAt, now);
    }

    ProductEntry withSharing(List<String> groups, boolean all, String now) {
        return new ProductEntry(id, name, type, owner, description, release, official, published, groups, all, nRows,
                sizeBytes, createdAt, now);
    }

    ProductEntry withContent(boolean p, long rows, long bytes, String now) {
        return new ProductEntry(id, name, type, owner, description, release, official, p, sharedWith, sharedWithAll,
                rows, bytes, createdAt, now);
    }
}
