// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

/** The positions of one side of a cross-match, and its per-row radii (degrees, aligned with them) or null. */
record TableRead(Positions positions, double[] radiusDeg) {
}
