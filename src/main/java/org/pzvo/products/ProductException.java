// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

/**
 * A request about products that cannot be done: the HTTP edge answers {@link #status()} (a 4xx)
 * with {@link #getMessage()}, which says what is wrong and what to do.
 */
public final class ProductException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ProductException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400 bad request, 401 not authenticated, 403 forbidden, 404 unknown, 409 conflict, 413 too large. */
    public int status() {
        return status;
    }

    static ProductException bad(String message) {
        return new ProductException(400, message);
    }

    static ProductException notFound(String id) {
        return new ProductException(404, "No product " + id + " is visible to you; GET /products lists yours and"
                + " those shared with you");
    }
}
