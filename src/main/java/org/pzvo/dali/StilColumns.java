// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import uk.ac.starlink.table.ColumnInfo;

/** Builds STIL column descriptions from TAP column metadata, so writers emit the right FIELDs. */
final class StilColumns {
    private StilColumns() {
    }

    static ColumnInfo columnInfo(FieldMeta f) {
        ColumnInfo info = new ColumnInfo(f.name(), contentClass(f), f.description());
        info.setUnitString(f.unit());
        info.setUCD(f.ucd());
        info.setUtype(f.utype());
        info.setXtype(f.xtype());
        info.setNullable(true);
        if (f.isString()) {
            int width = fixedLength(f.arraysize());
            if (width > 0) {
                info.setElementSize(width);
            }
        } else if (f.isArray()) {
            int n = fixedLength(f.arraysize());
            info.setShape(new int[] {n > 0 ? n : -1});
        }
        return info;
    }

    /** "301" -> 301; "*", "10*", null -> -1 (variable). */
    static int fixedLength(String arraysize) {
        if (arraysize == null || arraysize.isEmpty() || arraysize.endsWith("*")) {
            return arraysize == null ? 1 : -1;
        }
        try {
            return Integer.parseInt(arraysize);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Class<?> contentClass(FieldMeta f) {
        boolean array = f.isArray();
        switch (f.datatype()) {
            case "boolean":
                return array ? boolean[].class : Boolean.class;
            case "unsignedByte":
            case "short":
                return array ? short[].class : Short.class;
            case "int":
                return array ? int[].class : Integer.class;
            case "long":
                return array ? long[].class : Long.class;
            case "float":
                return array ? float[].class : Float.class;
            case "double":
                return array ? double[].class : Double.class;
            case "char":
            case "unicodeChar":
                return String.class;
            default:
                throw new IllegalArgumentException("Unsupported VOTable datatype " + f.datatype()
                        + " for column " + f.name());
        }
    }
}
