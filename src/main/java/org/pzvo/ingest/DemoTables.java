// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.sky.SkyIndex;

/**
 * Writes the demo's small and derived tables: pz.run, maps.map and maps.map_pixel, spec.specz,
 * spec.training_set, pz.nz and pz.validation_metrics. Package-private helper of {@link DemoData}.
 */
final class DemoTables {
    static final String RELEASE = "dp1-demo";
    static final String SURVEY = "LSST";
    /** Fixed creation time of the maps, so that reruns are identical. */
    private static final LocalDateTime MAPS_CREATED = LocalDateTime.parse("2025-06-29T12:00:00");
    static final double[] TOMO_EDGES = {0.0, 0.3, 0.6, 0.9, 1.2, 3.0};
    private static final int BATCH = 5000;
    /** Rows between two commits of a demo table ({@link BatchInserter}). */
    static final long COMMIT_ROWS = 100_000;

    private final Connection connection;
    private final Engine engine;
    private final Metadata metadata;
    private final long seed;
    private final ProgressListener progress;

    DemoTables(Connection connection, Engine engine, Metadata metadata, long seed, ProgressListener progress) {
        this.connection = connection;
        this.engine = engine;
        this.metadata = metadata;
        this.seed = seed;
        this.progress = progress;
    }

    BatchInserter inserter(String table, int batchSize, long total, String... columns) throws SQLException {
        return new BatchInserter(connection, engine, metadata.requireTable(table), List.of(columns), batchSize,
                COMMIT_ROWS, total, progress);
    }

    void writeRuns() throws SQLException {
        try (BatchInserter ins = inserter("pz.run", BATCH, PhotoZModel.RUNS.length, "run_id", "algorithm",
                "algorithm_version", "release", "training_set", "config", "pdf_representation", "zgrid_min",
                "zgrid_max", "zgrid_n", "zgrid", "created", "creator", "generator_version", "seed", "description")) {
            for (PhotoZModel.Run run : PhotoZModel.RUNS) {
                String config = String.format(java.util.Locale.ROOT, "{\"zmin\": 0.0, \"zmax\": 3.0, \"nzbins\": %d,"
                        + " \"sigma0\": %s, \"outlier_fraction\": %s, \"odds_k\": %s}", PdfModel.N, run.sigma0(),
                        run.outlierFraction(), PdfModel.ODDS_K);
                ins.add(run.runId(), run.algorithm(), run.version(), RELEASE,
                        "spec.training_set (is_training_set = true)", config, "interp", 0f, (float) PdfModel.Z_MAX,
                        PdfModel.N, PdfModel.grid(), LocalDateTime.parse(run.createdUtc()), "pzvo demo generator",
                        DemoData.GENERATOR_VERSION, seed, "Simulated " + run.algorithm() + " run: PDFs are Gaussian"
                                + " mixtures around the true redshift with sigma0 = " + run.sigma0() + " (1 + z)"
                                + " and magnitude-dependent outliers.");
            }
        }
    }

    /** Writes maps.map and maps.map_pixel; returns {maps, pixel rows}. */
    long[] writeMaps(DemoMaps maps) throws SQLException {
        List<Object[]> registry = new ArrayList<>();
        String moc = maps.mocAscii();
        double footprint = maps.footprintAreaDeg2();
        double coverage = 0;
        for (int k = 0; k < maps.pixels.length; k++) {
            coverage += maps.coverage(k) * DemoMaps.PIXEL_AREA_DEG2;
        }
        long n = maps.pixels.length;
        registry.add(mapRow("footprint", null, "stat.filling", null, null, n, footprint, moc,
                "Footprint of the seven fields: the fraction of each pixel inside a field, from 64 sub-pixels."));
        registry.add(mapRow("coverage", null, "stat.filling", null, null, n, coverage, moc,
                "Usable area: the footprint fraction, set to 0 where a bright-star, bad-column or satellite bit is set."));
        registry.add(mapRow("bitmask", null, "meta.code.qual", null, DemoMaps.BIT_DEFINITIONS, n, footprint, moc,
                "Bit mask of masked features; the value column is null and the bits are in the mask column."));
        for (int b = 0; b < 6; b++) {
            String band = Photometry.BANDS[b];
            registry.add(mapRow("depth", band, "phot.mag;stat.max", "mag", null, n, footprint, moc,
                    "5-sigma point-source limiting AB magnitude in the " + band + " band; it is the depth used for the"
                            + " photometric errors of the objects in the pixel."));
        }
        for (int bin = 1; bin < TOMO_EDGES.length; bin++) {
            double lo = TOMO_EDGES[bin - 1];
            double hi = TOMO_EDGES[bin];
            double visibleArea = 0;
            for (int k = 0; k < maps.pixels.length; k++) {
                visibleArea += maps.visibility(bin, k) * DemoMaps.PIXEL_AREA_DEG2;
            }
            registry.add(mapRow("visibility", "z" + bin, "i", "stat.probability", null, null, n, visibleArea, moc,
                    String.format(Locale.ROOT, "Visibility of galaxies of tomographic bin %d (%.1f <= z_mode < %.1f,"
                            + " the pz.nz bin): probability that a galaxy at z = %.2f in the pixel is detected, i.e."
                            + " brighter than the pixel's i-band 5-sigma depth m5 (depth_i map), times the usable"
                            + " fraction (coverage map): coverage * Phi((m5 - m_typ) / %.1f) with m_typ = 23.7 + 3.75"
                            + " log10(z / 0.9) = %.2f mag, the centre and scatter of the generated galaxy i"
                            + " magnitudes. 0 where a mask bit is set. sky_area is the visibility-weighted area.",
                            bin, lo, hi, 0.5 * (lo + hi), ObjectModel.I_SCATTER,
                            ObjectModel.typicalGalaxyIMag(0.5 * (lo + hi)))));
        }
        try (BatchInserter ins = inserter("maps.map", BATCH, registry.size(), "map_id", "product_type", "survey",
                "release", "band", "quantity", "value_unit", "hpx_order", "nside", "ordering", "coord_sys",
                "bit_definitions", "n_pixels", "sky_area", "moc", "software", "software_version", "created",
                "description")) {
            for (Object[] row : registry) {
                ins.add(row);
            }
        }
        int shift = 2 * (SkyIndex.MAX_ORDER - DemoMaps.ORDER);
        long pixelRows;
        try (BatchInserter ins = inserter("maps.map_pixel", BATCH, n * registry.size(), "map_id", "pixel", "pixel_value",
                "mask", "pix_lo29", "pix_hi29")) {
            for (Object[] map : registry) {
                String mapId = (String) map[0];
                String type = (String) map[1];
                int band = map[4] == null ? -1 : List.of(Photometry.BANDS).indexOf(map[4]);
                int bin = type.equals("visibility") ? Integer.parseInt(mapId.substring("visibility_z".length(),
                        "visibility_z".length() + 1)) : 0;
                for (int k = 0; k < n; k++) {
                    long pixel = maps.pixels[k];
                    Float value = switch (type) {
                        case "footprint" -> maps.fracdet[k];
                        case "coverage" -> maps.coverage(k);
                        case "depth" -> maps.depth[band][k];
                        case "visibility" -> maps.visibility(bin, k);
                        default -> null;
                    };
                    Integer mask = type.equals("bitmask") ? maps.mask[k] : null;
                    ins.add(mapId, pixel, value, mask, pixel << shift, (pixel + 1) << shift);
                }
            }
            pixelRows = ins.rows();
        }
        return new long[] {registry.size(), pixelRows};
    }

    private static Object[] mapRow(String type, String band, String quantity, String unit, String bits,
                                   long nPixels, double area, String moc, String description) {
        return mapRow(type, band, band, quantity, unit, bits, nPixels, area, moc, description);
    }

    /** A maps.map row; the map_id is {@code type[_idPart]_dp1_o10}. */
    private static Object[] mapRow(String type, String idPart, String band, String quantity, String unit,
                                   String bits, long nPixels, double area, String moc, String description) {
        String id = type + (idPart == null ? "" : "_" + idPart) + "_dp1_o" + DemoMaps.ORDER;
        return new Object[] {id, type, SURVEY, RELEASE, band, quantity, unit, (short) DemoMaps.ORDER,
            1 << DemoMaps.ORDER, "NESTED", "C", bits, nPixels, area, moc, "pzvo",
            DemoData.GENERATOR_VERSION, MAPS_CREATED, description};
    }

    void writeSpec(List<SpecRow> rows) throws SQLException {
        try (BatchInserter ins = inserter("spec.specz", BATCH, rows.size(), "crd_id", "id", "ra", "dec", "hpx29", "z",
                "z_err", "z_flag", "z_flag_homogenized", "instrument_type_homogenized", "survey", "tie_result",
                "group_id", "compared_to", "is_in_dp1_fields")) {
            for (SpecRow s : rows) {
                ins.add(s.crdId(), s.surveyId(), s.raDeg(), s.decDeg(), SkyIndex.hpx29(s.raDeg(), s.decDeg()), s.z(),
                        s.zErr(), s.zFlag(), s.flagHomogenized(), s.instrumentType(), s.survey(), s.tieResult(),
                        s.groupId(), s.comparedTo(), DemoSky.fieldOf(s.raDeg(), s.decDeg()) >= 0);
            }
        }
    }

    /**
     * spec.specz_private (restricted to the group pz-team, issue 9): a proprietary follow-up
     * sample, one secure deep redshift for every fifth spectroscopic target that has a
     * photometric counterpart.
     */
    long writePrivateSpec(List<SpecRow> rows) throws SQLException {
        try (BatchInserter ins = inserter("spec.specz_private", BATCH, rows.size() / 5 + 1, "crd_id", "ra", "dec",
                "hpx29", "z", "z_err", "z_flag_homogenized", "survey")) {
            long n = 0;
            for (SpecRow s : rows) {
                if (s.objectIndex() >= 0 && s.objectIndex() % 5 == 0) {
                    ins.add("PZT_" + n++, s.raDeg(), s.decDeg(), SkyIndex.hpx29(s.raDeg(), s.decDeg()), s.z(),
                            (float) (2e-4 * (1 + s.z())), (short) 4, "PZT-DEEP");
                }
            }
            return n;
        }
    }

    void writeTraining(List<TrainingRow> rows) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("crd_id", "object_id", "ra", "dec", "hpx29", "match_dist", "z",
                "z_err", "z_flag_homogenized", "survey"));
        for (String b : Photometry.BANDS) {
            columns.add("mag_" + b);
            columns.add("magerr_" + b);
        }
        columns.addAll(List.of("ebv", "extendedness", "is_training_set"));
        try (BatchInserter ins = inserter("spec.training_set", BATCH, rows.size(), columns.toArray(String[]::new))) {
            for (TrainingRow t : rows) {
                SpecRow s = t.spec();
                Object[] v = new Object[columns.size()];
                int i = 0;
                v[i++] = s.crdId();
                v[i++] = t.objectId();
                v[i++] = s.raDeg();
                v[i++] = s.decDeg();
                v[i++] = SkyIndex.hpx29(s.raDeg(), s.decDeg());
                v[i++] = (float) s.matchDistArcsec();
                v[i++] = s.z();
                v[i++] = s.zErr();
                v[i++] = s.flagHomogenized();
                v[i++] = s.survey();
                for (int b = 0; b < 6; b++) {
                    v[i++] = t.mag()[b];
                    v[i++] = t.magErr()[b];
                }
                v[i++] = t.ebv();
                v[i++] = t.extendedness();
                v[i] = s.isTraining();
                ins.add(v);
            }
        }
    }

    /** Writes pz.nz from stacked PDFs: sums[run][bin][k] and counts[run][bin], bin 0 being the whole sample. */
    void writeNz(double[][][] sums, long[][] counts) throws SQLException {
        try (BatchInserter ins = inserter("pz.nz", BATCH, (long) sums.length * TOMO_EDGES.length, "run_id",
                "tomo_bin", "z_lo", "z_hi", "n_objects", "z_mean", "nz")) {
            for (int r = 0; r < sums.length; r++) {
                for (int bin = 0; bin < TOMO_EDGES.length; bin++) {
                    double[] s = sums[r][bin];
                    double integral = 0;
                    double first = 0;
                    for (int k = 1; k < PdfModel.N; k++) {
                        integral += 0.5 * (s[k - 1] + s[k]) * PdfModel.DZ;
                        first += 0.5 * (s[k - 1] * PdfModel.z(k - 1) + s[k] * PdfModel.z(k)) * PdfModel.DZ;
                    }
                    float[] nz = new float[PdfModel.N];
                    for (int k = 0; k < PdfModel.N; k++) {
                        nz[k] = integral > 0 ? (float) (s[k] / integral) : 0f;
                    }
                    float lo = bin == 0 ? 0f : (float) TOMO_EDGES[bin - 1];
                    float hi = bin == 0 ? (float) PdfModel.Z_MAX : (float) TOMO_EDGES[bin];
                    ins.add(PhotoZModel.RUNS[r].runId(), (short) bin, lo, hi, counts[r][bin],
                            integral > 0 ? (float) (first / integral) : null, nz);
                }
            }
        }
    }

    /** The tomographic bin (1..5) of a z_mode. */
    static int tomoBin(double zMode) {
        for (int b = 1; b < TOMO_EDGES.length - 1; b++) {
            if (zMode < TOMO_EDGES[b]) {
                return b;
            }
        }
        return TOMO_EDGES.length - 1;
    }

    /** Computes and writes pz.validation_metrics; returns the metrics. */
    List<PhotoZQuality> writeMetrics(List<TrainingRow> rows) throws SQLException {
        List<PhotoZQuality> all = new ArrayList<>();
        Object[][] samples = {{"validation", 25.3}, {"validation", 22.5}, {"training", 25.3}};
        for (int r = 0; r < PhotoZModel.RUNS.length; r++) {
            for (Object[] sample : samples) {
                boolean training = sample[0].equals("training");
                double cut = (Double) sample[1];
                List<TrainingRow> use = rows.stream().filter(t -> t.spec().isTraining() == training
                        && t.spec().isSecure() && t.mag()[Photometry.I_BAND] < (float) cut).toList();
                double[] zPhot = new double[use.size()];
                double[] zSpec = new double[use.size()];
                double[] pit = new double[use.size()];
                for (int i = 0; i < use.size(); i++) {
                    zPhot[i] = use.get(i).zMode()[r];
                    zSpec[i] = use.get(i).spec().z();
                    pit[i] = use.get(i).pit()[r];
                }
                all.add(PhotoZQuality.of(PhotoZModel.RUNS[r].runId(), PhotoZModel.RUNS[r].algorithm(),
                        (String) sample[0], cut, zPhot, zSpec, pit));
            }
        }
        try (BatchInserter ins = inserter("pz.validation_metrics", BATCH, all.size(), "run_id", "sample",
                "point_estimate", "mag_cut", "n", "bias", "sigma_68", "sigma_nmad", "outlier_frac", "pit_ks")) {
            for (PhotoZQuality q : all) {
                ins.add(q.runId(), q.sample(), "z_mode", (float) q.magCut(), q.n(), orNull(q.bias()),
                        orNull(q.sigma68()), orNull(q.sigmaNmad()), orNull(q.outlierFraction()), orNull(q.pitKs()));
            }
        }
        return all;
    }

    private static Float orNull(double v) {
        return Double.isNaN(v) ? null : (float) v;
    }
}
