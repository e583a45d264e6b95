// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.ingest.IngestCommand;
import picocli.CommandLine;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The cross-match engine against STILTS (issue 6): an ingested catalog with fields at both poles
 * and across RA = 0/360, an uploaded table, and the pair sets of {@code stilts tskymatch2
 * find=all} for 0.1″, 1″ and 30″ (checked against an all-pairs brute force with another distance
 * formula), and of {@code stilts tmatch2 matcher=skyerr} for a per-row radius column. The same
 * pairs must come from the engine with the upload on either side and from the SQL path (a radius
 * written as an expression, which the engine does not take). At 30″ STILTS misses a few pairs
 * across RA = 0/360 that the brute force finds; pzvo must find them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossMatchStiltsTest {
    /** Field centres (ra, dec): both poles, RA 0/360 on the equator and at dec 75, and one ordinary field. */
    private static final double[][] FIELDS = {{0, 90}, {123, -90}, {0, 0}, {0, 75}, {150, -30}};
    private static final double FIELD_RADIUS_DEG = 1.0 / 60;

    private Path dir;
    private Launch.Running running;
    private HttpClient http;
    private String base;
    private byte[] upload;
    private final Map<Long, double[]> catalogRows = new java.util.HashMap<>();
    private final Map<Long, double[]> uploadRows = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("pzvo-xmatch-test");
        SplittableRandom rng = new SplittableRandom(20261123L);
        RowListStarTable catalog = new RowListStarTable(new ColumnInfo[] {
            col("id", Long.class, "meta.id;meta.main"), col("ra", Double.class, "pos.eq.ra;meta.main"),
            col("dec", Double.class, "pos.eq.dec;meta.main")});
        List<double[]> positions = new ArrayList<>();
        long id = 1;
        for (double[] f : FIELDS) {
            for (int i = 0; i < 400; i++) {
                double[] p = near(f[0], f[1], FIELD_RADIUS_DEG * Math.sqrt(rng.nextDouble()), rng);
                positions.add(p);
                catalogRows.put(id, p);
                catalog.addRow(new Object[] {id++, p[0], p[1]});
            }
        }
        for (double[] extra : new double[][] {{0.0, 90.0}, {0.0, 0.0}, {359.99999999, 0.0}}) {
            catalogRows.put(id, extra);
            catalog.addRow(new Object[] {id++, extra[0], extra[1]});
        }
        RowListStarTable up = new RowListStarTable(new ColumnInfo[] {
            col("uid", Long.class, "meta.id;meta.main"), col("ra", Double.class, "pos.eq.ra;meta.main"),
            col("dec", Double.class, "pos.eq.dec;meta.main"), col("r_deg", Double.class, "stat.error"),
            col("name", String.class, "meta.id"), col("good", Boolean.class, "meta.code"),
            col("n", Short.class, "meta.number"), col("z", Float.class, "src.redshift")});
        for (int i = 0; i < 600; i++) {
            double[] base = i % 4 == 3
                    ? near(FIELDS[i % FIELDS.length][0], FIELDS[i % FIELDS.length][1], FIELD_RADIUS_DEG, rng)
                    : positions.get(rng.nextInt(positions.size()));
            double[] p = near(base[0], base[1], rng.nextDouble() * 2.0 / 3600, rng);
            uploadRows.put((long) i + 1, p);
            up.addRow(new Object[] {(long) i + 1, p[0], p[1], rng.nextDouble() * 3.0 / 3600,
                i % 7 == 0 ? null : "s" + i, i % 3 == 0, i % 5 == 0 ? null : (short) (i - 300), (float) rng.nextDouble()});
        }
        double[][] extras = {{180.0, 90.0, 1.0 / 3600}, {0.0, 0.0, 0.5 / 3600}, {359.9999999, 0.0, 0.5 / 3600}};
        for (int k = 0; k < extras.length; k++) {
            uploadRows.put(1001L + k, extras[k]);
            up.addRow(new Object[] {1001L + k, extras[k][0], extras[k][1], extras[k][2], "x", false, null, 0.1f});
        }
        Path catalogFile = dir.resolve("catalog.fits");
        try (var out = Files.newOutputStream(catalogFile)) {
            new FitsTableWriter().writeStarTable(catalog, out);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new VOTableWriter(DataFormat.BINARY2, true).writeStarTable(up, bytes);
        upload = bytes.toByteArray();
        Files.write(dir.resolve("upload.vot"), upload);
        Path yaml = dir.resolve("xm.yaml");
        Files.writeString(yaml, """
                schema: xm
                description: Cross-match test catalog.
                tables:
                  - name: cat
                    type: table
                    description: Catalog with fields at the poles and across RA 0/360.
                    primary_key: [id]
                    position: {ra: ra, dec: dec, healpix: hpx29}
                    columns:
                      - {name: id, datatype: long, ucd: "meta.id;meta.main", nullable: false, description: Key.}
                      - {name: ra, datatype: double, unit: deg, ucd: "pos.eq.ra;meta.main", description: RA.}
                      - {name: dec, datatype: double, unit: deg, ucd: "pos.eq.dec;meta.main", description: Dec.}
                      - {name: hpx29, datatype: long, ucd: pos.healpix, indexed: true, description: HEALPix.}
                """);
        Path data = dir.resolve("data");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new IngestCommand(new ServerIngestEnvironment()));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--data", data.toString(), "catalog", catalogFile.toString(), "--table", "xm.cat",
                "--metadata", yaml.toString());
        assertEquals(0, exit, err.toString());
        Path home = Path.of("").toAbsolutePath();
        ServerConfig cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(),
                Map.of("server.port", "0", "server.host", "127.0.0.1", "data.dir", data.toString()));
        running = Launch.start(cfg, home, -1);
        http = HttpClient.newHttpClient();
        base = "http://127.0.0.1:" + running.server().port();
        assertTrue(Files.isRegularFile(data.resolve("index/xm.cat.pos")), "position index written at start-up");
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ColumnInfo col(String name, Class<?> type, String ucd) {
        ColumnInfo c = new ColumnInfo(name, type, name);
        c.setUCD(ucd);
        c.setUnitString(ucd.startsWith("pos.eq") || ucd.equals("stat.error") ? "deg" : null);
        return c;
    }

    /** A point at {@code distDeg} from (ra, dec) in a random direction, RA wrapped into [0, 360). */
    private static double[] near(double raDeg, double decDeg, double distDeg, SplittableRandom rng) {
        double pa = 2 * Math.PI * rng.nextDouble();
        double d = Math.toRadians(distDeg);
        double dec0 = Math.toRadians(decDeg);
        double dec = Math.asin(Math.sin(dec0) * Math.cos(d) + Math.cos(dec0) * Math.sin(d) * Math.cos(pa));
        double dRa = Math.atan2(Math.sin(pa) * Math.sin(d) * Math.cos(dec0),
                Math.cos(d) - Math.sin(dec0) * Math.sin(dec));
        double ra = Math.toDegrees(Math.toRadians(raDeg) + dRa) % 360;
        return new double[] {ra < 0 ? ra + 360 : ra, Math.max(-90, Math.min(90, Math.toDegrees(dec)))};
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1, 30})
    void pairsAreThoseOfStiltsTskymatch2(double radiusArcsec) throws Exception {
        Set<String> stilts = stilts("tskymatch2", "in1=" + dir.resolve("upload.vot"), "ifmt1=votable",
                "in2=" + dir.resolve("catalog.fits"), "ra1=ra", "dec1=dec", "ra2=ra", "dec2=dec",
                "error=" + radiusArcsec, "find=all", "join=1and2");
        assertTrue(stilts.size() > 10, "a meaningful test needs pairs: " + stilts.size());
        Set<String> sky = stilts("tmatch2", "in1=" + dir.resolve("upload.vot"), "ifmt1=votable",
                "in2=" + dir.resolve("catalog.fits"), "matcher=sky", "params=" + radiusArcsec,
                "values1=ra dec", "values2=ra dec", "find=all", "join=1and2");
        assertSamePairs(sky, stilts, "tmatch2 sky vs tskymatch2");
        Set<String> brute = bruteForce(radiusArcsec / 3600);
        assertTrue(brute.containsAll(stilts), "STILTS found a pair beyond the radius");
        // STILTS 3.x (both matchers) misses some 30" pairs across RA = 0/360, and of rows within
        // 1e-6 deg of RA 360, that an independent brute force finds; only those may differ.
        for (String onlyBrute : brute.stream().filter(p -> !stilts.contains(p)).toList()) {
            String[] k = onlyBrute.split("-");
            double ra1 = uploadRows.get(Long.valueOf(k[0]))[0];
            double ra2 = catalogRows.get(Long.valueOf(k[1]))[0];
            assertTrue(Math.abs(ra1 - ra2) > 180 || ra1 > 360 - 1e-6 || ra2 > 360 - 1e-6,
                    "STILTS misses a pair that does not cross RA 0/360: " + onlyBrute);
        }
        String r = radiusArcsec + "/3600.0";
        String engine = "SELECT u.uid, c.id FROM TAP_UPLOAD.up AS u JOIN xm.cat AS c "
                + "ON 1 = CONTAINS(POINT(c.ra, c.dec), CIRCLE(u.ra, u.dec, " + r + "))";
        String uploadIndexed = "SELECT u.uid, c.id FROM xm.cat AS c, TAP_UPLOAD.up AS u "
                + "WHERE DISTANCE(POINT(u.ra, u.dec), POINT(c.ra, c.dec)) <= " + r;
        String sqlPath = "SELECT u.uid, c.id FROM TAP_UPLOAD.up AS u JOIN xm.cat AS c "
                + "ON 1 = CONTAINS(POINT(c.ra, c.dec), CIRCLE(u.ra, u.dec, " + r + " + 0 * u.r_deg))";
        for (String q : List.of(engine, uploadIndexed, sqlPath)) {
            assertSamePairs(brute, query(q), q);
        }
        if (radiusArcsec < 30) {
            assertSamePairs(stilts, brute, "STILTS and the brute force away from its RA 0/360 defect");
        }
    }

    @Test
    void perRowRadiusPairsAreThoseOfStiltsSkyerr() throws Exception {
        // skyerr matches when the distance is at most the sum of the two errors; the catalog's is 0.
        Set<String> stilts = stilts("tmatch2", "in1=" + dir.resolve("upload.vot"), "ifmt1=votable",
                "in2=" + dir.resolve("catalog.fits"), "matcher=skyerr", "params=3",
                "values1=ra dec r_deg*3600", "values2=ra dec 0", "find=all", "join=1and2");
        assertTrue(stilts.size() > 10, "a meaningful test needs pairs: " + stilts.size());
        assertSamePairs(stilts, query("SELECT u.uid, c.id FROM TAP_UPLOAD.up AS u JOIN xm.cat AS c "
                + "ON 1 = CONTAINS(POINT(c.ra, c.dec), CIRCLE(u.ra, u.dec, u.r_deg))"), "per-row radius");
        assertSamePairs(stilts, query("SELECT u.uid, c.id FROM TAP_UPLOAD.up AS u, xm.cat AS c "
                + "WHERE u.r_deg >= DISTANCE(POINT(c.ra, c.dec), POINT(u.ra, u.dec)) AND c.id > 0"), "DISTANCE form");
    }

    @Test
    void furtherConditionsAndSelectItemsStillApply() throws Exception {
        String q = "SELECT TOP 5 u.uid, c.id, DISTANCE(POINT(u.ra, u.dec), POINT(c.ra, c.dec)) * 3600 AS d "
                + "FROM TAP_UPLOAD.up AS u JOIN xm.cat AS c ON 1 = CONTAINS(POINT(c.ra, c.dec), "
                + "CIRCLE(u.ra, u.dec, 30/3600.0)) WHERE c.dec > 89 AND u.uid < 500 ORDER BY d DESC, u.uid, c.id";
        List<Object[]> viaEngine = sameRowsThroughTheSqlPath(q);
        assertEquals(5, viaEngine.size());
        for (Object[] row : viaEngine) {
            assertTrue(((Number) row[2]).doubleValue() <= 30);
        }
    }

    /**
     * The rows of {@code q} (a 30″ join), checked equal, row by row, to those of the same query
     * with the radius written as an expression, which the engine does not take (the SQL path).
     */
    private List<Object[]> sameRowsThroughTheSqlPath(String q) throws Exception {
        List<Object[]> viaEngine = TapUploadContract.rows(post(q));
        List<Object[]> viaSql = TapUploadContract.rows(post(q.replace("30/3600.0", "30/3600.0 + 0 * u.r_deg")));
        assertEquals(viaSql.size(), viaEngine.size());
        for (int i = 0; i < viaSql.size(); i++) {
            assertEquals(Arrays.asList(viaSql.get(i)), Arrays.asList(viaEngine.get(i)), "row " + i);
        }
        return viaEngine;
    }

    @Test
    void uploadRowsSuppliedWithThePairsAreTheTableRows() throws Exception {
        // Every upload column (strings, booleans, NULLs, REAL) through the engine, which hands the
        // upload's rows to the SQL with the pairs, and through the SQL path, which joins the table.
        List<Object[]> rows = sameRowsThroughTheSqlPath(String.join(" ",
                "SELECT u.*, c.id, u.z * 2 AS z2 FROM TAP_UPLOAD.up AS u JOIN xm.cat AS c",
                "ON 1 = CONTAINS(POINT(c.ra, c.dec), CIRCLE(u.ra, u.dec, 30/3600.0))",
                "WHERE u.n IS NULL OR u.z < 0.5 OR u.name = 's8' ORDER BY u.uid, c.id"));
        assertTrue(rows.size() > 100, "a meaningful test needs pairs: " + rows.size());
        assertTrue(rows.stream().anyMatch(r -> r[4] == null) && rows.stream().anyMatch(r -> r[6] == null),
                "NULLs came through");
    }

    /** Every pair within the radius by an independent formula (chord of unit vectors), all rows against all. */
    private Set<String> bruteForce(double radiusDeg) {
        Set<String> pairs = new TreeSet<>();
        for (Map.Entry<Long, double[]> u : uploadRows.entrySet()) {
            for (Map.Entry<Long, double[]> c : catalogRows.entrySet()) {
                double d = chordDistanceDeg(u.getValue()[0], u.getValue()[1], c.getValue()[0], c.getValue()[1]);
                if (d <= radiusDeg) {
                    pairs.add(u.getKey() + "-" + c.getKey());
                }
            }
        }
        return pairs;
    }

    private static double chordDistanceDeg(double ra1, double dec1, double ra2, double dec2) {
        double[] a = unit(ra1, dec1);
        double[] b = unit(ra2, dec2);
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.toDegrees(2 * Math.asin(Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
    }

    private static double[] unit(double raDeg, double decDeg) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
    }

    /** Equal sets, or a failure naming the pairs only one side has (not the whole sets). */
    private static void assertSamePairs(Set<String> expected, Set<String> actual, String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), what + ": " + expected.size() + " pairs expected, "
                + actual.size() + " found; missing " + first(missing) + ", unexpected " + first(extra));
    }

    private static List<String> first(Set<String> pairs) {
        return pairs.stream().limit(20).toList();
    }

    private StarTable post(String adql) throws IOException, InterruptedException {
        TapUploadContract.Multipart body = new TapUploadContract.Multipart();
        body.field("LANG", "ADQL").field("QUERY", adql).field("MAXREC", "10000000").field("UPLOAD", "up,param:t");
        body.file("t", upload);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), text);
        assertTrue(!text.contains("QUERY_STATUS\" value=\"ERROR"), text);
        return TapUploadContract.read(r.body());
    }

    private Set<String> query(String adql) throws IOException, InterruptedException {
        return TapUploadContract.pairs(post(adql));
    }

    /** The (uid, id) pairs of a STILTS matching command, read from its CSV output. */
    private Set<String> stilts(String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("stilts-out.csv");
        List<String> cmd = new ArrayList<>(List.of("stilts", args[0]));
        cmd.addAll(List.of(args).subList(1, args.length));
        cmd.addAll(List.of("ofmt=csv", "out=" + out));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "stilts did not finish");
        assertEquals(0, p.exitValue(), log);
        Set<String> pairs = new TreeSet<>();
        List<String> lines = Files.readAllLines(out);
        List<String> header = List.of(lines.get(0).split(","));
        int uid = header.indexOf("uid");
        int id = header.indexOf("id");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            pairs.add(f[uid] + "-" + f[id]);
        }
        return pairs;
    }
}
