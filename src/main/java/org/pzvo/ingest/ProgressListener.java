// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * Receives progress of a long load. Called from the loading thread, after each committed batch;
 * implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being loaded, e.g. {@code lsst.object}
     * @param done  rows of this stage written so far
     * @param total rows of this stage in all, or -1 if unknown
     */
    void progress(String stage, long done, long total);
}
