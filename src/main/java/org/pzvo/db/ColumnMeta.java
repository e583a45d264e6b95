// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Metadata of one published column, as read from {@code tap-schema/*.yaml}.
 *
 * <p>{@code name} is the exact name of the column in the database, where it is always created
 * quoted (CONTRACTS.md "Identifiers end to end"). {@code datatype} is a VOTable primitive name
 * (VOTable 1.4 §2.1); {@code arraysize} is null for a scalar, else a VOTable arraysize such as
 * {@code "301"}, {@code "16*"} or {@code "*"}. Nullable components: arraysize, xtype, unit, ucd,
 * utype.
 *
 * @param name        exact column name
 * @param datatype    VOTable datatype: boolean short int long float double char unicodeChar
 * @param arraysize   VOTable arraysize, or null for a scalar
 * @param xtype       DALI xtype (e.g. {@code timestamp}), or null
 * @param unit        VOUnit string, or null when dimensionless
 * @param ucd         UCD1+ string, or null
 * @param utype       data-model utype, or null
 * @param description human-readable description (never empty)
 * @param principal   TAP_SCHEMA.columns.principal
 * @param indexed     whether the column gets a B-tree index (TAP_SCHEMA.columns.indexed)
 * @param std         TAP_SCHEMA.columns.std: defined by a standard
 * @param nullable    whether NULL is allowed (a NOT NULL constraint otherwise)
 */
public record ColumnMeta(String name, String datatype, String arraysize, String xtype, String unit,
                         String ucd, String utype, String description, boolean principal,
                         boolean indexed, boolean std, boolean nullable) {

    /** The VOTable datatypes a column may have (VOTable 1.4 §2.1, as TAP 1.1 §4.3 uses them). */
    public static final Set<String> DATATYPES =
            Set.of("boolean", "short", "int", "long", "float", "double", "char", "unicodeChar");

    /** The xtype of ADQL REGION columns (TAP 1.0 §6 STC-S values; ObsCore 1.1 s_region). */
    public static final String REGION_XTYPE = "adql:REGION";

    private static final Pattern REGULAR_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public ColumnMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(description, "description");
    }

    /** Whether the column holds an array of {@link #datatype()} values (not a character string). */
    public boolean isArray() {
        return arraysize != null && !isCharacter();
    }

    /**
     * Whether the column holds ADQL REGION values (char, xtype adql:REGION): stored as the
     * DOUBLE PRECISION array of the shape in DALI order, published as STC-S text
     * ({@link org.pzvo.sky.StcsRegion}).
     */
    public boolean isRegion() {
        return isCharacter() && REGION_XTYPE.equalsIgnoreCase(xtype);
    }

    /** Whether the column is a character string (char or unicodeChar, any arraysize). */
    public boolean isCharacter() {
        return datatype.equals("char") || datatype.equals("unicodeChar");
    }

    /**
     * The fixed number of elements of the array or string, or -1 when the size is variable
     * ({@code "*"}, {@code "n*"}) and 1 for a scalar.
     */
    public int fixedLength() {
        if (arraysize == null) {
            return 1;
        }
        return arraysize.endsWith("*") ? -1 : Integer.parseInt(arraysize);
    }

    /**
     * The upper bound on the number of elements ({@code 301} for {@code "301"} and
     * {@code "301*"}), -1 for {@code "*"}, 1 for a scalar.
     */
    public int maxLength() {
        if (arraysize == null) {
            return 1;
        }
        String digits = arraysize.endsWith("*") ? arraysize.substring(0, arraysize.length() - 1) : arraysize;
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    /**
     * The name as written in ADQL and in TAP_SCHEMA.columns.column_name: the plain name when it
     * is a regular identifier, else double-quoted. TAP 1.1 §4.3 names {@code "size"} as a column
     * that must be quoted because SIZE is reserved; it is the only reserved word pzvo quotes, so
     * columns named like the commonly used {@code dec} or {@code value} stay plain.
     */
    public String adqlName() {
        if (REGULAR_IDENTIFIER.matcher(name).matches() && !name.equalsIgnoreCase("size")) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
