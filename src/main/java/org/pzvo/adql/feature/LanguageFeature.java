// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.feature;

import java.util.Locale;
import java.util.Objects;

/**
 * One optional ADQL 2.1 language feature as TAPRegExt 1.0 §2.3 declares it in a
 * {@code languageFeatures} element: the feature type URI, the form (a keyword such as
 * {@code CONTAINS}, or a UDF signature such as
 * {@code ivo_hasword(haystack VARCHAR, word VARCHAR) -> INTEGER}) and a description.
 */
public record LanguageFeature(String typeUri, String form, String description) {
    public LanguageFeature {
        Objects.requireNonNull(typeUri, "typeUri");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(description, "description");
    }

    /** The keyword, or for a UDF form its function name; lower case for UDFs as written in the form. */
    public String name() {
        int paren = form.indexOf('(');
        return paren < 0 ? form : form.substring(0, paren).trim();
    }

    /** Whether this feature is a user-defined function. */
    public boolean isUdf() {
        return typeUri.equals(Features.UDF);
    }

    /** Whether this feature's form names {@code keyword} (case-insensitive). */
    public boolean names(String keyword) {
        return name().toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT));
    }
}
