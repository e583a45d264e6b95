// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Locale;

/**
 * The VOTable metadata of a value (a column or an expression), without a name: what becomes a
 * {@link ResultColumn} once the output name is known. {@link #kind()} is the coarse ADQL type used
 * for type checks.
 */
record Meta(String datatype, String arraysize, String xtype, String unit, String ucd, String utype,
            String description) {

    /** Coarse value types for the checks of ADQL 2.1 §2.3 and §4.2. */
    enum Kind {
        NUMERIC("a number"), STRING("a string"), TIMESTAMP("a timestamp"), GEOMETRY("a geometry"),
        BOOLEAN("a boolean"), ARRAY("an array"), NULL("NULL");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    static final Meta NULL = new Meta("char", "*", null, null, null, null, null);
    static final Meta BOOLEAN = new Meta("boolean", null, null, null, null, null, null);
    static final Meta INT = of("int");
    static final Meta LONG = of("long");
    static final Meta DOUBLE = of("double");
    static final Meta STRING = new Meta("char", "*", null, null, null, null, null);
    static final Meta TIMESTAMP = new Meta("char", "*", "timestamp", null, null, null, null);
    static final Meta POINT = new Meta("double", "2", "point", "deg", null, null, null);
    static final Meta CIRCLE = new Meta("double", "3", "circle", "deg", null, null, null);
    static final Meta POLYGON = new Meta("double", "*", "polygon", "deg", null, null, null);
    static final Meta REGION = new Meta("char", "*", "adql:REGION", null, null, null, null);

    static Meta of(String datatype) {
        return new Meta(datatype, null, null, null, null, null, null);
    }

    static Meta of(ColumnInfo c) {
        return new Meta(c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(), c.utype(), c.description());
    }

    ColumnInfo toColumn(String name) {
        return new ColumnInfo(name, datatype, arraysize, xtype, unit, ucd, utype, description);
    }

    ResultColumn toResult(String name) {
        return new ResultColumn(name, datatype, arraysize, xtype, unit, ucd, utype, description);
    }

    Meta withUnit(String newUnit) {
        return new Meta(datatype, arraysize, xtype, newUnit, ucd, utype, description);
    }

    /** The same type without the descriptive metadata of the column it came from. */
    Meta typeOnly() {
        return new Meta(datatype, arraysize, xtype, null, null, null, null);
    }

    Kind kind() {
        if (this == NULL) {
            return Kind.NULL;
        }
        String x = xtype == null ? "" : xtype.toLowerCase(Locale.ROOT);
        if (x.equals("point") || x.equals("circle") || x.equals("polygon") || x.equals("moc")
                || x.equals("adql:region") || x.equals("region") || x.equals("shape")) {
            return Kind.GEOMETRY;
        }
        if (x.equals("timestamp") || x.equals("adql:timestamp")) {
            return Kind.TIMESTAMP;
        }
        boolean text = datatype.equals("char") || datatype.equals("unicodeChar");
        if (text) {
            return Kind.STRING;
        }
        if (arraysize != null && !arraysize.equals("1")) {
            return Kind.ARRAY;
        }
        return datatype.equals("boolean") ? Kind.BOOLEAN : Kind.NUMERIC;
    }

    boolean isIntegral() {
        return kind() == Kind.NUMERIC && (datatype.equals("short") || datatype.equals("int")
                || datatype.equals("long") || datatype.equals("unsignedByte"));
    }

    /** Whether values of the two types can be compared with =, <, BETWEEN, IN. */
    static boolean comparable(Kind a, Kind b) {
        if (a == Kind.NULL || b == Kind.NULL || a == b) {
            return true;
        }
        if ((a == Kind.NUMERIC && b == Kind.BOOLEAN) || (a == Kind.BOOLEAN && b == Kind.NUMERIC)) {
            return true;
        }
        return (a == Kind.TIMESTAMP && b == Kind.STRING) || (a == Kind.STRING && b == Kind.TIMESTAMP);
    }

    /** The metadata of a UDF type name such as {@code BIGINT}, {@code VARCHAR} or {@code INTEGER[]}. */
    static Meta ofAdqlType(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        boolean array = t.endsWith("[]");
        if (array) {
            t = t.substring(0, t.length() - 2).trim();
        }
        Meta scalar = switch (t) {
            case "SMALLINT" -> of("short");
            case "INTEGER", "INT" -> INT;
            case "BIGINT" -> LONG;
            case "REAL" -> of("float");
            case "DOUBLE", "DOUBLE PRECISION" -> DOUBLE;
            case "BOOLEAN" -> BOOLEAN;
            case "TIMESTAMP" -> TIMESTAMP;
            case "POINT" -> POINT;
            case "CIRCLE" -> CIRCLE;
            case "POLYGON" -> POLYGON;
            case "REGION" -> REGION;
            case "ANY" -> NULL;
            default -> STRING;
        };
        return array ? new Meta(scalar.datatype, "*", null, null, null, null, null) : scalar;
    }

    /** The kind an argument of a UDF type name must have, or null for ANY. */
    static Kind kindOfAdqlType(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        if (t.equals("ANY")) {
            return null;
        }
        return ofAdqlType(type).kind();
    }
}
