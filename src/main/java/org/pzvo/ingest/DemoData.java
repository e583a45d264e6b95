// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;

/**
 * Generates the deterministic demo data set (issue 4, DOMAIN.md 5.2): objects with ugrizy
 * photometry in the seven DP1-like fields, two photo-z runs with PDFs and derived point
 * estimates, a spectroscopic compilation and training set, HEALPix maps, N(z) per tomographic
 * bin and validation metrics computed from the generated rows.
 *
 * <p><b>Determinism.</b> Every value depends only on {@link DemoSpec#seed()} and the object's
 * simulation index ({@link Rng}). Objects are written in spatial order ({@link SpatialOrder}) and
 * numbered in that order (objectId), like survey catalogs numbered by sky patch; this also keeps
 * every B-tree insert at the right edge of the index. Rows are simulated by worker threads in
 * batches but written in that order, so the tables are identical whatever the number of threads,
 * and identical on H2 and PostgreSQL.
 *
 * <p><b>Database effects.</b> Installs the schema first ({@link SchemaInstaller#install}, which is
 * idempotent), then empties and refills lsst.object, pz.*, spec.* and maps.*. Rows are inserted
 * in batches and committed every {@value DemoTables#COMMIT_ROWS} rows (auto-commit is switched off
 * and restored), so a failure leaves partly filled tables; pz.run is written last, so a database
 * without pz.run rows is one whose demo load did not complete ({@code pzvo demo} regenerates it).
 * The secondary indexes of lsst.object and pz.photoz are dropped before the object load and built
 * after it: one sorted build is cheaper than keeping random order-29 keys sorted row by row.
 */
public final class DemoData {
    /** Recorded in pz.run.generator_version and maps.map.software_version. */
    public static final String GENERATOR_VERSION = "pzvo-demo 1";
    private static final int OBJECT_BATCH = 2000;
    private static final List<String> TABLES = List.of("lsst.object", "pz.photoz", "pz.run", "pz.nz",
            "pz.validation_metrics", "spec.specz", "spec.specz_private", "spec.training_set", "maps.map", "maps.map_pixel",
            "ivoa.obscore");

    private DemoData() {
    }

    /**
     * Generates the demo data into {@code connection}.
     *
     * @return row counts and the photo-z quality of the generated runs
     * @throws SQLException on a database error
     */
    public static DemoSummary generate(Connection connection, Engine engine, Metadata metadata, DemoSpec spec,
                                       ProgressListener progress) throws SQLException {
        return generate(connection, engine, metadata, spec, progress,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** As {@link #generate(Connection, Engine, Metadata, DemoSpec, ProgressListener)} with {@code workers} threads. */
    static DemoSummary generate(Connection connection, Engine engine, Metadata metadata, DemoSpec spec,
                                ProgressListener progress, int workers) throws SQLException {
        long start = System.nanoTime();
        for (String t : TABLES) {
            metadata.requireTable(t);
        }
        SchemaInstaller.install(connection, engine, metadata);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            clear(connection, metadata);
            DemoTables tables = new DemoTables(connection, engine, metadata, spec.seed(), progress);
            DemoMaps maps = DemoMaps.build(spec.seed());
            long[] mapCounts = tables.writeMaps(maps);
            ObjectPass pass = new ObjectPass(tables, spec, maps, workers);
            pass.run();
            List<SpecRow> specRows = new ArrayList<>(pass.specRows);
            long orphans = Math.max(1, Math.round(0.015 * specRows.size()));
            for (long k = 0; k < orphans; k++) {
                specRows.add(SpecModel.orphan(spec.seed(), k, spec.rows() + 1));
            }
            tables.writeSpec(specRows);
            tables.writePrivateSpec(specRows);
            tables.writeTraining(pass.training);
            tables.writeNz(pass.nzSums, pass.nzCounts);
            List<PhotoZQuality> quality = tables.writeMetrics(pass.training);
            tables.writeRuns();
            for (String t : TABLES) {
                SchemaInstaller.analyze(connection, engine, metadata.requireTable(t));
            }
            connection.commit();
            return new DemoSummary(spec.rows(), spec.rows() * PhotoZModel.RUNS.length, specRows.size(),
                    pass.training.size(), mapCounts[0], mapCounts[1], quality,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void clear(Connection connection, Metadata metadata) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String t : TABLES) {
                TableMeta table = metadata.requireTable(t);
                st.execute("TRUNCATE TABLE " + SqlNames.table(table));
            }
        }
        connection.commit();
    }

    /**
     * Simulates the objects in batches on worker threads and writes lsst.object and pz.photoz in
     * index order, accumulating what the later tables need (stacked PDFs, spectroscopic rows).
     */
    private static final class ObjectPass {
        private final DemoTables tables;
        private final DemoSpec spec;
        private final DemoMaps maps;
        private final int workers;
        final List<SpecRow> specRows = new ArrayList<>();
        final List<TrainingRow> training = new ArrayList<>();
        final double[][][] nzSums = new double[PhotoZModel.RUNS.length][DemoTables.TOMO_EDGES.length][PdfModel.N];
        final long[][] nzCounts = new long[PhotoZModel.RUNS.length][DemoTables.TOMO_EDGES.length];

        ObjectPass(DemoTables tables, DemoSpec spec, DemoMaps maps, int workers) {
            this.tables = tables;
            this.spec = spec;
            this.maps = maps;
            this.workers = workers;
        }

        void run() throws SQLException {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "pzvo-demo-generator");
                t.setDaemon(true);
                return t;
            });
            long[] order;
            try {
                order = SpatialOrder.of(spec.seed(), spec.rows(), pool, workers);
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new SQLException("Demo generation interrupted", "57014", e);
            }
            long batches = (spec.rows() + OBJECT_BATCH - 1) / OBJECT_BATCH;
            ArrayDeque<Future<SimObject[]>> window = new ArrayDeque<>();
            long next = 0;
            try (BatchInserter objects = tables.inserter("lsst.object", OBJECT_BATCH, spec.rows(), objectColumns());
                 BatchInserter photoz = tables.inserter("pz.photoz", OBJECT_BATCH, spec.rows()
                         * PhotoZModel.RUNS.length, "object_id", "run_id", "ra", "dec", "hpx29", "z_mode", "z_mean",
                         "z_median", "z_err", "z_lo68", "z_hi68", "z_q05", "z_q25", "z_q75", "z_q95", "odds", "z_mc",
                         "pz_flags", "pdf")) {
                while (next < batches || !window.isEmpty()) {
                    while (next < batches && window.size() < workers + 2) {
                        long first = next++ * OBJECT_BATCH;
                        int n = (int) Math.min(OBJECT_BATCH, spec.rows() - first);
                        window.add(pool.submit(() -> simulate(order, first, n)));
                    }
                    for (SimObject o : await(window.poll())) {
                        write(o, objects, photoz);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        /** Simulates the objects written at positions [first, first + n), numbered by position. */
        private SimObject[] simulate(long[] order, long first, int n) {
            SimObject[] batch = new SimObject[n];
            for (int i = 0; i < n; i++) {
                long position = first + i;
                batch[i] = ObjectModel.generate(spec.seed(), order[(int) position],
                        ObjectModel.OBJECT_ID_BASE + position, maps, PhotoZModel.RUNS);
            }
            return batch;
        }

        private static SimObject[] await(Future<SimObject[]> future) throws SQLException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Demo generation interrupted", "57014", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("Demo generation failed", e.getCause());
            }
        }

        private static String[] objectColumns() {
            List<String> c = new ArrayList<>(List.of("objectId", "coord_ra", "coord_dec"));
            for (String b : Photometry.BANDS) {
                c.addAll(List.of(b + "_cModelFlux", b + "_cModelFluxErr", b + "_cModelMag", b + "_cModelMagErr"));
            }
            c.addAll(List.of("refExtendedness", "ebv", "hpx29"));
            return c.toArray(String[]::new);
        }

        private void write(SimObject o, BatchInserter objects, BatchInserter photoz) throws SQLException {
            Object[] v = new Object[30];
            int i = 0;
            v[i++] = o.objectId();
            v[i++] = o.raDeg();
            v[i++] = o.decDeg();
            for (int b = 0; b < 6; b++) {
                v[i++] = o.flux()[b];
                v[i++] = o.fluxErr()[b];
                v[i++] = Float.isNaN(o.mag()[b]) ? null : o.mag()[b];
                v[i++] = Float.isNaN(o.magErr()[b]) ? null : o.magErr()[b];
            }
            v[i++] = o.extendedness();
            v[i++] = o.ebv();
            v[i] = o.hpx29();
            objects.add(v);
            for (int r = 0; r < o.photoz().length; r++) {
                SimObject.PhotoZ pz = o.photoz()[r];
                PdfModel.Summary s = pz.summary();
                photoz.add(o.objectId(), PhotoZModel.RUNS[r].runId(), o.raDeg(), o.decDeg(), o.hpx29(),
                        (float) s.mode(), (float) s.mean(), (float) s.median(), (float) s.std(), (float) s.lo68(),
                        (float) s.hi68(), (float) s.q05(), (float) s.q25(), (float) s.q75(), (float) s.q95(),
                        (float) s.odds(), (float) s.mc(), s.flags(), o.index() < spec.pdfRows() ? pz.pdf() : null);
                float[] pdf = pz.pdf();
                int bin = DemoTables.tomoBin((float) s.mode());
                for (int target : new int[] {0, bin}) {
                    double[] sum = nzSums[r][target];
                    for (int k = 0; k < PdfModel.N; k++) {
                        sum[k] += pdf[k];
                    }
                    nzCounts[r][target]++;
                }
            }
            for (SpecRow s : o.spec()) {
                specRows.add(s);
                if (s.objectIndex() >= 0) {
                    training.add(TrainingRow.of(s, o));
                }
            }
        }
    }
}
