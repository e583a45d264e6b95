// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * What demo data set to generate: the number of objects and the seed. The same spec always
 * gives the same rows, on any engine and with any number of threads.
 *
 * @param rows number of lsst.object rows, at least 1
 * @param seed global random seed
 */
public record DemoSpec(long rows, long seed) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20250630L;

    public DemoSpec {
        if (rows < 1 || rows > 100_000_000L) {
            throw new IllegalArgumentException("Expected a number of demo rows in [1, 100000000], actual " + rows);
        }
    }
}
