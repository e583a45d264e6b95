// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.util.Objects;

/**
 * One registered file product (CONTRACTS.md "Product identifiers and the registry"): the local
 * facts the services need to find, describe and serve a file below {@code <data.dir>/products/}.
 * Immutable.
 *
 * @param publisherDid  {@code ivo://{authority}/pzvo?{relativePath}}: ivoa.obscore.obs_publisher_did
 *                      and the DataLink ID
 * @param relativePath  path below {@code <data.dir>/products/}, '/'-separated ({@link ProductIds#checkPath})
 * @param productType   one of the {@code TYPE_*} constants of {@link Products}
 * @param mapId         maps.map.map_id for a map or a map's MOC, else null
 * @param tableName     "schema.table" the product derives from (catalog MOC, training set, PDFs), else null
 * @param contentType   MIME type served by /files
 * @param sizeBytes     file size in bytes
 * @param sha256        SHA-256 of the file, lower-case hexadecimal
 * @param accessGroup   group allowed to read the product, or null for a public product (issue 9)
 */
public record Product(String publisherDid, String relativePath, String productType,
                      String mapId, String tableName,
                      String contentType, long sizeBytes, String sha256,
                      String accessGroup) {
    public Product {
        Objects.requireNonNull(publisherDid, "publisherDid");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("Expected a file size >= 0, actual " + sizeBytes);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Expected a SHA-256 as 64 lower-case hex digits, actual " + sha256);
        }
    }
}
