// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kinds of PZ products (the product types of the LIneA PZ Server, DOMAIN.md §1.2), with the
 * column roles (aliases) a product of that kind must have before it is published (§1.4 step 3).
 */
public enum ProductType {
    REDSHIFT_CATALOG("redshift_catalog", "spec-z catalog", "ra", "dec", "z"),
    TRAINING_SET("training_set", "training set", "z"),
    VALIDATION_RESULTS("validation_results", "validation results"),
    PHOTOZ_ESTIMATES("photoz_estimates", "photo-z estimates"),
    TRAINING_RESULTS("training_results", "training results"),
    OBJECT_CATALOG("object_catalog", "object catalog", "ra", "dec"),
    OTHER("other", "other");

    private final String code;
    private final String label;
    private final String[] requiredAliases;

    ProductType(String code, String label, String... requiredAliases) {
        this.code = code;
        this.label = label;
        this.requiredAliases = requiredAliases;
    }

    /** The name stored in pz.products.product_type. */
    public String code() {
        return code;
    }

    /** The human name, e.g. "spec-z catalog". */
    public String label() {
        return label;
    }

    /** Column roles that must be annotated before publication (e.g. ra, dec, z). */
    public String[] requiredAliases() {
        return requiredAliases.clone();
    }

    /** The type named {@code text}: its code or label, in any case, '-' ' ' and '_' alike. */
    public static Optional<ProductType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = fold(text);
        return Arrays.stream(values()).filter(v -> fold(v.code).equals(t) || fold(v.label).equals(t)
                || t.equals("specz_catalog") && v == REDSHIFT_CATALOG).findFirst();
    }

    /** "redshift_catalog (spec-z catalog), training_set (...), ...": for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(v -> v.code + " (" + v.label + ")").collect(Collectors.joining(", "));
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
