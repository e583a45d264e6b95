// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.SplittableRandom;

/**
 * Counter-based seeding of the demo generator: every random stream is a
 * {@link SplittableRandom} seeded from (global seed, stream, index) through the SplitMix64
 * finaliser, so each row's values depend only on those three numbers and never on thread count,
 * batch size or generation order (DOMAIN.md 5.2 "Determinism").
 */
final class Rng {
    static final long GROUP = 1;
    static final long OBJECT = 2;
    static final long PHOTOZ = 3;
    static final long SPEC = 4;
    static final long ORPHAN = 5;
    static final long FIELD = 6;
    static final long DEPTH_PIXEL = 7;

    private Rng() {
    }

    /** A generator for one (stream, index) cell of the seed tree. */
    static SplittableRandom of(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ mix(stream)) + index));
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal deviate (Marsaglia polar method). */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
