// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

/**
 * The viridis colour map (perceptually uniform, readable in grey and by colour-blind readers;
 * van der Walt and Smith, matplotlib 2015), sampled at 9 anchors and interpolated linearly.
 */
final class Colormap {
    private static final int[] ANCHORS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    };

    private Colormap() {
    }

    /** The RGB colour of {@code t} in [0, 1] (clamped; NaN gives the lowest colour). */
    static int rgb(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = ANCHORS[i];
        int b = ANCHORS[i + 1];
        return channel(a, b, 16, f) << 16 | channel(a, b, 8, f) << 8 | channel(a, b, 0, f);
    }

    private static int channel(int a, int b, int shift, double f) {
        int ca = (a >> shift) & 0xFF;
        int cb = (b >> shift) & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
