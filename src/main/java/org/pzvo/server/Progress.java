// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import org.pzvo.ingest.ProgressListener;

/** Progress of long work shown on the terminal, at most a few lines a second. */
final class Progress {
    private Progress() {
    }

    static ProgressListener toStderr() {
        long[] last = {0};
        return (stage, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L || done == total) {
                last[0] = now;
                String of = total > 0 ? String.format(" of %,d (%d%%)", total, 100 * done / total) : "";
                System.err.printf("pzvo: %s: %,d rows%s%n", stage, done, of);
            }
        };
    }
}
