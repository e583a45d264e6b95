// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.nio.file.Path;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/** HEALPix map and MOC FITS files written with nom-tam-fits, as other tools write them. */
final class MapFixtures {
    private MapFixtures() {
    }

    /** A partial map: PIXEL (K) and VALUE (E), with the given header cards (string or number values). */
    static Path explicit(Path file, long[] pixels, float[] values, Map<String, Object> cards) throws Exception {
        BinaryTable t = new BinaryTable();
        t.addColumn(pixels);
        t.addColumn(values);
        return write(file, t, new String[] {"PIXEL", "VALUE"}, cards);
    }

    /** A partial bit-mask map: PIXEL (K) and MASK (J). */
    static Path explicitMask(Path file, long[] pixels, int[] masks, Map<String, Object> cards) throws Exception {
        BinaryTable t = new BinaryTable();
        t.addColumn(pixels);
        t.addColumn(masks);
        return write(file, t, new String[] {"PIXEL", "MASK"}, cards);
    }

    /** A full-sky implicit map with {@code perRow} values per row (a vector column such as 64E). */
    static Path implicit(Path file, float[] values, int perRow, Map<String, Object> cards) throws Exception {
        float[][] rows = new float[values.length / perRow][perRow];
        for (int i = 0; i < values.length; i++) {
            rows[i / perRow][i % perRow] = values[i];
        }
        BinaryTable t = new BinaryTable();
        t.addColumn(rows);
        return write(file, t, new String[] {"SIGNAL"}, cards);
    }

    /** A MOC in RANGE ordering: one 1K column RANGE with consecutive start/end values. */
    static Path rangeMoc(Path file, long[] flatRanges, int order) throws Exception {
        BinaryTable t = new BinaryTable();
        t.addColumn(flatRanges);
        return write(file, t, new String[] {"RANGE"}, Map.of("MOCVERS", "2.0", "MOCDIM", "SPACE",
                "ORDERING", "RANGE", "COORDSYS", "C", "MOCORD_S", order));
    }

    static Path write(Path file, BinaryTable t, String[] names, Map<String, Object> cards) throws Exception {
        BinaryTableHDU hdu = t.toHDU();
        for (int i = 0; i < names.length; i++) {
            hdu.setColumnName(i, names[i], null);
        }
        Header h = hdu.getHeader();
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(cards).entrySet()) {
            if (e.getValue() instanceof Number n) {
                h.addValue(e.getKey(), n.longValue(), "");
            } else {
                h.addValue(e.getKey(), e.getValue().toString(), "");
            }
        }
        try (Fits f = new Fits()) {
            f.addHDU(BasicHDU.getDummyHDU());
            f.addHDU(hdu);
            f.write(file.toFile());
        }
        return file;
    }

    /** The standard cards of a HEALPix map. */
    static Map<String, Object> healpix(String ordering, long nside, String scheme) {
        return Map.of("PIXTYPE", "HEALPIX", "ORDERING", ordering, "NSIDE", nside, "INDXSCHM", scheme,
                "COORDSYS", "C");
    }
}
