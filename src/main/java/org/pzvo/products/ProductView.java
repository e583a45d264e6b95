// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.List;

/**
 * What the owner (or a user it is shared with) sees of a product: its registry row, columns,
 * files and the first rows of its table.
 *
 * @param entry   the pz.products row
 * @param columns the detected columns with annotations
 * @param files   the product's files, with their DataLink identifiers once published
 * @param preview the first rows of the file (at most {@link ProductService#PREVIEW_ROWS})
 */
public record ProductView(ProductEntry entry, List<ProductColumn> columns, List<ProductRegistry.FileRow> files,
                          List<Object[]> preview) {
    public ProductView {
        columns = List.copyOf(columns);
        files = List.copyOf(files);
        preview = List.copyOf(preview);
    }
}
