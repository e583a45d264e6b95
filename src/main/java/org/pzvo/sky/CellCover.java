// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.CompassPoint;
import cds.healpix.Healpix;
import cds.healpix.HealpixNestedFast;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Conservative HEALPix cover of a region by hierarchical subdivision: from the 12 base cells
 * down to a target depth, a cell is dropped only when the disk that bounds it misses the region,
 * kept whole when that disk lies inside the region, and split otherwise (kept at the target depth).
 *
 * <p>Why not the CDS "overlapping cells" computers: in CDS HEALPix 0.30.2 they miss cells of
 * cones that cross RA = 0 (about 4% of such cones; see
 * {@code CoverageTest.cdsConeCoverageMissesCellsAcrossRaZero}) and fail an assertion on polygons
 * around a pole. The bounding disk of a cell is centred on the cell centre, with radius
 * {@value #CELL_RADIUS_FACTOR} times the largest centre-to-vertex distance (cell edges bulge
 * slightly beyond the vertex distance only near vertices; {@code CellCoverTest} checks the
 * bound on sampled edges). Stateless and thread-safe ({@link HealpixNestedFast} is).
 */
final class CellCover {
    /** Safety factor on the centre-to-vertex distance for the cell's bounding disk. */
    static final double CELL_RADIUS_FACTOR = 1.1;
    private static final double CELL_RADIUS_MARGIN_RAD = 1e-12;
    private static final CompassPoint.Cardinal[] VERTICES = CompassPoint.Cardinal.values();
    private static final HealpixNestedFast[] FAST = new HealpixNestedFast[SkyIndex.MAX_ORDER + 1];

    static {
        for (int depth = 0; depth <= SkyIndex.MAX_ORDER; depth++) {
            FAST[depth] = Healpix.getNestedFast(depth);
        }
    }

    /**
     * Cells down to this depth keep their geometry once computed ({@link #geometry}): every cover
     * descends through them (16 * 4^7 cells in all, about 15 MB when all are filled), while deeper cells
     * are specific to one shape's boundary and are computed each time.
     */
    static final int MEMO_DEPTH = 7;
    /** Per depth, by cell: {x, y, z, bounding radius} of the cell, filled lazily. */
    private static final AtomicReferenceArray<?>[] MEMO = new AtomicReferenceArray<?>[MEMO_DEPTH + 1];

    static {
        for (int depth = 0; depth <= MEMO_DEPTH; depth++) {
            MEMO[depth] = new AtomicReferenceArray<double[]>((int) (12L << (2 * depth)));
        }
    }

    /** Outside, partly inside, or entirely inside a region. */
    static final int OUTSIDE = 0;
    static final int PARTIAL = 1;
    static final int INSIDE = 2;

    /** A region, classified against a disk (unit-vector centre, radius in radians). */
    interface Region {
        int classify(double x, double y, double z, double radiusRad);
    }

    private CellCover() {
    }

    /** Merged order-29 ranges covering every cell (down to {@code targetDepth}) that may touch the region. */
    static long[] cover(Region region, int targetDepth) {
        long[] cells = new long[128];
        int[] depths = new int[128];
        int top = 0;
        for (long base = 11; base >= 0; base--) {
            cells[top] = base;
            depths[top++] = 0;
        }
        long[] los = new long[256];
        long[] his = new long[256];
        int n = 0;
        double[] lonLat = new double[2];
        double[] centre = new double[3];
        while (top > 0) {
            long cell = cells[--top];
            int depth = depths[top];
            double radius = geometry(depth, cell, lonLat, centre);
            int kind = region.classify(centre[0], centre[1], centre[2], radius);
            if (kind == OUTSIDE) {
                continue;
            }
            if (kind == INSIDE || depth == targetDepth) {
                if (n == los.length) {
                    los = Arrays.copyOf(los, 2 * n);
                    his = Arrays.copyOf(his, 2 * n);
                }
                los[n] = Ranges.lo(depth, cell);
                his[n++] = Ranges.hi(depth, cell);
                continue;
            }
            if (top + 4 > cells.length) {
                cells = Arrays.copyOf(cells, 2 * cells.length);
                depths = Arrays.copyOf(depths, 2 * depths.length);
            }
            for (long child = 3; child >= 0; child--) {
                cells[top] = (cell << 2) | child;
                depths[top++] = depth + 1;
            }
        }
        return Ranges.union(los, his, n);
    }

    /**
     * As {@link #boundingRadiusRad}, from the memo for cells down to {@link #MEMO_DEPTH}: the same
     * numbers, computed once (threads racing on an empty slot compute identical values).
     */
    @SuppressWarnings("unchecked")
    static double geometry(int depth, long cell, double[] lonLat, double[] centre) {
        if (depth > MEMO_DEPTH) {
            return boundingRadiusRad(depth, cell, lonLat, centre);
        }
        AtomicReferenceArray<double[]> memo = (AtomicReferenceArray<double[]>) MEMO[depth];
        double[] g = memo.get((int) cell);
        if (g == null) {
            double radius = boundingRadiusRad(depth, cell, lonLat, centre);
            g = new double[] {centre[0], centre[1], centre[2], radius};
            memo.set((int) cell, g);
        }
        centre[0] = g[0];
        centre[1] = g[1];
        centre[2] = g[2];
        return g[3];
    }

    /** Writes the cell centre's unit vector into {@code centre} and returns the bounding-disk radius. */
    static double boundingRadiusRad(int depth, long cell, double[] lonLat, double[] centre) {
        HealpixNestedFast fast = FAST[depth];
        fast.center(cell, lonLat);
        unit(lonLat, centre, 0);
        double max = 0;
        double[] v = new double[3];
        for (CompassPoint.Cardinal direction : VERTICES) {
            fast.vertex(cell, direction, lonLat);
            unit(lonLat, v, 0);
            max = Math.max(max, Vec3.angle(centre[0], centre[1], centre[2], v[0], v[1], v[2]));
        }
        return max * CELL_RADIUS_FACTOR + CELL_RADIUS_MARGIN_RAD;
    }

    private static void unit(double[] lonLatRad, double[] out, int offset) {
        double cosLat = Math.cos(lonLatRad[1]);
        out[offset] = cosLat * Math.cos(lonLatRad[0]);
        out[offset + 1] = cosLat * Math.sin(lonLatRad[0]);
        out[offset + 2] = Math.sin(lonLatRad[1]);
    }
}
