// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.Objects;

/**
 * The ObsCore facts shared by the products of one origin (a demo data set, a user ingest) that
 * the files themselves do not tell (ObsCore 1.1 §4).
 *
 * @param collection  obs_collection
 * @param targetName  target_name, or null
 * @param facility    facility_name, or null
 * @param instrument  instrument_name, or null
 * @param tMinMjd     start of the observations (MJD), or null when unknown
 * @param tMaxMjd     end of the observations (MJD), or null when unknown
 * @param releaseDate obs_release_date (ISO-8601 UTC), or null
 */
public record ProductContext(String collection, String targetName, String facility, String instrument,
                             Double tMinMjd, Double tMaxMjd, String releaseDate) {
    public ProductContext {
        Objects.requireNonNull(collection, "collection");
    }

    /** Products loaded by {@code pzvo ingest}: only the collection is known. */
    public static ProductContext user(String survey, String release) {
        return new ProductContext(survey + "/" + release, null, null, null, null, null, null);
    }
}
