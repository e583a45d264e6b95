// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.util.Objects;

/**
 * One column of an uploaded table as it is stored: its (validated) name, VOTable datatype and
 * arraysize, and the metadata the upload declared. {@code sourceIndex} is the column's index in
 * the uploaded table, or -1 for the HEALPix index column the service adds. {@code xtype} is kept
 * for DALI {@code timestamp} strings only (stored as their ISO 8601 text); other strings, STC-S
 * regions included, are plain text.
 */
record UploadColumn(int sourceIndex, String name, String datatype, String arraysize, String xtype, String unit,
                    String ucd, String description) {
    UploadColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
    }

    boolean isArray() {
        return arraysize != null && !"char".equals(datatype);
    }

    /**
     * A value of the uploaded table as stored in this column: STIL's bytes widen to short and
     * single characters become strings; everything else is stored as STIL reads it.
     */
    static Object stored(Object value) {
        if (value instanceof Byte b) {
            return (short) b;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    /** The SQL type for CREATE TABLE on PostgreSQL ({@code postgres}) or H2. */
    String sqlType(boolean postgres) {
        if ("char".equals(datatype)) {
            return postgres ? "TEXT" : "VARCHAR";
        }
        String scalar = elementType();
        if (arraysize == null) {
            return scalar;
        }
        return postgres ? scalar + "[]" : scalar + " ARRAY";
    }

    /** The SQL type of a scalar, or of an array's elements. */
    String elementType() {
        return switch (datatype) {
            case "boolean" -> "BOOLEAN";
            case "short" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "long" -> "BIGINT";
            case "float" -> "REAL";
            case "double" -> "DOUBLE PRECISION";
            default -> throw new IllegalStateException("Expected a numeric or boolean datatype, actual " + datatype);
        };
    }
}
