// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

/**
 * Space MOCs as FITS files (IVOA MOC 2.0 §4.3.1): reading {@code ORDERING='NUNIQ'} (column
 * {@code UNIQ}, {@code 1J} or {@code 1K}) and {@code ORDERING='RANGE'} (column {@code RANGE} of
 * {@code 1K}, consecutive values being the inclusive start and exclusive end of order-29
 * ranges), and writing NUNIQ with the required cards {@code MOCVERS='2.0'},
 * {@code MOCDIM='SPACE'}, {@code ORDERING='NUNIQ'}, {@code COORDSYS='C'}, {@code MOCORD_S}.
 * MOC 1.x files ({@code MOCORDER} instead of {@code MOCORD_S}) are read too.
 */
public final class MocFits {
    private MocFits() {
    }

    /** Reads a MOC FITS file; refused input names the file, row and column. */
    public static MocRanges read(Path file) throws IngestException, IOException {
        FitsCheck.requireComplete(file);
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.getHDU(1);
            if (!(hdu instanceof BinaryTableHDU bt)) {
                throw IngestException.of(file, "expected a MOC binary table in HDU 1");
            }
            Header h = bt.getHeader();
            String dim = upper(h, "MOCDIM");
            if (dim != null && !dim.equals("SPACE")) {
                throw IngestException.of(file, "MOCDIM is '" + dim + "'; only space MOCs (SPACE) are supported");
            }
            String coordsys = upper(h, "COORDSYS");
            if (coordsys != null && !coordsys.equals("C")) {
                throw IngestException.of(file, "COORDSYS is '" + coordsys + "'; expected C");
            }
            String key = h.containsKey("MOCORD_S") ? "MOCORD_S" : "MOCORDER";
            if (!h.containsKey(key)) {
                throw IngestException.of(file, "missing MOCORD_S");
            }
            int order = h.getIntValue(key);
            if (order < 0 || order > MocRanges.MAX_ORDER) {
                throw IngestException.of(file, key + " " + order + " out of range [0, 29]");
            }
            String ordering = upper(h, "ORDERING");
            ordering = ordering == null ? "NUNIQ" : ordering;
            BinaryTable table = bt.getData();
            long[] values = column(file, table, ordering.equals("RANGE") ? "RANGE" : "UNIQ");
            return switch (ordering) {
                case "NUNIQ" -> fromUniq(file, values, order);
                case "RANGE" -> fromRanges(file, values, order);
                default -> throw IngestException.of(file, "unknown ORDERING '" + ordering + "'; expected NUNIQ or RANGE");
            };
        } catch (FitsException e) {
            throw IngestException.of(file, "cannot be read as FITS: " + CatalogSource.oneLine(e));
        }
    }

    private static long[] column(Path file, BinaryTable table, String name) throws IngestException, FitsException {
        int col = -1;
        for (int i = 0; i < table.getNCols(); i++) {
            if (name.equalsIgnoreCase(table.getDescriptor(i).name())) {
                col = i;
            }
        }
        if (col < 0) {
            col = 0;
        }
        int rows = table.getNRows();
        long[] out = new long[0];
        int size = 0;
        for (int r = 0; r < rows; r++) {
            Object e = table.getElement(r, col);
            int n = Array.getLength(e);
            if (size + n > out.length) {
                out = Arrays.copyOf(out, Math.max(16, 2 * (size + n)));
            }
            for (int i = 0; i < n; i++) {
                Object v = Array.get(e, i);
                if (!(v instanceof Long || v instanceof Integer || v instanceof Short)) {
                    throw IngestException.cell(file, r + 1L, name, "expected integers, actual " + v);
                }
                out[size++] = ((Number) v).longValue();
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static MocRanges fromUniq(Path file, long[] uniq, int order) throws IngestException {
        long[] ranges = new long[2 * uniq.length];
        for (int i = 0; i < uniq.length; i++) {
            long u = uniq[i];
            int o = u < 4 ? -1 : (63 - Long.numberOfLeadingZeros(u)) / 2 - 1;
            if (o < 0 || o > order) {
                throw IngestException.cell(file, i + 1L, "UNIQ", "value " + u + " is not a cell of order 0 to MOCORD_S "
                        + order);
            }
            long p = u - (4L << (2 * o));
            int shift = 2 * (MocRanges.MAX_ORDER - o);
            ranges[2 * i] = p << shift;
            ranges[2 * i + 1] = (p + 1) << shift;
        }
        return MocRanges.ofRanges(ranges, order);
    }

    private static MocRanges fromRanges(Path file, long[] flat, int order) throws IngestException {
        if (flat.length % 2 != 0) {
            throw IngestException.cell(file, flat.length, "RANGE", "expected pairs of values, actual an odd count");
        }
        long cell = 1L << (2 * (MocRanges.MAX_ORDER - order));
        long max = 12L << (2 * MocRanges.MAX_ORDER);
        for (int i = 0; i < flat.length; i++) {
            if (flat[i] < 0 || flat[i] > max || flat[i] % cell != 0) {
                throw IngestException.cell(file, i + 1L, "RANGE", "value " + flat[i]
                        + " is not an order-29 cell boundary at MOCORD_S " + order);
            }
        }
        return MocRanges.ofRanges(flat, order);
    }

    private static String upper(Header h, String key) {
        String v = h.getStringValue(key);
        return v == null || v.isBlank() ? null : v.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Writes {@code moc} as a MOC 2.0 FITS file, NUNIQ ordering, ascending UNIQ values; the bytes
     * depend only on the MOC and {@code mocId} (no date card).
     */
    public static void write(MocRanges moc, String mocId, OutputStream out) throws IOException {
        write(moc, mocId, "IMAGE", out);
    }

    /**
     * As {@link #write(MocRanges, String, OutputStream)} with the MOCTYPE card (MOC 2.0 §4.3.1):
     * {@code IMAGE} for the coverage of a map, {@code CATALOG} for the positions of a table.
     */
    public static void write(MocRanges moc, String mocId, String mocType, OutputStream out) throws IOException {
        long[] uniq = moc.uniq();
        boolean wide = moc.order() >= 14;
        int width = wide ? 8 : 4;
        FitsCards.writeEmptyPrimary(out);
        FitsCards h = new FitsCards()
                .add("XTENSION", "BINTABLE", "binary table extension")
                .add("BITPIX", 8, "").add("NAXIS", 2, "")
                .add("NAXIS1", width, "bytes per row").add("NAXIS2", uniq.length, "number of cells")
                .add("PCOUNT", 0, "").add("GCOUNT", 1, "").add("TFIELDS", 1, "")
                .add("TTYPE1", "UNIQ", "NUNIQ cell: 4*4^order + ipix").add("TFORM1", wide ? "1K" : "1J", "")
                .add("MOCVERS", "2.0", "MOC version").add("MOCDIM", "SPACE", "space MOC")
                .add("ORDERING", "NUNIQ", "").add("COORDSYS", "C", "ICRS")
                .add("MOCORD_S", moc.order(), "MOC order of space").add("MOCTOOL", "pzvo", "")
                .add("MOCTYPE", mocType, "");
        if (mocId != null) {
            h.add("MOCID", mocId, "");
        }
        h.add("EXTNAME", "MOC", "");
        h.write(out);
        DataOutputStream data = new DataOutputStream(out);
        for (long u : uniq) {
            if (wide) {
                data.writeLong(u);
            } else {
                data.writeInt((int) u);
            }
        }
        data.flush();
        FitsCards.pad(out, (long) uniq.length * width);
        out.flush();
    }
}
