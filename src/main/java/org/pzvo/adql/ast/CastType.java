// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** Target types of CAST (ADQL 2.1 type operations, optional feature "type"). */
public enum CastType {
    SMALLINT("SMALLINT", false, "short", null),
    INTEGER("INTEGER", false, "int", null),
    BIGINT("BIGINT", false, "long", null),
    REAL("REAL", false, "float", null),
    DOUBLE_PRECISION("DOUBLE PRECISION", false, "double", null),
    CHAR("CHAR", true, "char", null),
    VARCHAR("VARCHAR", true, "char", null),
    TIMESTAMP("TIMESTAMP", false, "char", "timestamp"),
    POINT("POINT", false, "double", "point"),
    CIRCLE("CIRCLE", false, "double", "circle"),
    POLYGON("POLYGON", false, "double", "polygon");

    private final String adql;
    private final boolean allowsLength;
    private final String datatype;
    private final String xtype;

    CastType(String adql, boolean allowsLength, String datatype, String xtype) {
        this.adql = adql;
        this.allowsLength = allowsLength;
        this.datatype = datatype;
        this.xtype = xtype;
    }

    /** The ADQL spelling. */
    public String adql() {
        return adql;
    }

    /** Whether a length may follow, as in {@code VARCHAR(30)}. */
    public boolean allowsLength() {
        return allowsLength;
    }

    /** The VOTable datatype of the result. */
    public String datatype() {
        return datatype;
    }

    /** The DALI xtype of the result, or {@code null}. */
    public String xtype() {
        return xtype;
    }

    /** Whether the result is a geometry. */
    public boolean isGeometry() {
        return this == POINT || this == CIRCLE || this == POLYGON;
    }
}
