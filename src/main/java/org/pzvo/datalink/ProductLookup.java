// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.db.Metadata;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductAccess;
import org.pzvo.obscore.Products;

/**
 * Resolves the {@code ID} parameter of the DataLink services (preview, cutout) to a registered
 * product (CONTRACTS.md "DataLink links to services owned by sia"): a missing or repeated ID is
 * a 400, an identifier that is not a registered product, or one the user may not see
 * ({@link ProductAccess}), a 404. Thread-safe.
 */
final class ProductLookup {
    private final DataSource dataSource;

    ProductLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The product {@code params} name, if a member of {@code groups} may see it (else 404, as unknown). */
    Product product(DaliParams params, Metadata metadata, Set<String> groups) throws DaliException {
        String id = params.required("ID", "give the product identifier (ivoa.obscore.obs_publisher_did),"
                + " e.g. ID=ivo://pzvo.example/pzvo?maps/depth_i_dp1_o10.fits").trim();
        Optional<Product> product;
        try (Connection c = dataSource.getConnection()) {
            product = Products.find(c, id);
        } catch (SQLException e) {
            throw new DaliException(503, "The product registry cannot be read now; try again later", e);
        }
        // Issue 9: a product the user may not see is answered exactly like an unknown one.
        return product.filter(p -> ProductAccess.visible(p, metadata, groups)).orElseThrow(() -> new DaliException(
                404, "No product with ID " + id + "; identifiers are the obs_publisher_did values of ivoa.obscore"));
    }
}
