// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ASCII serialisation of a space MOC (IVOA MOC 2.0 §4.3.2) from a set of NESTED cells. */
final class Moc {
    private Moc() {
    }

    /**
     * The canonical ASCII MOC of a set of cells at one order: complete groups of four siblings
     * are replaced by their parent, repeatedly; cells are listed order by order, with runs of
     * consecutive indexes written as {@code a-b}, e.g. {@code 8/12-15 9/1 10/64-66}. The deepest
     * order is always written, if necessary as {@code 10/}, so that it is known (§4.3.2).
     *
     * @param sortedCells distinct NESTED indexes at {@code order}, in increasing order
     */
    static String ascii(long[] sortedCells, int order) {
        List<long[]> byOrder = new ArrayList<>();
        long[] current = sortedCells.clone();
        for (int o = order; o >= 0; o--) {
            long[] keep = new long[current.length];
            long[] parents = new long[current.length / 4 + 1];
            int nk = 0;
            int np = 0;
            int i = 0;
            while (i < current.length) {
                long c = current[i];
                if (o > 0 && (c & 3) == 0 && i + 3 < current.length && current[i + 3] == c + 3) {
                    parents[np++] = c >>> 2;
                    i += 4;
                } else {
                    keep[nk++] = c;
                    i++;
                }
            }
            byOrder.add(Arrays.copyOf(keep, nk));
            current = Arrays.copyOf(parents, np);
        }
        StringBuilder sb = new StringBuilder();
        for (int o = 0; o <= order; o++) {
            long[] cells = byOrder.get(order - o);
            if (cells.length == 0 && o < order) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(o).append('/');
            int i = 0;
            while (i < cells.length) {
                int j = i;
                while (j + 1 < cells.length && cells[j + 1] == cells[j] + 1) {
                    j++;
                }
                sb.append(i == 0 ? "" : " ").append(cells[i]);
                if (j > i) {
                    sb.append('-').append(cells[j]);
                }
                i = j + 1;
            }
        }
        return sb.toString();
    }
}
