// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.Objects;

/**
 * One row of pz.product_columns: a column detected in a product's file and its annotations.
 *
 * @param index       1-based position in the file
 * @param name        column name
 * @param datatype    VOTable datatype, with the arraysize in brackets for arrays
 * @param ucd         UCD1+, or null
 * @param unit        VOUnit, or null
 * @param alias       role in the product (ra, dec, z, z_err, ...), or null
 * @param description description (never null)
 */
public record ProductColumn(int index, String name, String datatype, String ucd, String unit, String alias,
                            String description) {
    public ProductColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(description, "description");
    }

    ProductColumn annotated(String newUcd, String newUnit, String newAlias, String newDescription) {
        return new ProductColumn(index, name, datatype, newUcd, newUnit, newAlias, newDescription);
    }
}
