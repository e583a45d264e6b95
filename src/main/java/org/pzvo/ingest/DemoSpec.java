// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * What demo data set to generate: the number of objects, the seed, and how many objects get
 * their photo-z PDFs stored. The same spec always gives the same rows, on any engine and with
 * any number of threads.
 *
 * <p>{@code pdfRows} bounds the size of the database: objects whose simulation index is at or above
 * it (a spatially uniform subset, since objects are written in sky order) get
 * pz.photoz rows whose point estimates are still derived from their PDF, but whose {@code pdf}
 * column is NULL (301 floats per row and run dominate the volume: about 2.4 GB per million
 * objects). The two-argument constructor stores every PDF.
 *
 * @param rows    number of lsst.object rows, in [1, 100000000]
 * @param seed    global random seed
 * @param pdfRows number of objects (those with a simulation index below it) whose PDFs are stored, in [0, rows]
 */
public record DemoSpec(long rows, long seed, long pdfRows) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20250630L;

    public DemoSpec {
        if (rows < 1 || rows > 100_000_000L) {
            throw new IllegalArgumentException("Expected a number of demo rows in [1, 100000000], actual " + rows);
        }
        if (pdfRows < 0 || pdfRows > rows) {
            throw new IllegalArgumentException("Expected a number of stored PDFs in [0, " + rows + "], actual "
                    + pdfRows);
        }
    }

    /** Every object gets its PDFs stored. */
    public DemoSpec(long rows, long seed) {
        this(rows, seed, rows);
    }
}
