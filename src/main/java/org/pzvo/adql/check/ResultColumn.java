// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Objects;

/**
 * Metadata of one output column of a query, as it will appear in the VOTable FIELD. Only
 * {@code name} and {@code datatype} are never {@code null}.
 */
public record ResultColumn(String name, String datatype, String arraysize, String xtype,
                           String unit, String ucd, String utype, String description) {
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
    }
}
