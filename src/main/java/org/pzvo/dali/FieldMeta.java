// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.util.Objects;

/**
 * Metadata of one output column as VOTable FIELD attributes (VOTable 1.4 §3.1; TAP_SCHEMA.columns).
 * {@code datatype} uses VOTable names (boolean short int long float double char unicodeChar);
 * {@code arraysize} is null for scalars, else "*", "N" or "N*"; the other strings may be null.
 */
public record FieldMeta(String name, String datatype, String arraysize, String xtype,
                        String unit, String ucd, String utype, String description) {
    public FieldMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
    }

    public boolean isArray() {
        return arraysize != null && !isString();
    }

    /** An ADQL REGION: read from SQL as its shape array, written as STC-S text. */
    public boolean isRegion() {
        return isString() && "adql:REGION".equalsIgnoreCase(xtype);
    }

    /** char/unicodeChar with an arraysize is a string, not an array of characters. */
    public boolean isString() {
        return datatype.equals("char") || datatype.equals("unicodeChar");
    }
}
