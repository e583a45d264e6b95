// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.List;
import java.util.Optional;

/** A small in-memory catalog shaped like pzvo's demo metadata. */
final class TestCatalog implements Catalog {
    static final TestCatalog INSTANCE = new TestCatalog();

    static ColumnInfo column(String name, String datatype, String unit, String ucd) {
        return new ColumnInfo(name, datatype, null, null, unit, ucd, null, name + " description");
    }

    static final TableInfo OBJECT = new TableInfo("lsst", "object", "Rubin-like objects", List.of(
            column("objectId", "long", null, "meta.id;meta.main"),
            column("coord_ra", "double", "deg", "pos.eq.ra;meta.main"),
            column("coord_dec", "double", "deg", "pos.eq.dec;meta.main"),
            column("g_cModelMag", "float", "mag", "phot.mag;em.opt.B"),
            column("hpx29", "long", null, "pos.healpix")),
            Optional.of(new PositionIndex("coord_ra", "coord_dec", "hpx29")));

    static final TableInfo PHOTOZ = new TableInfo("pz", "photoz", "photo-z estimates", List.of(
            column("objectId", "long", null, "meta.id"),
            column("z_mode", "float", null, "src.redshift.phot"),
            column("ra", "double", "deg", "pos.eq.ra"),
            column("dec", "double", "deg", "pos.eq.dec"),
            new ColumnInfo("pdf", "float", "*", null, null, null, null, "the PDF"),
            column("is_training", "boolean", null, null)),
            Optional.empty());

    static final TableInfo UPLOAD = new TableInfo("TAP_UPLOAD", "mine", "an upload", List.of(
            column("id", "int", null, null),
            column("ra", "double", "deg", null),
            column("dec", "double", "deg", null),
            new ColumnInfo("Name", "char", "*", null, null, null, null, null)),
            Optional.empty());

    static final TableInfo OBSCORE = new TableInfo("ivoa", "ObsCore", "ObsCore", List.of(
            new ColumnInfo("obs_id", "char", "*", null, null, "meta.id", null, null),
            new ColumnInfo("s_region", "char", "*", "adql:REGION", "deg", "pos.outline;obs.field", null, null),
            new ColumnInfo("t_min", "char", "*", "timestamp", null, null, null, null)),
            Optional.empty());

    @Override
    public List<TableInfo> tables() {
        return List.of(OBJECT, PHOTOZ, UPLOAD, OBSCORE);
    }

    @Override
    public List<FunctionInfo> functions() {
        return List.of(new FunctionInfo("pzvo_test", List.of("DOUBLE"), "DOUBLE", "a catalog UDF"));
    }
}
