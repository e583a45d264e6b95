// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import cds.healpix.CompassPoint.Cardinal;
import cds.healpix.Healpix;
import cds.healpix.HealpixNested;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pzvo.db.Engine;
import org.pzvo.sky.SkyIndex;
import org.pzvo.sky.SqlFunctions;

/**
 * The tables of {@link SkyCatalog}, filled with the same deterministic rows on any engine: random
 * positions, clusters around awkward centres (poles, RA 0/360, HEALPix base-cell corners),
 * positions exactly on HEALPix cell edges and vertices at several orders, exact poles, and rows
 * with NULL positions. {@code hpx29} comes from {@link SkyIndex}.
 */
final class SkyData {
    /** Centres the clusters are built around (and the queries aim at). */
    static final double[][] CENTRES = {
        {0, 90}, {0, -90}, {0.05, 10}, {359.9, -30}, {45, 30}, {45, Math.toDegrees(Math.asin(2.0 / 3))},
        {0, 0}, {180, 0}, {90, 66.4}, {200, 89.5}, {10, -89.7}, {135, -41.81},
    };

    /** Names with quotes, backslashes, semicolons, comment markers and a look-alike quote (U+02BC). */
    static final List<String> HOSTILE_NAMES = List.of("O'Brien", "a\\b", "x'; DROP TABLE \"sky\".\"src\"; --",
            "/* c */", "--", "\u02bc; SELECT 1", "''", "\\'", "E'\\x41'", "$$; DROP TABLE x; $$");

    /** One source row; {@code name} is null for the default {@code src<id>}. */
    record Src(int id, Double ra, Double dec, String name) {
        Src(int id, Double ra, Double dec) {
            this(id, ra, dec, null);
        }
    }

    /** One reference row. */
    record Ref(int id, double ra, double dec, Double radiusDeg) {
    }

    final List<Src> sources = new ArrayList<>();
    final List<Ref> refs = new ArrayList<>();

    SkyData() {
        Random random = new Random(20261123);
        for (int i = 0; i < 3000; i++) {
            addSource(random.nextDouble() * 360, Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)));
        }
        for (double[] c : CENTRES) {
            for (int i = 0; i < 150; i++) {
                double[] p = offset(c[0], c[1], 3 * Math.sqrt(random.nextDouble()), random.nextDouble() * 2 * Math.PI);
                addSource(p[0], p[1]);
            }
            for (int i = 0; i < 20; i++) {
                double[] p = offset(c[0], c[1], random.nextDouble() * 0.5 / 3600, random.nextDouble() * 2 * Math.PI);
                addSource(p[0], p[1]);
            }
            cellEdges(c[0], c[1]);
        }
        double[][] exact = {{0, 90}, {90, 90}, {0, -90}, {270, -90}, {0, 5}, {359.99999999, 5}, {1e-10, -5},
            {360 - 1e-9, 0}, {0, 0}, {180, 0}, {45, 0}, {0.05, 10}};
        for (double[] p : exact) {
            addSource(p[0], p[1]);
        }
        sources.add(new Src(sources.size() + 1, null, null));
        sources.add(new Src(sources.size() + 1, 10.0, null));
        for (String name : HOSTILE_NAMES) {
            sources.add(new Src(sources.size() + 1, null, null, name));
        }
        double[] radii = {0.1 / 3600, 1 / 3600.0, 10 / 3600.0, 0.01, 0.2, 0.5, 2, 5};
        for (int i = 0; i < 160; i++) {
            double[] p;
            if (i < 96) {
                double[] c = CENTRES[i % CENTRES.length];
                p = offset(c[0], c[1], 2.5 * random.nextDouble(), random.nextDouble() * 2 * Math.PI);
            } else {
                p = new double[] {random.nextDouble() * 360, Math.toDegrees(Math.asin(2 * random.nextDouble() - 1))};
            }
            refs.add(new Ref(i + 1, p[0], p[1], radii[i % radii.length]));
        }
        refs.add(new Ref(refs.size() + 1, 45, 30, null));
        refs.add(new Ref(refs.size() + 1, 0, 90, 0.0));
        refs.add(new Ref(refs.size() + 1, 0, 0, 30.0));
    }

    private void addSource(double ra, double dec) {
        sources.add(new Src(sources.size() + 1, ra, dec));
    }

    /** Positions on the edges and at the vertices of the cells holding (ra, dec) at a few orders. */
    private void cellEdges(double ra, double dec) {
        for (int order : new int[] {0, 3, 8, 13, 18}) {
            HealpixNested h = Healpix.getNested(order);
            long cell = SkyIndex.index(order, ra, dec);
            List<double[]> points = new ArrayList<>();
            for (Cardinal corner : Cardinal.values()) {
                points.add(h.newVerticesAndPathComputer().vertex(cell, corner));
            }
            if (Math.abs(dec) < 60) {
                // cds-healpix 0.30 trips an assertion in its polar (Collignon) unprojection for edge paths.
                points.addAll(List.of(h.newVerticesAndPathComputer().pathAlongCellEdge(cell, Cardinal.N, true, 3)));
            }
            for (double[] lonLat : points) {
                double r = Math.toDegrees(lonLat[0]);
                addSource(r >= 360 ? r - 360 : r < 0 ? r + 360 : r, Math.toDegrees(lonLat[1]));
            }
        }
    }

    /** The position at distance {@code distDeg} and bearing {@code bearingRad} (from north through east). */
    static double[] offset(double raDeg, double decDeg, double distDeg, double bearingRad) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        double d = Math.toRadians(distDeg);
        double sinDec = Math.sin(dec) * Math.cos(d) + Math.cos(dec) * Math.sin(d) * Math.cos(bearingRad);
        double dRa = Math.atan2(Math.sin(bearingRad) * Math.sin(d) * Math.cos(dec),
                Math.cos(d) - Math.sin(dec) * sinDec);
        double outRa = Math.toDegrees(ra + dRa) % 360;
        double outDec = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinDec))));
        return new double[] {outRa < 0 ? outRa + 360 : outRa, outDec};
    }

    /** Creates the tables, fills them and installs the SQL functions. */
    void load(Connection c, Engine engine) throws SQLException {
        SqlFunctions.install(c, engine);
        String doubleArray = engine == Engine.H2 ? "DOUBLE PRECISION ARRAY" : "DOUBLE PRECISION[]";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA \"sky\"");
            s.execute("CREATE SCHEMA \"TAP_UPLOAD\"");
            s.execute("CREATE TABLE \"sky\".\"src\" (\"id\" INTEGER PRIMARY KEY, \"ra\" DOUBLE PRECISION,"
                    + " \"dec\" DOUBLE PRECISION, \"hpx29\" BIGINT, \"flux\" DOUBLE PRECISION, \"mag\" REAL,"
                    + " \"flag\" BOOLEAN, \"name\" VARCHAR(100), \"pos\" " + doubleArray + ")");
            s.execute("CREATE INDEX \"src_hpx29\" ON \"sky\".\"src\" (\"hpx29\")");
            s.execute("CREATE TABLE \"sky\".\"ref\" (\"id\" INTEGER PRIMARY KEY, \"ra\" DOUBLE PRECISION,"
                    + " \"dec\" DOUBLE PRECISION, \"hpx29\" BIGINT, \"r_deg\" DOUBLE PRECISION)");
            s.execute("CREATE INDEX \"ref_hpx29\" ON \"sky\".\"ref\" (\"hpx29\")");
            s.execute("CREATE TABLE \"TAP_UPLOAD\".\"mine\" (\"id\" INTEGER, \"ra\" DOUBLE PRECISION, \"dec\" DOUBLE PRECISION)");
            s.execute("CREATE TABLE \"sky\".\"odd\"\"name\" (\"semi;colon--/*x*/\" INTEGER)");
            s.execute("INSERT INTO \"sky\".\"odd\"\"name\" VALUES (7)");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO \"sky\".\"src\" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Src src : sources) {
                p.setInt(1, src.id());
                setDouble(p, 2, src.ra());
                setDouble(p, 3, src.dec());
                if (src.ra() == null || src.dec() == null) {
                    p.setNull(4, Types.BIGINT);
                    p.setNull(9, Types.ARRAY);
                } else {
                    p.setLong(4, SkyIndex.hpx29(src.ra(), src.dec()));
                    p.setArray(9, c.createArrayOf(engine == Engine.H2 ? "DOUBLE PRECISION" : "float8",
                            new Double[] {src.ra(), src.dec()}));
                }
                p.setDouble(5, 1000.0 * src.id());
                p.setFloat(6, 15 + src.id() % 10);
                p.setBoolean(7, src.id() % 2 == 0);
                p.setString(8, src.name() == null ? "src" + src.id() : src.name());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO \"sky\".\"ref\" VALUES (?, ?, ?, ?, ?)");
             PreparedStatement m = c.prepareStatement("INSERT INTO \"TAP_UPLOAD\".\"mine\" VALUES (?, ?, ?)")) {
            for (Ref ref : refs) {
                p.setInt(1, ref.id());
                p.setDouble(2, ref.ra());
                p.setDouble(3, ref.dec());
                p.setLong(4, SkyIndex.hpx29(ref.ra(), ref.dec()));
                setDouble(p, 5, ref.radiusDeg());
                p.addBatch();
                m.setInt(1, ref.id());
                m.setDouble(2, ref.ra());
                m.setDouble(3, ref.dec());
                m.addBatch();
            }
            p.executeBatch();
            m.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
        if (engine == Engine.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
    }

    private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.DOUBLE);
        } else {
            p.setDouble(index, value);
        }
    }
}
