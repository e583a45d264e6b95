// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.FlatHashList;
import cds.healpix.Healpix;
import cds.healpix.HealpixNested;

/**
 * HEALPix coverage of constant shapes, for the index range predicates of the geometry rewrite
 * (DESIGN.md "HEALPix everywhere"): sorted, merged, flattened half-open ranges of order-29
 * NESTED indexes that always form a SUPERSET of the shape.
 *
 * <p>The cells are every cell that may overlap the shape (not only cells whose centre lies
 * inside), found by {@link CellCover}'s conservative subdivision down to a few orders below the
 * shape's scale; the CDS overlapping-cells computers are not used because they miss cells (see
 * {@link CellCover}). The list is then reduced to
 * at most {@code maxRanges} ranges by filling the smallest gaps (the tightest superset with that
 * many ranges; coarsening order by order never does better). Stateless and thread-safe (all
 * CDS objects used are created per call).
 */
public final class Coverage {
    /** How many orders deeper than CDS's best starting depth the boundary is resolved. */
    private static final int EXTRA_DEPTH = 4;
    /**
     * As {@link #EXTRA_DEPTH}, for cones below {@link #SMALL_CONE_DEG}: such a cone holds few rows,
     * so the looser cover (about 1.8 times the cone's area instead of 1.3, from a tenth of the
     * cells examined) costs the database a few rows more and saves most of the cover's time.
     */
    private static final int SMALL_CONE_EXTRA_DEPTH = 2;
    /** Radius (deg) below which a cone is small (3 arcmin). */
    static final double SMALL_CONE_DEG = 0.05;
    /** Radius margin (rad) against rounding: far below any cell size, far above double noise. */
    private static final double RADIUS_MARGIN_RAD = 1e-11;
    /**
     * Per-depth CDS instances, created eagerly: {@code Healpix.getNested} fills its cache with
     * double-checked locking on a non-volatile array. Only {@code newNeighbourSelector()} is used,
     * which returns a fresh, unshared selector ({@code HealpixNestedFast.neighbours} is wrong in
     * 0.30.2, see {@code SkyIndexTest.healpixNestedFastNeighboursAreWrongInCds0302}).
     */
    private static final HealpixNested[] NESTED = new HealpixNested[SkyIndex.MAX_ORDER + 1];

    static {
        for (int depth = 0; depth <= SkyIndex.MAX_ORDER; depth++) {
            NESTED[depth] = Healpix.getNested(depth);
        }
    }

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
        if (radiusRad >= Math.PI) {
            return Ranges.ALL_SKY.clone();
        }
        double[] c = new double[3];
        Vec3.unit(raDeg, decDeg, c, 0);
        CellCover.Region cone = (x, y, z, cellRadiusRad) -> {
            double d = Vec3.angle(c[0], c[1], c[2], x, y, z);
            if (d > radiusRad + cellRadiusRad) {
                return CellCover.OUTSIDE;
            }
            return d + cellRadiusRad <= radiusRad ? CellCover.INSIDE : CellCover.PARTIAL;
        };
        int extra = radiusDeg < SMALL_CONE_DEG ? SMALL_CONE_EXTRA_DEPTH : EXTRA_DEPTH;
        return Ranges.degrade(CellCover.cover(cone, targetDepth(radiusRad, extra)), maxRanges);
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
        CellCover.Region region = (x, y, z, cellRadiusRad) -> {
            boolean inside = polygon.contains(x, y, z);
            double edge = Double.MAX_VALUE;
            for (int i = 0; i < polygon.n && edge > cellRadiusRad; i++) {
                edge = Math.min(edge, polygon.edgeDistanceRad(i, x, y, z));
            }
            if (edge <= cellRadiusRad) {
                return CellCover.PARTIAL;
            }
            return inside ? CellCover.INSIDE : CellCover.OUTSIDE;
        };
        return Ranges.degrade(CellCover.cover(region, targetDepth(boundRad, EXTRA_DEPTH)), maxRanges);
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
        NESTED[depth].newNeighbourSelector().neighbours(cell, neighbours);
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

    /** The depth at which the boundary is resolved: a few orders below the shape's own scale. */
    private static int targetDepth(double radiusRad, int extraDepth) {
        int best = Math.max(0, Healpix.getBestStartingDepth(radiusRad));
        return Math.min(SkyIndex.MAX_ORDER, best + extraDepth);
    }

    private static void checkMaxRanges(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("Expected maxRanges >= 1, actual " + maxRanges);
        }
    }
}
