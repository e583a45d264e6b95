// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.List;
import java.util.SplittableRandom;
import org.pzvo.sky.SkyIndex;

/**
 * Simulates object {@code index} of the demo catalog from the seed alone (DOMAIN.md 5.2).
 *
 * <p>Clustering is a Neyman-Scott process on consecutive indexes: objects 16g..16g+15 form
 * group g, whose parent has a field, a position, a redshift and a richness; each object joins
 * the parent with probability 0.8 x richness (40% of objects on average) and then sits at a
 * Gaussian offset of 0.5 Mpc (proper) at the parent's redshift, sharing it within 0.003 (1 + z).
 * Other objects are field galaxies or, one in twelve, stars. True redshifts follow the LSST Y10
 * source n(z); i magnitudes follow a redshift-magnitude relation with 0.8 mag scatter.
 */
final class ObjectModel {
    static final int GROUP_SIZE = 16;
    /** First objectId: Rubin DP1 ids are large positive 64-bit integers (~5.9e17). */
    static final long OBJECT_ID_BASE = 592_911_000_000_000_000L;
    private static final double I_MIN = 17.5;
    private static final double I_MAX = 25.8;
    /** Scatter (mag) of galaxy i magnitudes around {@link #typicalGalaxyIMag}. */
    static final double I_SCATTER = 0.8;

    private ObjectModel() {
    }

    /**
     * The order-29 index of object {@code index}: the position {@link #generate} gives it, drawn
     * without the rest of the simulation (used to write the catalog in spatial order).
     */
    static long hpx29(long seed, long index) {
        double[] pos = place(seed, index).pos();
        return SkyIndex.hpx29(pos[0], pos[1]);
    }

    /** The first draws of an object: kind, redshift and position; {@code rng} continues with the rest. */
    private record Placement(double[] pos, double z, boolean star, SplittableRandom rng) {
    }

    private static Placement place(long seed, long index) {
        long group = index / GROUP_SIZE;
        SplittableRandom g = Rng.of(seed, Rng.GROUP, group);
        int parentField = g.nextInt(DemoSky.FIELD_RA_DEG.length);
        double[] parentPos = DemoSky.uniformInField(parentField, g);
        double parentZ = DemoSky.sampleRedshift(g);
        double richness = g.nextDouble();

        SplittableRandom r = Rng.of(seed, Rng.OBJECT, index);
        boolean clustered = r.nextDouble() < 0.8 * richness;
        boolean star = !clustered && r.nextDouble() < 0.14;
        double[] pos = null;
        double z;
        if (clustered) {
            z = Math.max(0.01, parentZ + 0.003 * (1 + parentZ) * Rng.gaussian(r));
            double sigmaDeg = DemoSky.angleDeg(0.5, parentZ);
            for (int attempt = 0; attempt < 4 && pos == null; attempt++) {
                double[] p = DemoSky.gaussianOffset(parentPos[0], parentPos[1], sigmaDeg, r);
                if (DemoSky.fieldOf(p[0], p[1]) >= 0) {
                    pos = p;
                }
            }
            if (pos == null) {
                pos = parentPos;
            }
        } else {
            pos = DemoSky.uniformInField(r.nextInt(DemoSky.FIELD_RA_DEG.length), r);
            z = star ? 0 : DemoSky.sampleRedshift(r);
        }
        return new Placement(pos, z, star, r);
    }

    /**
     * Simulates object {@code index}; {@code objectId} is the identifier it is published with
     * (the writer numbers objects in the order it writes them).
     */
    static SimObject generate(long seed, long index, long objectId, DemoMaps maps, PhotoZModel.Run[] runs) {
        Placement p = place(seed, index);
        double[] pos = p.pos();
        double z = p.z();
        boolean star = p.star();
        SplittableRandom r = p.rng();
        double[] intrinsic;
        float extendedness;
        if (star) {
            double iMag = starMagnitude(r);
            intrinsic = Photometry.starMags(r.nextDouble(), iMag, r);
            extendedness = iMag > 23.5 && r.nextDouble() < 0.2 ? 1f : 0f;
        } else {
            double iMag = galaxyMagnitude(z, r);
            int sed = r.nextDouble() < 0.25 ? 0 : r.nextDouble() < 2.0 / 3 ? 1 : 2;
            intrinsic = Photometry.galaxyMags(sed, z, iMag, r);
            extendedness = iMag > 24 && r.nextDouble() < 0.3 ? 0f : 1f;
        }
        long hpx29 = SkyIndex.hpx29(pos[0], pos[1]);
        double ebv = DemoSky.ebv(pos[0], pos[1]);
        float[] flux = new float[6];
        float[] fluxErr = new float[6];
        float[] mag = new float[6];
        float[] magErr = new float[6];
        for (int b = 0; b < 6; b++) {
            double observed = intrinsic[b] + Photometry.A_EBV[b] * ebv;
            double err = Photometry.fluxErrorNJy(b, observed, maps.m5(b, hpx29));
            flux[b] = (float) (Photometry.fluxNJy(observed) + err * Rng.gaussian(r));
            fluxErr[b] = (float) err;
            mag[b] = (float) Photometry.magOfFlux(flux[b]);
            magErr[b] = flux[b] > 0 ? (float) (Photometry.MAG_PER_LN * fluxErr[b] / flux[b]) : Float.NaN;
        }
        double iDustFree = intrinsic[Photometry.I_BAND];
        SimObject.PhotoZ[] pz = new SimObject.PhotoZ[runs.length];
        for (int k = 0; k < runs.length; k++) {
            pz[k] = PhotoZModel.estimate(seed, runs[k], index, z, iDustFree, star);
        }
        SimObject o = new SimObject(index, objectId, pos[0], pos[1], hpx29, z, star, flux, fluxErr,
                mag, magErr, extendedness, (float) ebv, pz, List.of());
        return o.withSpec(SpecModel.measurements(seed, o));
    }

    /** Centre of the i magnitudes of galaxies at redshift z: 23.7 + 3.75 log10(z / 0.9). */
    static double typicalGalaxyIMag(double z) {
        return 23.7 + 3.75 * Math.log10(z / 0.9);
    }

    /** i magnitude of a galaxy: {@link #typicalGalaxyIMag} + N(0, {@value #I_SCATTER}), redrawn into [17.5, 25.8]. */
    private static double galaxyMagnitude(double z, SplittableRandom r) {
        double centre = typicalGalaxyIMag(z);
        for (int attempt = 0; attempt < 8; attempt++) {
            double m = centre + I_SCATTER * Rng.gaussian(r);
            if (m >= I_MIN && m <= I_MAX) {
                return m;
            }
        }
        return Math.max(I_MIN, Math.min(I_MAX, centre));
    }

    /** i magnitude of a star from number counts dN/dm proportional to 10^(0.3 m) over [17, 24.5]. */
    private static double starMagnitude(SplittableRandom r) {
        double a = Math.pow(10, 0.3 * 17);
        double b = Math.pow(10, 0.3 * 24.5);
        return Math.log10(a + r.nextDouble() * (b - a)) / 0.3;
    }
}
