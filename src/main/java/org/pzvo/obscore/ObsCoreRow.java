// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import java.util.Objects;
import org.pzvo.sky.Footprint;

/**
 * The content of one ivoa.obscore row (ObsCore 1.1 §3, tap-schema/ivoa.yaml) for a registered
 * product; access_url, access_format and access_estsize are derived from the product by
 * {@link ObsCore#insert}. Immutable.
 *
 * @param publisherDid       the product's identifier (obs_publisher_did)
 * @param dataproductType    ObsCore 1.1 §4.1 vocabulary: image, measurements, ...
 * @param dataproductSubtype service-specific kind (healpix-map, moc, catalog-moc, training-set, photoz-pdf)
 * @param calibLevel         0..4 (ObsCore 1.1 §4.2)
 * @param collection         obs_collection
 * @param obsId              obs_id
 * @param title              obs_title
 * @param targetName         target_name, or null
 * @param footprint          position, size and polygon, or null for products without a footprint
 * @param resolutionArcsec   s_resolution, or null
 * @param pixels             s_xel1 (number of HEALPix pixels), or null
 * @param tMinMjd            t_min, or null
 * @param tMaxMjd            t_max, or null
 * @param band               the LSST band of a one-band product, or null for all of ugrizy
 * @param observableUcd      o_ucd, or null
 * @param facility           facility_name, or null
 * @param instrument         instrument_name, or null
 * @param releaseDate        obs_release_date as ISO-8601 UTC (yyyy-MM-ddTHH:mm:ss), or null
 */
public record ObsCoreRow(String publisherDid, String dataproductType, String dataproductSubtype, int calibLevel,
                         String collection, String obsId, String title, String targetName, Footprint footprint,
                         Double resolutionArcsec, Long pixels, Double tMinMjd, Double tMaxMjd, String band,
                         String observableUcd, String facility, String instrument, String releaseDate) {
    public ObsCoreRow {
        Objects.requireNonNull(publisherDid, "publisherDid");
        Objects.requireNonNull(dataproductType, "dataproductType");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(obsId, "obsId");
        if (calibLevel < 0 || calibLevel > 4) {
            throw new IllegalArgumentException("Expected calib_level in [0, 4], actual " + calibLevel);
        }
        if (band != null && !LsstBands.isBand(band)) {
            throw new IllegalArgumentException("Expected an LSST band (u, g, r, i, z or y) or null, actual " + band);
        }
    }
}
