// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.adql.feature.Features;

/** The catalog of the translator tests: two positional tables, an upload-like table and hostile names. */
final class SkyCatalog implements Catalog {
    static final SkyCatalog INSTANCE = new SkyCatalog();

    static ColumnInfo column(String name, String datatype, String unit) {
        return new ColumnInfo(name, datatype, null, null, unit, null, null, null);
    }

    /** Sources: random and adversarial positions, order-29 index {@code hpx29}. */
    static final TableInfo SRC = new TableInfo("sky", "src", "sources", List.of(
            column("id", "int", null),
            column("ra", "double", "deg"),
            column("dec", "double", "deg"),
            column("hpx29", "long", null),
            column("flux", "double", "nJy"),
            column("mag", "float", "mag"),
            column("flag", "boolean", null),
            new ColumnInfo("name", "char", "*", null, null, null, null, null),
            new ColumnInfo("pos", "double", "2", "point", "deg", null, null, null)),
            Optional.of(new PositionIndex("ra", "dec", "hpx29")));

    /** Reference positions with a per-row match radius {@code r_deg}. */
    static final TableInfo REF = new TableInfo("sky", "ref", "reference positions", List.of(
            column("id", "int", null),
            column("ra", "double", "deg"),
            column("dec", "double", "deg"),
            column("hpx29", "long", null),
            column("r_deg", "double", "deg")),
            Optional.of(new PositionIndex("ra", "dec", "hpx29")));

    /** Like an upload: positions without an index. */
    static final TableInfo MINE = new TableInfo("TAP_UPLOAD", "mine", "an upload", List.of(
            column("id", "int", null),
            column("ra", "double", "deg"),
            column("dec", "double", "deg")),
            Optional.empty());

    /** Hostile canonical names: quotes, semicolons and comment markers. */
    static final String ODD_TABLE = "odd\"name";
    static final String ODD_COLUMN = "semi;colon--/*x*/";
    static final TableInfo ODD = new TableInfo("sky", ODD_TABLE, "hostile names", List.of(
            column(ODD_COLUMN, "int", null)),
            Optional.empty());

    @Override
    public List<TableInfo> tables() {
        return List.of(SRC, REF, MINE, ODD);
    }

    @Override
    public List<FunctionInfo> functions() {
        return new ArrayList<>(Features.udfs());
    }
}
