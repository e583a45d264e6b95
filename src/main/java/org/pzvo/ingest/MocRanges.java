// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.Arrays;

/**
 * A space MOC (IVOA MOC 2.0) as sorted, merged, half-open ranges of order-29 NESTED indexes,
 * flattened as {@code [lo0, hi0, lo1, hi1, ...]}, with the MOC order (MOCORD_S) it is
 * expressed at. Immutable. Conversions to the canonical list of cells (MOC 2.0 §2.3.1: the
 * fewest cells, each as coarse as possible), to NUNIQ values ({@code uniq = 4·4^order + ipix},
 * MOC 2.0 §4.3.1) and to the ASCII serialisation (MOC 2.0 §4.3.2, e.g. {@code 1/1 2 4 2/12-14 8/}).
 */
public final class MocRanges {
    /** The deepest order, at which ranges are kept (MOC 2.0 §2.2). */
    public static final int MAX_ORDER = 29;

    private final long[] ranges;
    private final int order;

    private MocRanges(long[] ranges, int order) {
        this.ranges = ranges;
        this.order = order;
    }

    /** The ranges, flattened {@code [lo0, hi0, ...]} (a copy). */
    public long[] ranges() {
        return ranges.clone();
    }

    /** MOCORD_S: the order of the finest cells. */
    public int order() {
        return order;
    }

    /** Number of cells at {@link #order()} covered. */
    public long cellCount() {
        int shift = 2 * (MAX_ORDER - order);
        long n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += (ranges[i + 1] - ranges[i]) >>> shift;
        }
        return n;
    }

    /** Accumulates cells of one order given in ascending order, merging adjacent ones. */
    public static final class Builder {
        private final int order;
        private final int shift;
        private long[] ranges = new long[16];
        private int size;
        private long last = -1;

        public Builder(int order) {
            if (order < 0 || order > MAX_ORDER) {
                throw new IllegalArgumentException("Expected a MOC order in [0, 29], actual " + order);
            }
            this.order = order;
            this.shift = 2 * (MAX_ORDER - order);
        }

        /** Adds cell {@code ipix} at the builder's order; cells must come in ascending order. */
        public void add(long ipix) {
            if (ipix <= last) {
                if (ipix == last) {
                    return;
                }
                throw new IllegalArgumentException("Expected cells in ascending order, actual " + ipix + " after " + last);
            }
            last = ipix;
            long lo = ipix << shift;
            long hi = (ipix + 1) << shift;
            if (size > 0 && ranges[size - 1] == lo) {
                ranges[size - 1] = hi;
                return;
            }
            if (size + 2 > ranges.length) {
                ranges = Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[size++] = lo;
            ranges[size++] = hi;
        }

        public MocRanges build() {
            return new MocRanges(Arrays.copyOf(ranges, size), order);
        }
    }

    /**
     * From order-29 ranges, sorted or not, overlapping or not (flattened pairs), whose bounds
     * must be multiples of the cell size at {@code order}.
     */
    public static MocRanges ofRanges(long[] flat, int order) {
        int n = flat.length / 2;
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new long[] {flat[2 * i], flat[2 * i + 1]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[flat.length];
        int size = 0;
        for (long[] p : pairs) {
            if (p[1] <= p[0]) {
                continue;
            }
            if (size > 0 && p[0] <= out[size - 1]) {
                out[size - 1] = Math.max(out[size - 1], p[1]);
            } else {
                out[size++] = p[0];
                out[size++] = p[1];
            }
        }
        return new MocRanges(Arrays.copyOf(out, size), order);
    }

    /** Calls {@code sink} with every cell of the canonical form, by range then ascending index. */
    public void forEachCell(CellSink sink) {
        for (int i = 0; i < ranges.length; i += 2) {
            long lo = ranges[i];
            long hi = ranges[i + 1];
            while (lo < hi) {
                // The coarsest cell starting at lo that fits in [lo, hi): MOC 2.0 §2.3.1 canonical form.
                int depth = order;
                while (depth > 0) {
                    int s = 2 * (MAX_ORDER - depth + 1);
                    long size = 1L << s;
                    if ((lo & (size - 1)) != 0 || lo + size > hi) {
                        break;
                    }
                    depth--;
                }
                int s = 2 * (MAX_ORDER - depth);
                sink.cell(depth, lo >>> s);
                lo += 1L << s;
            }
        }
    }

    /** Receives one MOC cell. */
    @FunctionalInterface
    public interface CellSink {
        void cell(int order, long ipix);
    }

    /** The canonical cells as NUNIQ values, ascending (MOC 2.0 §4.3.1). */
    public long[] uniq() {
        long[][] buf = {new long[64]};
        int[] size = {0};
        forEachCell((o, p) -> {
            if (size[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], size[0] * 2);
            }
            buf[0][size[0]++] = (4L << (2 * o)) + p;
        });
        long[] out = Arrays.copyOf(buf[0], size[0]);
        Arrays.sort(out);
        return out;
    }

    /** The ASCII serialisation (MOC 2.0 §4.3.2), ending with {@code <order>/} when the finest order is empty. */
    public String ascii() {
        long[] cells = uniq();
        StringBuilder sb = new StringBuilder();
        int current = -1;
        int i = 0;
        while (i < cells.length) {
            int o = (63 - Long.numberOfLeadingZeros(cells[i])) / 2 - 1;
            long p = cells[i] - (4L << (2 * o));
            int j = i;
            while (j + 1 < cells.length && cells[j + 1] == cells[j] + 1
                    && (63 - Long.numberOfLeadingZeros(cells[j + 1])) / 2 - 1 == o) {
                j++;
            }
            if (o != current) {
                sb.append(sb.length() == 0 ? "" : " ").append(o).append('/');
                current = o;
            } else {
                sb.append(' ');
            }
            sb.append(p);
            if (j > i) {
                sb.append('-').append(p + (j - i));
            }
            i = j + 1;
        }
        if (current != order) {
            sb.append(sb.length() == 0 ? "" : " ").append(order).append('/');
        }
        return sb.toString();
    }

    /**
     * The JSON serialisation (MOC 2.0 §4.3.3): an object from order to the list of its cells,
     * orders ascending, e.g. {@code {"1":[1,2,4],"2":[12,13,14],"8":[]}}; the finest order is
     * always present, with an empty list when it has no cell.
     */
    public String json() {
        long[] cells = uniq();
        StringBuilder sb = new StringBuilder("{");
        int current = -1;
        for (long u : cells) {
            int o = (63 - Long.numberOfLeadingZeros(u)) / 2 - 1;
            if (o != current) {
                sb.append(current < 0 ? "" : "],").append('"').append(o).append("\":[");
                current = o;
            } else {
                sb.append(',');
            }
            sb.append(u - (4L << (2 * o)));
        }
        if (current >= 0) {
            sb.append(']');
        }
        if (current != order) {
            sb.append(current < 0 ? "" : ",").append('"').append(order).append("\":[]");
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MocRanges m && m.order == order && Arrays.equals(m.ranges, ranges);
    }

    @Override
    public int hashCode() {
        return 31 * order + Arrays.hashCode(ranges);
    }

    @Override
    public String toString() {
        return ascii();
    }
}
