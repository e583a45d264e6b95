// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * One simulated spectroscopic measurement: a spec.specz row, and a spec.training_set row when
 * {@code objectIndex} is not negative (the measurement has a photometric counterpart).
 *
 * @param zErr        null when the survey gives no error
 * @param objectIndex index of the matched object, -1 for a target without counterpart
 * @param matchDistArcsec distance to the matched object
 */
record SpecRow(String crdId, String surveyId, double raDeg, double decDeg, double z, Float zErr, String zFlag,
               short flagHomogenized, String instrumentType, String survey, short tieResult, long groupId,
               String comparedTo, long objectIndex, double matchDistArcsec, boolean isTraining) {

    /** Whether z_flag_homogenized marks a secure galaxy redshift (3 or 4), as the validation metrics use. */
    boolean isSecure() {
        return flagHomogenized == 3 || flagHomogenized == 4;
    }
}
