// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.List;

/**
 * One simulated object with everything derived from it: its lsst.object values, one photo-z
 * per run and the spectroscopic measurements it received (none for most objects). Arrays are
 * indexed by band (u, g, r, i, z, y); {@code cModelMag}/{@code cModelMagErr} are NaN where the
 * flux is not positive. Package-private plain data, not shared between threads once built.
 */
record SimObject(long index, long objectId, double raDeg, double decDeg, long hpx29, double zTrue, boolean star,
                 float[] flux, float[] fluxErr, float[] mag, float[] magErr, float extendedness, float ebv,
                 PhotoZ[] photoz, List<SpecRow> spec) {

    /** The same object with these spectroscopic measurements. */
    SimObject withSpec(List<SpecRow> measurements) {
        return new SimObject(index, objectId, raDeg, decDeg, hpx29, zTrue, star, flux, fluxErr, mag, magErr,
                extendedness, ebv, photoz, measurements);
    }

    /** A photo-z of one run: the stored PDF and the estimates derived from it. */
    record PhotoZ(float[] pdf, PdfModel.Summary summary) {
    }
}
