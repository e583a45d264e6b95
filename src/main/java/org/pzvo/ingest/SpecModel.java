// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated spectroscopic follow-up (DOMAIN.md 5.2 "Spec-z training set", 1.5 CRC): a
 * brightness-biased selection of about 3% of the objects, measured by one of six surveys with
 * their native quality flags, homogenised flags 4/3/2/1/0 in proportions 65/20/7/4/2 (6 for
 * stars), 4% of targets measured twice by different surveys (mostly agreeing, one in ten with a
 * wrong low-quality redshift) and resolved as the Combine Redshift Catalogs pipeline does, and a
 * 70/30 training/validation split.
 */
final class SpecModel {
    /** Survey name, instrument type, relative weight and native flag for homogenised 0, 1, 2, 3, 4, 6. */
    private record Survey(String name, String instrument, double weight, String[] nativeFlags, boolean hasError) {
    }

    private static final Survey[] SURVEYS = {
        new Survey("DESI", "s", 0.35, new String[] {"ZWARN=4", "ZWARN=4", "DELTACHI2<25", "DELTACHI2<40", "ZWARN=0",
            "SPECTYPE=STAR"}, true),
        new Survey("VVDS", "s", 0.12, new String[] {"0", "1", "2", "3", "4", "STAR"}, true),
        new Survey("OZDES", "s", 0.15, new String[] {"1", "2", "2", "3", "4", "6"}, true),
        new Survey("2DFLENS", "s", 0.15, new String[] {"1", "2", "3", "4", "5", "6"}, false),
        new Survey("PRIMUS", "p", 0.13, new String[] {"-1", "2", "3", "3", "4", "STAR"}, true),
        new Survey("3D-HST", "g", 0.10, new String[] {"-1", "0", "1", "2", "3", "STAR"}, true),
    };
    private static final int[] FLAGS = {4, 3, 2, 1, 0};
    private static final double[] FLAG_CUMULATIVE = {0.65 / 0.98, 0.85 / 0.98, 0.92 / 0.98, 0.96 / 0.98, 1.0};
    private static final double JITTER_ARCSEC = 0.15;
    private static final double DUPLICATE_FRACTION = 0.04;
    static final double TRAIN_FRACTION = 0.7;

    private SpecModel() {
    }

    /** The measurements of an object: none, one, or two (a duplicate from another survey). */
    static List<SpecRow> measurements(long seed, SimObject o) {
        SplittableRandom r = Rng.of(seed, Rng.SPEC, o.index());
        double iObserved = Float.isNaN(o.mag()[Photometry.I_BAND]) ? 99 : o.mag()[Photometry.I_BAND];
        double completeness = iObserved < 20.5 ? 0.2 : iObserved < 22 ? 0.1 : iObserved < 23 ? 0.05
                : iObserved < 24 ? 0.02 : iObserved < 25 ? 0.005 : 0;
        if (o.star()) {
            completeness *= 0.3;
        }
        if (r.nextDouble() >= completeness) {
            return List.of();
        }
        long groupId = o.index() + 1;
        int s1 = pickSurvey(r, -1);
        Measure m1 = measure(r, s1, o.zTrue(), o.star());
        if (r.nextDouble() >= DUPLICATE_FRACTION) {
            return List.of(row(r, o, s1, m1, o.star() ? 3 : 1, groupId, null));
        }
        int s2 = pickSurvey(r, s1);
        Measure m2 = measure(r, s2, o.zTrue(), o.star());
        if (!o.star() && r.nextDouble() < 0.1) {
            m2 = new Measure(3 * r.nextDouble() + 0.01, Math.min(m2.flag(), 2));
        }
        int t1;
        int t2;
        if (o.star()) {
            t1 = 3;
            t2 = 3;
        } else {
            int c = compare(m1.flag(), s1, m2.flag(), s2);
            t1 = c > 0 ? 1 : c < 0 ? 0 : 2;
            t2 = c < 0 ? 1 : c > 0 ? 0 : 2;
        }
        List<SpecRow> rows = new ArrayList<>(2);
        rows.add(row(r, o, s1, m1, t1, groupId, crdId(s2, o.index())));
        rows.add(row(r, o, s2, m2, t2, groupId, crdId(s1, o.index())));
        return rows;
    }

    /** A target without photometric counterpart (1-2% of a real compilation); {@code k} counts them. */
    static SpecRow orphan(long seed, long k, long firstGroupId) {
        SplittableRandom r = Rng.of(seed, Rng.ORPHAN, k);
        double[] pos = DemoSky.uniformInField(r.nextInt(DemoSky.FIELD_RA_DEG.length), r);
        int s = pickSurvey(r, -1);
        Measure m = measure(r, s, DemoSky.sampleRedshift(r), false);
        Survey sv = SURVEYS[s];
        return new SpecRow("CRD" + (s + 1) + "_" + (firstGroupId + k), surveyId(sv, r), pos[0], pos[1], m.z(),
                error(r, sv, m.z()), sv.nativeFlags()[flagSlot(m.flag())], (short) m.flag(), sv.instrument(), sv.name(),
                (short) 1, firstGroupId + k, null, -1, Double.NaN, false);
    }

    private record Measure(double z, int flag) {
    }

    private static Measure measure(SplittableRandom r, int survey, double zTrue, boolean star) {
        if (star) {
            return new Measure(0.0003 * Rng.gaussian(r), 6);
        }
        double u = r.nextDouble();
        int flag = FLAGS[FLAGS.length - 1];
        for (int k = 0; k < FLAGS.length; k++) {
            if (u < FLAG_CUMULATIVE[k]) {
                flag = FLAGS[k];
                break;
            }
        }
        double wrongProbability = flag >= 3 ? 0.003 : flag == 2 ? 0.1 : flag == 1 ? 0.4 : 0.6;
        double z = r.nextDouble() < wrongProbability ? 0.01 + 3 * r.nextDouble()
                : zTrue + resolution(SURVEYS[survey]) * (1 + zTrue) * Rng.gaussian(r);
        return new Measure(Math.max(0.0001, z), flag);
    }

    private static double resolution(Survey s) {
        return s.instrument().equals("s") ? 1e-4 : s.instrument().equals("g") ? 0.003 : 0.005;
    }

    private static Float error(SplittableRandom r, Survey s, double z) {
        double err = resolution(s) * (1 + Math.abs(z)) * (0.7 + 0.6 * r.nextDouble());
        return s.hasError() ? (float) err : null;
    }

    /** Positive when measurement 1 wins: better flag, then spectroscopic over grism over prism. */
    private static int compare(int flag1, int s1, int flag2, int s2) {
        if (flag1 != flag2) {
            return Integer.compare(flag1, flag2);
        }
        return Integer.compare(priority(SURVEYS[s1].instrument()), priority(SURVEYS[s2].instrument()));
    }

    private static int priority(String instrument) {
        return instrument.equals("s") ? 3 : instrument.equals("g") ? 2 : 1;
    }

    private static SpecRow row(SplittableRandom r, SimObject o, int s, Measure m, int tie, long groupId,
                               String comparedTo) {
        Survey sv = SURVEYS[s];
        double[] pos = DemoSky.gaussianOffset(o.raDeg(), o.decDeg(), JITTER_ARCSEC / 3600, r);
        double distArcsec = DemoSky.distanceDeg(o.raDeg(), o.decDeg(), pos[0], pos[1]) * 3600;
        boolean training = r.nextDouble() < TRAIN_FRACTION;
        return new SpecRow(crdId(s, o.index()), surveyId(sv, r), pos[0], pos[1], m.z(), error(r, sv, m.z()),
                sv.nativeFlags()[flagSlot(m.flag())], (short) m.flag(), sv.instrument(), sv.name(), (short) tie,
                groupId, comparedTo, distArcsec <= 1.0 ? o.index() : -1, distArcsec, training);
    }

    private static String crdId(int survey, long objectIndex) {
        return "CRD" + (survey + 1) + "_" + (objectIndex + 1);
    }

    private static String surveyId(Survey s, SplittableRandom r) {
        return s.name() + "-" + String.format("%09d", r.nextInt(1_000_000_000));
    }

    private static int flagSlot(int flag) {
        return flag == 6 ? 5 : flag;
    }

    private static int pickSurvey(SplittableRandom r, int exclude) {
        double total = 0;
        for (int s = 0; s < SURVEYS.length; s++) {
            total += s == exclude ? 0 : SURVEYS[s].weight();
        }
        double u = r.nextDouble() * total;
        for (int s = 0; s < SURVEYS.length; s++) {
            if (s == exclude) {
                continue;
            }
            u -= SURVEYS[s].weight();
            if (u < 0) {
                return s;
            }
        }
        return exclude == SURVEYS.length - 1 ? SURVEYS.length - 2 : SURVEYS.length - 1;
    }
}
