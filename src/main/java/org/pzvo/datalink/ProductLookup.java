// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;

/**
 * Resolves the {@code ID} parameter of the DataLink services (preview, cutout) to a registered
 * product (CONTRACTS.md "DataLink links to services owned by sia"): a missing or repeated ID is
 * a 400, an identifier that is not a registered product a 404, a product restricted to a group a
 * 403 (anonymous requests only, until issue 9). Thread-safe.
 */
final class ProductLookup {
    private final DataSource dataSource;

    ProductLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Product product(DaliParams params) throws DaliException {
        String id = params.required("ID", "give the product identifier (ivoa.obscore.obs_publisher_did),"
                + " e.g. ID=ivo://pzvo.example/pzvo?maps/depth_i_dp1_o10.fits").trim();
        Optional<Product> product;
        try (Connection c = dataSource.getConnection()) {
            product = Products.find(c, id);
        } catch (SQLException e) {
            throw new DaliException(503, "The product registry cannot be read now; try again later", e);
        }
        Product p = product.orElseThrow(() -> new DaliException(404, "No product with ID " + id
                + "; identifiers are the obs_publisher_did values of ivoa.obscore"));
        if (p.accessGroup() != null) {
            throw new DaliException(403, "Product " + id + " is restricted to the group " + p.accessGroup());
        }
        return p;
    }
}
