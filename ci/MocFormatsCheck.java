// SPDX-License-Identifier: BSD-3-Clause

import cds.moc.HealpixMoc;
import java.io.InputStream;
import java.net.URI;

/**
 * Reads each MOC served by pzvo in its three serialisations (FITS, ASCII, JSON: MOC 2.0 §4.3)
 * with the CDS MOC library (Debian libcds-moc-java, the one Aladin uses) and fails unless the
 * three give the same non-empty MOC. Usage, with Java's single-file launcher:
 * {@code java -cp /usr/share/java/cds.moc.jar ci/MocFormatsCheck.java URL_WITHOUT_EXTENSION...}
 * where {@code URL.moc.fits}, {@code .moc.txt} and {@code .moc.json} exist.
 */
public class MocFormatsCheck {
    public static void main(String[] args) throws Exception {
        boolean ok = true;
        for (String base : args) {
            HealpixMoc fits = read(base + ".fits", 0);
            HealpixMoc ascii = read(base + ".txt", 1);
            HealpixMoc json = read(base + ".json", 2);
            boolean same = fits.getSize() > 0 && fits.equals(ascii) && fits.equals(json);
            System.out.printf("%s %s: order %d, %d cells, %.6f of the sky in FITS, ASCII and JSON%n",
                    same ? "ok  " : "FAIL", base, fits.getMocOrder(), fits.getSize(), fits.getCoverage());
            ok &= same;
        }
        System.exit(ok ? 0 : 1);
    }

    private static HealpixMoc read(String url, int kind) throws Exception {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            HealpixMoc moc = new HealpixMoc();
            if (kind == 0) {
                moc.readFits(in);
            } else if (kind == 1) {
                moc.readASCII(in);
            } else {
                moc.readJSON(in);
            }
            return moc;
        }
    }
}
