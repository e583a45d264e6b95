// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The order in which the demo writes its objects: by order-15 HEALPix cell (NESTED, ~6.4
 * arcsec), then by simulation index within a cell. A total order that depends only on the seed,
 * whatever the number of threads that compute it.
 *
 * <p>Why: inserting rows in order of their indexed {@code hpx29} appends to the right edge of
 * the B-trees instead of dirtying pages all over them, which on H2 made the object load several
 * times cheaper (and the objects of one region end up stored together).
 */
final class SpatialOrder {
    /** Bits of the simulation index in a sort key; {@link DemoSpec} caps rows at 1e8 < 2^28. */
    private static final int INDEX_BITS = 28;
    /** Order-29 index shifted down to order 15: 2 x (29 - 15) bits dropped. */
    private static final int CELL_SHIFT = 28;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final int CHUNK = 65_536;

    private SpatialOrder() {
    }

    /**
     * The simulation indexes of {@code rows} objects in write order: element {@code k} is the
     * index of the object written k-th (and numbered {@code OBJECT_ID_BASE + k}).
     */
    static long[] of(long seed, long rows, ExecutorService pool, int workers) throws InterruptedException {
        if (rows > INDEX_MASK + 1) {
            throw new IllegalArgumentException("Expected at most " + (INDEX_MASK + 1) + " demo rows, actual " + rows);
        }
        long[] keys = new long[(int) rows];
        List<Future<?>> parts = new ArrayList<>();
        for (int first = 0; first < rows; first += CHUNK) {
            int from = first;
            int to = (int) Math.min(rows, (long) first + CHUNK);
            parts.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    keys[i] = (ObjectModel.hpx29(seed, i) >>> CELL_SHIFT) << INDEX_BITS | i;
                }
            }));
        }
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Demo generation failed", e.getCause());
            }
        }
        if (workers > 1) {
            Arrays.parallelSort(keys);
        } else {
            Arrays.sort(keys);
        }
        for (int k = 0; k < keys.length; k++) {
            keys[k] &= INDEX_MASK;
        }
        return keys;
    }
}
