// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.FlatHashList;
import cds.healpix.Healpix;
import cds.healpix.HealpixNestedBMOC;
import cds.healpix.NeighbourSelector;

/**
 * HEALPix coverage of constant shapes, for the index range predicates of the geometry rewrite
 * (DESIGN.md "HEALPix everywhere"): sorted, merged, flattened half-open ranges of order-29
 * NESTED indexes that always form a SUPERSET of the shape.
 *
 * <p>The cells come from the CDS "overlapping cells" computers (every cell that may touch the
 * shape, not only cells whose centre lies inside). For safety against rounding at the boundary,
 * the neighbours of every partially covered cell are added as well. The list is then coarsened
 * to lower orders until at most {@code maxRanges} ranges remain. Stateless and thread-safe (all
 * CDS objects used are created per call).
 */
public final class Coverage {
    /** How many orders deeper than the best starting depth the boundary is resolved. */
    private static final int EXTRA_DEPTH = 3;
    /** Radius margin (rad) against rounding: far below any cell size, far above double noise. */
    private static final double RADIUS_MARGIN_RAD = 1e-11;

    private Coverage() {
    }

    /** The coverage of the disk of {@code radiusDeg} (in (0, 180]) around a position. */
    public static long[] circle(double raDeg, double decDeg, double radiusDeg, int maxRanges) {
        Spherical.checkPosition(raDeg, decDeg);
        checkMaxRanges(maxRanges);
        if (!(radiusDeg > 0 && radiusDeg <= 180)) {
            throw new IllegalArgumentException("Expected a cone radius in (0, 180] deg, actual " + radiusDeg);
        }
        double radiusRad = radiusDeg * Vec3.DEG_TO_RAD + RADIUS_MARGIN_RAD;
        if (radiusRad >= Math.PI / 2) {
            // CDS cone computers are meant for radii below a hemisphere; a cone this large is
            // covered whole-sky minus nothing worth an index.
            return Ranges.ALL_SKY.clone();
        }
        int depth = searchDepth(radiusRad);
        HealpixNestedBMOC bmoc = Healpix.getNested(depth).newConeComputer(radiusRad)
                .overlappingCells(normalizedLonRad(raDeg), decDeg * Vec3.DEG_TO_RAD);
        return Ranges.degrade(toRanges(bmoc, depth), maxRanges);
    }

    /**
     * The coverage of a polygon {@code [ra1, dec1, ..., raN, decN]} (degrees, great-circle edges,
     * either orientation: the smaller region is meant).
     */
    public static long[] polygon(double[] raDecDeg, int maxRanges) {
        checkMaxRanges(maxRanges);
        SphericalPolygon polygon = new SphericalPolygon(raDecDeg);
        double[] c = polygon.centroidVector();
        double norm = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        double boundRad = 0;
        for (int i = 0; i < polygon.n; i++) {
            boundRad = Math.max(boundRad, Vec3.angle(c[0] / norm, c[1] / norm, c[2] / norm,
                    polygon.x[i], polygon.y[i], polygon.z[i]));
        }
        if (boundRad >= Math.PI / 2) {
            return Ranges.ALL_SKY.clone();
        }
        double raDeg = Vec3.toRaDec(c[0], c[1], c[2])[0];
        double decDeg = Vec3.toRaDec(c[0], c[1], c[2])[1];
        if (polygon.contains(0, 0, 1) || polygon.contains(0, 0, -1)) {
            // CDS 0.30.2 trips over polygons around a pole (see
            // CoverageTest.polygonAroundAPoleFailsInsideCds); the bounding cone is a safe superset.
            return circle(raDeg, decDeg, boundRad * Vec3.RAD_TO_DEG, maxRanges);
        }
        int depth = searchDepth(boundRad);
        int n = polygon.n;
        double[][] lonLatRad = new double[n][];
        for (int i = 0; i < n; i++) {
            // CDS takes its polygon counter-clockwise around the smaller region.
            int k = polygon.orientation > 0 ? i : n - 1 - i;
            lonLatRad[i] = new double[] {normalizedLonRad(raDecDeg[2 * k]), raDecDeg[2 * k + 1] * Vec3.DEG_TO_RAD};
        }
        HealpixNestedBMOC bmoc;
        try {
            bmoc = Healpix.getNested(depth).newPolygonComputer().overlappingCells(lonLatRad);
        } catch (RuntimeException | AssertionError e) {
            return circle(raDeg, decDeg, boundRad * Vec3.RAD_TO_DEG, maxRanges);
        }
        return Ranges.degrade(toRanges(bmoc, depth), maxRanges);
    }

    /**
     * The cells {@code pzvo_cone_cells} returns: at the deepest order whose cells are such that a
     * cone of this radius centred in a cell stays within that cell and its neighbours (CDS
     * {@code Healpix.getBestStartingDepth}), the cell containing the centre plus its neighbours,
     * as merged order-29 ranges (at most 9). Whole sky when no order qualifies.
     */
    public static long[] coneCells(double raDeg, double decDeg, double radiusDeg) {
        Spherical.checkPosition(raDeg, decDeg);
        if (!(radiusDeg >= 0)) {
            throw new IllegalArgumentException("Expected a cone radius >= 0 deg, actual " + radiusDeg);
        }
        int depth = Healpix.getBestStartingDepth(radiusDeg * Vec3.DEG_TO_RAD);
        if (depth < 0) {
            return Ranges.ALL_SKY.clone();
        }
        long cell = SkyIndex.index(depth, raDeg, decDeg);
        FlatHashList neighbours = new FlatHashList(depth, 8);
        Healpix.getNested(depth).newNeighbourSelector().neighbours(cell, neighbours);
        int count = neighbours.size() + 1;
        long[] los = new long[count];
        long[] his = new long[count];
        los[0] = Ranges.lo(depth, cell);
        his[0] = Ranges.hi(depth, cell);
        for (int i = 1; i < count; i++) {
            los[i] = Ranges.lo(depth, neighbours.get(i - 1));
            his[i] = Ranges.hi(depth, neighbours.get(i - 1));
        }
        return Ranges.union(los, his, count);
    }

    private static int searchDepth(double radiusRad) {
        int best = Math.max(0, Healpix.getBestStartingDepth(radiusRad));
        return Math.min(SkyIndex.MAX_ORDER, best + EXTRA_DEPTH);
    }

    /** The BMOC's cells plus the neighbours of its partial cells, as merged order-29 ranges. */
    private static long[] toRanges(HealpixNestedBMOC bmoc, int depth) {
        int capacity = 9 * bmoc.size();
        long[] los = new long[capacity];
        long[] his = new long[capacity];
        int n = 0;
        NeighbourSelector selector = Healpix.getNested(depth).newNeighbourSelector();
        FlatHashList neighbours = new FlatHashList(depth, 8);
        for (HealpixNestedBMOC.CurrentValueAccessor cell : bmoc) {
            los[n] = Ranges.lo(cell.getDepth(), cell.getHash());
            his[n++] = Ranges.hi(cell.getDepth(), cell.getHash());
            if (!cell.isFull() && cell.getDepth() == depth) {
                neighbours.clear();
                selector.neighbours(cell.getHash(), neighbours);
                for (int i = 0; i < neighbours.size(); i++) {
                    los[n] = Ranges.lo(depth, neighbours.get(i));
                    his[n++] = Ranges.hi(depth, neighbours.get(i));
                }
            }
        }
        return Ranges.union(los, his, n);
    }

    private static double normalizedLonRad(double raDeg) {
        double ra = raDeg % 360;
        if (ra < 0) {
            ra += 360;
        }
        return ra * Vec3.DEG_TO_RAD;
    }

    private static void checkMaxRanges(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("Expected maxRanges >= 1, actual " + maxRanges);
        }
    }
}
