// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * {@code bench/run ingest}: rows/s of {@code pzvo ingest catalog} for one deterministic CSV
 * catalog into PostgreSQL and into H2, next to PostgreSQL's own {@code COPY ... FROM STDIN} of
 * the same file into a plain table, all in the same run on the same (embedded) PostgreSQL server.
 *
 * <p>What each figure includes. COPY: parsing the CSV and writing the heap, no index, no
 * HEALPix column (COPY cannot compute one). pzvo ingest: the whole command as a user runs it,
 * JVM start-up included: STIL reading, type checks, the order-29 HEALPix index of every row,
 * batched inserts, the hpx29 B-tree, TAP_SCHEMA rows, one transaction.
 *
 * <p>Arguments: ROWS PZVO_JAR WORK_DIR RESULTS_CSV. Prints a table; appends nothing, rewrites
 * RESULTS_CSV.
 */
public final class IngestBench {
    private static final Pattern RATE = Pattern.compile("\\((\\d+) rows/s\\)");

    private IngestBench() {
    }

    /** One measured load. */
    record Result(String what, String target, long rows, double seconds, double reportedRowsPerSecond) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        Path jar = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        Path results = Path.of(args[3]);
        Path csv = work.resolve("catalog_" + rows + ".csv");
        if (!Files.exists(csv)) {
            writeCatalog(csv, rows, 20261123L);
        }
        List<Result> out = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            out.add(copy(pg, csv, rows));
            out.add(ingest(jar, work, csv, rows, "PostgreSQL", url, "postgres"));
            out.add(ingest(jar, work, csv, rows, "H2", "", ""));
        }
        print(out, rows);
        write(results, out);
    }

    /**
     * A catalog of {@code rows} sources: id, ra, dec uniform on the sphere, g/r/i magnitudes and
     * errors, and a flag. The same bytes for the same arguments.
     */
    static void writeCatalog(Path csv, long rows, long seed) throws IOException {
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write("id,ra,dec,mag_g,mag_r,mag_i,magerr_r,flag\n");
            SplittableRandom r = new SplittableRandom(seed);
            for (long i = 0; i < rows; i++) {
                double ra = 360 * r.nextDouble();
                double dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
                double mr = 18 + 7 * Math.sqrt(r.nextDouble());
                w.write(String.format(Locale.ROOT, "%d,%.7f,%.7f,%.4f,%.4f,%.4f,%.4f,%d%n", 1_000_000_000L + i, ra,
                        dec, mr + 0.6 + 0.3 * r.nextDouble(), mr, mr - 0.4 + 0.2 * r.nextDouble(),
                        0.01 * Math.pow(10, 0.4 * (mr - 22)), r.nextInt(4)));
            }
        }
        Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Result copy(EmbeddedPostgres pg, Path csv, long rows) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE copy_cat (id bigint PRIMARY KEY, ra double precision NOT NULL, dec double"
                    + " precision NOT NULL, mag_g real, mag_r real, mag_i real, magerr_r real, flag integer)");
            long t0 = System.nanoTime();
            long copied;
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.US_ASCII)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY copy_cat FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM copy_cat")) {
                rs.next();
                check(rows, rs.getLong(1), "COPY");
            }
            check(rows, copied, "COPY");
            return new Result("COPY FROM STDIN (CSV, primary key, no HEALPix)", "PostgreSQL", rows, seconds, 0);
        }
    }

    private static Result ingest(Path jar, Path work, Path csv, long rows, String target, String url, String user)
            throws Exception {
        Path data = work.resolve("data-" + target.toLowerCase(Locale.ROOT));
        List<String> cmd = List.of("java", "-jar", jar.toString(), "ingest", "--data", data.toString(), "catalog",
                csv.toString(), "--table", "bench.cat", "--ra", "ra", "--dec", "dec", "--replace");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(work.resolve("ingest-" + target + ".log").toFile());
        pb.environment().put("PZVO_DB_URL", url);
        pb.environment().put("PZVO_DB_USER", user);
        pb.environment().put("PZVO_DB_PASSWORD", "");
        long t0 = System.nanoTime();
        Process p = pb.start();
        String stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("pzvo ingest into " + target + " failed (exit " + p.exitValue()
                    + "): see " + work.resolve("ingest-" + target + ".log"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher m = RATE.matcher(stdout);
        double reported = m.find() ? Double.parseDouble(m.group(1)) : 0;
        return new Result("pzvo ingest catalog (CSV via STIL, hpx29 + index, TAP_SCHEMA)", target, rows, seconds,
                reported);
    }

    private static void check(long expected, long actual, String what) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + " rows, actual " + actual);
        }
    }

    private static void print(List<Result> out, long rows) {
        double copyRate = out.get(0).rowsPerSecond();
        System.out.printf(Locale.ROOT, "== ingest: %,d-row CSV catalog, same file, same run%n", rows);
        System.out.printf(Locale.ROOT, "%-62s %-10s %8s %12s %10s %14s%n", "load", "into", "seconds", "rows/s",
                "vs COPY", "pzvo-reported");
        for (Result r : out) {
            System.out.printf(Locale.ROOT, "%-62s %-10s %8.1f %12.0f %9.2fx %14s%n", r.what(), r.target(),
                    r.seconds(), r.rowsPerSecond(), r.rowsPerSecond() / copyRate,
                    r.reportedRowsPerSecond() > 0 ? String.format(Locale.ROOT, "%.0f", r.reportedRowsPerSecond()) : "-");
        }
        System.out.println("(pzvo seconds include JVM start-up; pzvo-reported is the command's own rows/s of the load"
                + " itself.)");
    }

    private static void write(Path results, List<Result> out) throws IOException {
        Files.createDirectories(results.getParent());
        StringBuilder s = new StringBuilder("load,target,rows,seconds,rows_per_s,ratio_to_copy,pzvo_reported_rows_per_s\n");
        double copyRate = out.get(0).rowsPerSecond();
        for (Result r : out) {
            s.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.3f,%.1f,%.4f,%.1f%n", r.what(), r.target(), r.rows(),
                    r.seconds(), r.rowsPerSecond(), r.rowsPerSecond() / copyRate, r.reportedRowsPerSecond()));
        }
        Files.writeString(results, s);
    }
}
