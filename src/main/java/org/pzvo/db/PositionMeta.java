// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.util.Objects;

/**
 * The main position of a table: its ICRS right ascension and declination columns (degrees) and
 * the order-29 NESTED HEALPix index column computed from them (DESIGN.md "HEALPix everywhere").
 */
public record PositionMeta(String ra, String dec, String healpix) {
    public PositionMeta {
        Objects.requireNonNull(ra, "ra");
        Objects.requireNonNull(dec, "dec");
        Objects.requireNonNull(healpix, "healpix");
    }
}
