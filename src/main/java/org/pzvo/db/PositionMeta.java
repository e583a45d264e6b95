// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.Objects;

/**
 * The main position of a table: its ICRS right ascension and declination columns (degrees) and
 * the order-29 NESTED HEALPix index column computed from them (DESIGN.md "HEALPix everywhere").
 * {@code partitions} (0 for none, else {@value #MIN_PARTITIONS} to {@value #MAX_PARTITIONS}) splits
 * the table on PostgreSQL into that many partitions by ranges of the HEALPix index, each an equal
 * area of sky ({@link SchemaInstaller}); H2 ignores it.
 */
public record PositionMeta(String ra, String dec, String healpix, int partitions) {
    public static final int MIN_PARTITIONS = 2;
    public static final int MAX_PARTITIONS = 1024;

    public PositionMeta {
        Objects.requireNonNull(ra, "ra");
        Objects.requireNonNull(dec, "dec");
        Objects.requireNonNull(healpix, "healpix");
        if (partitions != 0 && (partitions < MIN_PARTITIONS || partitions > MAX_PARTITIONS)) {
            throw new IllegalArgumentException("Expected 0 (no partitioning) or " + MIN_PARTITIONS + " to "
                    + MAX_PARTITIONS + " partitions, actual " + partitions);
        }
    }

    /** A position of an unpartitioned table. */
    public PositionMeta(String ra, String dec, String healpix) {
        this(ra, dec, healpix, 0);
    }
}
