// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import cds.healpix.Healpix;
import cds.healpix.HealpixNested;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

/**
 * Reads a HEALPix map stored as a FITS binary table in HDU 1 (DOMAIN.md 2(c), the HEALPix/healpy
 * convention): {@code PIXTYPE='HEALPIX'}, {@code ORDERING='NESTED'|'RING'}, {@code NSIDE} a power
 * of two, and either {@code INDXSCHM='IMPLICIT'} (every pixel in order, several per row when the
 * column is a vector such as {@code 1024E}, starting at {@code FIRSTPIX}) or
 * {@code INDXSCHM='EXPLICIT'} (a {@code PIXEL} column and a value column). RING indexes are
 * converted to NESTED with the CDS library ({@link HealpixNested#toNested}). Pixels whose value
 * is NaN, the healpy {@code UNSEEN} sentinel (−1.6375e30) or the header's {@code BAD_DATA} are
 * skipped. Only equatorial maps ({@code COORDSYS='C'} or absent) are accepted.
 *
 * <p>Rows are read one at a time from the file (nom-tam-fits deferred reading), so a full-sky
 * map is never held in memory.
 */
final class HealpixFitsReader implements AutoCloseable {
    /** healpy's UNSEEN sentinel. */
    static final double UNSEEN = -1.6375e30;

    /** Receives each kept pixel; {@code row} is the 1-based table row it came from. */
    interface PixelSink {
        void pixel(long row, long nestedPixel, double value, long integerValue) throws IngestException, SQLException;
    }

    private final Path file;
    private final Fits fits;
    private final BinaryTable table;
    final int order;
    final long nside;
    final boolean ring;
    final int pixelColumn;
    final int valueColumn;
    final String valueName;
    final String unit;
    final boolean integerValues;
    private final long firstPixel;
    private final Double badData;

    private HealpixFitsReader(Path file, Fits fits, BinaryTableHDU hdu, String wantedColumn)
            throws IngestException, FitsException {
        this.file = file;
        this.fits = fits;
        this.table = hdu.getData();
        Header h = hdu.getHeader();
        String pixtype = upper(h, "PIXTYPE");
        if (pixtype != null && !pixtype.equals("HEALPIX")) {
            throw IngestException.of(file, "PIXTYPE is '" + pixtype + "'; expected HEALPIX");
        }
        String ordering = upper(h, "ORDERING");
        if (ordering == null || !(ordering.equals("NESTED") || ordering.equals("RING"))) {
            throw IngestException.of(file, "header keyword ORDERING: " + (ordering == null ? "missing"
                    : "unknown value '" + ordering + "'") + "; expected NESTED or RING");
        }
        this.ring = ordering.equals("RING");
        if (!h.containsKey("NSIDE")) {
            throw IngestException.of(file, "header keyword NSIDE: missing; expected the map's NSIDE, a power of two");
        }
        this.nside = h.getLongValue("NSIDE");
        if (nside < 1 || nside > (1L << 29) || Long.bitCount(nside) != 1) {
            throw IngestException.of(file, "header keyword NSIDE: " + nside + " is not a power of two in [1, 2^29]");
        }
        this.order = Long.numberOfTrailingZeros(nside);
        String coordsys = upper(h, "COORDSYS");
        if (coordsys != null && !coordsys.equals("C") && !coordsys.equals("CELESTIAL") && !coordsys.equals("ICRS")) {
            throw IngestException.of(file, "COORDSYS is '" + coordsys + "'; only equatorial maps (C) are served");
        }
        String scheme = upper(h, "INDXSCHM");
        int pix = findColumn(h, "PIXEL");
        boolean explicit = scheme == null ? pix >= 0 : scheme.equals("EXPLICIT");
        if (scheme != null && !scheme.equals("EXPLICIT") && !scheme.equals("IMPLICIT")) {
            throw IngestException.of(file, "unknown INDXSCHM '" + scheme + "'; expected IMPLICIT or EXPLICIT");
        }
        if (explicit && pix < 0) {
            throw IngestException.of(file, "INDXSCHM is EXPLICIT but there is no PIXEL column");
        }
        this.pixelColumn = explicit ? pix : -1;
        int value = wantedColumn == null ? -1 : findColumn(h, wantedColumn);
        if (wantedColumn != null && value < 0) {
            throw IngestException.column(file, wantedColumn, "no such column in HDU 1");
        }
        if (value < 0) {
            value = explicit && pix == 0 ? 1 : 0;
        }
        if (value >= table.getNCols()) {
            throw IngestException.of(file, "no value column next to PIXEL");
        }
        this.valueColumn = value;
        this.valueName = columnName(h, value);
        this.unit = text(h, "TUNIT" + (value + 1));
        String form = text(h, "TFORM" + (value + 1));
        char type = form == null ? 'E' : form.replaceAll("[0-9]", "").charAt(0);
        if ("LXABCMPQ".indexOf(type) >= 0) {
            throw IngestException.column(file, valueName, "TFORM " + form + " is not a numeric column");
        }
        this.integerValues = "IJKB".indexOf(type) >= 0;
        this.firstPixel = h.containsKey("FIRSTPIX") && !explicit ? h.getLongValue("FIRSTPIX") : 0;
        this.badData = h.containsKey("BAD_DATA") ? h.getDoubleValue("BAD_DATA") : null;
    }

    /** Opens HDU 1 of a map file; {@code valueColumn} names the value column or is null for the default. */
    static HealpixFitsReader open(Path file, String valueColumn) throws IngestException, IOException {
        FitsCheck.requireComplete(file);
        Fits fits = null;
        try {
            fits = new Fits(file.toFile());
            BasicHDU<?> hdu = fits.getHDU(1);
            if (!(hdu instanceof BinaryTableHDU bt)) {
                throw IngestException.of(file, "expected a binary table in HDU 1, actual "
                        + (hdu == null ? "none" : hdu.getClass().getSimpleName()));
            }
            HealpixFitsReader r = new HealpixFitsReader(file, fits, bt, valueColumn);
            fits = null;
            return r;
        } catch (FitsException e) {
            throw IngestException.of(file, "cannot be read as FITS: " + CatalogSource.oneLine(e));
        } finally {
            if (fits != null) {
                fits.close();
            }
        }
    }

    /** Number of pixels of the full sky at the map's order. */
    long skyPixels() {
        return 12L * nside * nside;
    }

    /** Reads every row and passes the kept pixels, NESTED, to {@code sink}. */
    void forEach(PixelSink sink) throws IngestException, SQLException {
        HealpixNested hpx = Healpix.getNested(order);
        long rows = table.getNRows();
        long next = firstPixel;
        long nsky = skyPixels();
        for (int r = 0; r < rows; r++) {
            long row = r + 1L;
            Object values = element(r, valueColumn, row);
            int n = Array.getLength(values);
            long explicitPixel = -1;
            if (pixelColumn >= 0) {
                Object p = element(r, pixelColumn, row);
                if (Array.getLength(p) != 1 || n != 1) {
                    throw IngestException.cell(file, row, "PIXEL", "expected one pixel and one value per row");
                }
                explicitPixel = ((Number) Array.get(p, 0)).longValue();
                if (explicitPixel < 0 || explicitPixel >= nsky) {
                    throw IngestException.cell(file, row, "PIXEL", "pixel " + explicitPixel + " out of range [0, "
                            + nsky + ") for NSIDE " + nside);
                }
            }
            for (int i = 0; i < n; i++) {
                long pixel = pixelColumn >= 0 ? explicitPixel : next++;
                if (pixel >= nsky) {
                    throw IngestException.cell(file, row, valueName, "more values than the " + nsky
                            + " pixels of NSIDE " + nside);
                }
                Number v = (Number) Array.get(values, i);
                double d = v.doubleValue();
                if (Double.isNaN(d) || Math.abs(d - UNSEEN) <= 1e-5 * Math.abs(UNSEEN)
                        || (badData != null && d == badData)) {
                    continue;
                }
                sink.pixel(row, ring ? hpx.toNested(pixel) : pixel, d, integerValues ? v.longValue() : 0);
            }
        }
        if (pixelColumn < 0 && firstPixel == 0 && next != nsky) {
            throw IngestException.column(file, valueName, "an IMPLICIT full-sky map of NSIDE " + nside + " needs "
                    + nsky + " values, actual " + next);
        }
    }

    private Object element(int r, int col, long row) throws IngestException {
        try {
            Object e = table.getElement(r, col);
            if (e == null || !e.getClass().isArray()) {
                throw IngestException.cell(file, row, columnName(null, col), "expected numbers, actual " + e);
            }
            return e;
        } catch (RuntimeException e) {
            throw IngestException.row(file, row, "cannot be read: " + CatalogSource.oneLine(e));
        }
    }

    private String columnName(Header h, int col) {
        Header header = h;
        if (header == null) {
            return col == valueColumn ? valueName : "PIXEL";
        }
        String name = text(header, "TTYPE" + (col + 1));
        return name == null ? "column " + (col + 1) : name;
    }

    private static int findColumn(Header h, String name) {
        int n = h.getIntValue("TFIELDS", 0);
        for (int i = 0; i < n; i++) {
            String t = text(h, "TTYPE" + (i + 1));
            if (t != null && t.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A keyword's string value in upper case (for enumerated values such as ORDERING), or null. */
    private static String upper(Header h, String key) {
        String v = text(h, key);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static String text(Header h, String key) {
        String v = h.getStringValue(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public void close() throws IOException {
        fits.close();
    }
}
