// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.Objects;

/** The order-29 NESTED HEALPix index column that goes with a table's main position. */
public record PositionIndex(String raColumn, String decColumn, String healpixColumn) {
    public PositionIndex {
        Objects.requireNonNull(raColumn, "raColumn");
        Objects.requireNonNull(decColumn, "decColumn");
        Objects.requireNonNull(healpixColumn, "healpixColumn");
    }
}
