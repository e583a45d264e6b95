// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.List;

/**
 * What {@link DemoData#generate} wrote: row counts per table, the photo-z quality it measured
 * and how long it took.
 */
public record DemoSummary(long objects, long photozRows, long speczRows, long trainingSetRows, long mapRows,
                          long mapPixelRows, List<PhotoZQuality> quality, long elapsedMillis) {
    public DemoSummary {
        quality = List.copyOf(quality);
    }
}
