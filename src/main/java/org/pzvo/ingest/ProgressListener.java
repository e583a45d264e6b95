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
     * A listener that prints {@code pzvo: STAGE: N rows of M (P%)} lines, at most one a second
     * plus the line that completes a stage: enough to show a long load is alive, never a flood.
     */
    static ProgressListener printingTo(java.io.PrintWriter out) {
        long[] last = {0};
        return (stage, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L || done == total) {
                last[0] = now;
                String of = total > 0 ? String.format(java.util.Locale.ROOT, " of %,d (%d%%)", total, 100 * done / total)
                        : "";
                out.printf(java.util.Locale.ROOT, "pzvo: %s: %,d rows%s%n", stage, done, of);
                out.flush();
            }
        };
    }

    /**
     * @param stage what is being loaded, e.g. {@code lsst.object}
     * @param done  rows of this stage written so far
     * @param total rows of this stage in all, or -1 if unknown
     */
    void progress(String stage, long done, long total);
}
