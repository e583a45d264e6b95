// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Objects;

/**
 * A column of the catalog, with its VOTable metadata. {@code datatype} is a VOTable datatype
 * (boolean short int long float double char unicodeChar); {@code arraysize} is {@code null} for a
 * scalar, else {@code "*"}, {@code "301"}, ...; {@code xtype} is {@code null} or a DALI xtype
 * ({@code timestamp}, {@code point}, {@code circle}, {@code polygon}, ...). unit, ucd, utype and
 * description may be {@code null}.
 */
public record ColumnInfo(String name, String datatype, String arraysize, String xtype,
                         String unit, String ucd, String utype, String description) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
    }
}
