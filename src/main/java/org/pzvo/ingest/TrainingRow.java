// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * A spec.training_set row in the making: the spectroscopic measurement, the matched object's
 * extinction-corrected photometry (99 for non-detections) and, per run, the stored z_mode and
 * the PIT value (the PDF's CDF at z_spec) needed by the validation metrics.
 */
record TrainingRow(SpecRow spec, long objectId, float[] mag, float[] magErr, float ebv, float extendedness,
                   float[] zMode, double[] pit) {
    static final float NON_DETECTION = 99f;

    static TrainingRow of(SpecRow spec, SimObject o) {
        float[] mag = new float[6];
        float[] magErr = new float[6];
        for (int b = 0; b < 6; b++) {
            boolean detected = o.flux()[b] > 0 && o.flux()[b] >= o.fluxErr()[b];
            mag[b] = detected ? (float) (o.mag()[b] - Photometry.A_EBV[b] * o.ebv()) : NON_DETECTION;
            magErr[b] = detected ? o.magErr()[b] : NON_DETECTION;
        }
        float[] zMode = new float[o.photoz().length];
        double[] pit = new double[o.photoz().length];
        for (int k = 0; k < zMode.length; k++) {
            zMode[k] = (float) o.photoz()[k].summary().mode();
            pit[k] = PdfModel.cdfAt(PdfModel.cdf(o.photoz()[k].pdf()), spec.z());
        }
        return new TrainingRow(spec, o.objectId(), mag, magErr, o.ebv(), o.extendedness(), zMode, pit);
    }
}
