// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Deterministic cross-match data for {@code ./pzvo bench xmatch}: a catalog uniform over the whole
 * sky (poles and RA = 0/360 included) and an upload of which 80 % are catalog positions moved by
 * a Gaussian of 0.3 arcsec per axis and 20 % random positions. Row {@code i} of either table is a
 * function of (seed, i) alone, so any row can be regenerated without holding the catalog.
 * <pre>
 * XmatchData CATALOG_ROWS UPLOAD_ROWS SEED OUTDIR
 *   OUTDIR/catalog.fits  (id, ra, dec, mag)   for pzvo ingest and STILTS
 *   OUTDIR/catalog.csv                        for PostgreSQL COPY
 *   OUTDIR/upload.vot    (uid, ra, dec, z)    BINARY2 VOTable, for TAP_UPLOAD and STILTS
 *   OUTDIR/upload.csv                         for PostgreSQL COPY
 * </pre>
 */
public final class XmatchData {
    private static final double SIGMA_DEG = 0.3 / 3600;

    private XmatchData() {
    }

    public static void main(String[] args) throws IOException {
        long catalogRows = Long.parseLong(args[0]);
        long uploadRows = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        Path dir = Path.of(args[3]);
        Files.createDirectories(dir);
        StarTable catalog = new Generated(catalogRows, new ColumnInfo[] {
            col("id", Long.class, "meta.id;meta.main", null), col("ra", Double.class, "pos.eq.ra;meta.main", "deg"),
            col("dec", Double.class, "pos.eq.dec;meta.main", "deg"), col("mag", Float.class, "phot.mag", "mag")},
            i -> catalogRow(seed, i));
        StarTable upload = new Generated(uploadRows, new ColumnInfo[] {
            col("uid", Long.class, "meta.id;meta.main", null), col("ra", Double.class, "pos.eq.ra;meta.main", "deg"),
            col("dec", Double.class, "pos.eq.dec;meta.main", "deg"), col("z", Float.class, "src.redshift", null)},
            i -> uploadRow(seed, catalogRows, i));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("catalog.fits")), 1 << 16)) {
            new FitsTableWriter().writeStarTable(catalog, out);
        }
        csv(catalog, dir.resolve("catalog.csv"));
        VOTableWriter vot = new VOTableWriter(DataFormat.BINARY2, true, VOTableVersion.V14);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("upload.vot")), 1 << 16)) {
            vot.writeStarTable(upload, out);
        }
        csv(upload, dir.resolve("upload.csv"));
    }

    private static ColumnInfo col(String name, Class<?> type, String ucd, String unit) {
        ColumnInfo c = new ColumnInfo(name, type, null);
        c.setUCD(ucd);
        c.setUnitString(unit);
        return c;
    }

    /** Uniform on the sphere. */
    static Object[] catalogRow(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double ra = 360 * r.nextDouble();
        double dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
        return new Object[] {i + 1, ra, dec, (float) (18 + 8 * r.nextDouble())};
    }

    static Object[] uploadRow(long seed, long catalogRows, long i) {
        SplittableRandom r = new SplittableRandom((seed + 1) * 0xC2B2AE3D27D4EB4FL + i);
        double ra;
        double dec;
        if (r.nextDouble() < 0.8) {
            Object[] c = catalogRow(seed, r.nextLong(catalogRows));
            dec = (Double) c[2] + SIGMA_DEG * r.nextGaussian();
            double cosDec = Math.max(Math.cos(Math.toRadians((Double) c[2])), 1e-6);
            ra = (Double) c[1] + SIGMA_DEG * r.nextGaussian() / cosDec;
            if (dec > 90) {
                dec = 180 - dec;
                ra += 180;
            } else if (dec < -90) {
                dec = -180 - dec;
                ra += 180;
            }
            ra = ((ra % 360) + 360) % 360;
        } else {
            ra = 360 * r.nextDouble();
            dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
        }
        return new Object[] {i + 1, ra, dec, (float) (3 * r.nextDouble())};
    }

    private static void csv(StarTable t, Path file) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
                1 << 16); RowSequence seq = t.getRowSequence()) {
            while (seq.next()) {
                Object[] row = seq.getRow();
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(row[c] instanceof Double d ? Double.toString(d) : String.valueOf(row[c]));
                }
                w.write('\n');
            }
        }
    }

    private interface RowFunction {
        Object[] row(long i);
    }

    /** A table whose rows are computed on the fly; any number of sequential passes. */
    private static final class Generated extends AbstractStarTable {
        private final long rows;
        private final ColumnInfo[] columns;
        private final RowFunction function;

        Generated(long rows, ColumnInfo[] columns, RowFunction function) {
            this.rows = rows;
            this.columns = columns;
            this.function = function;
        }

        @Override
        public int getColumnCount() {
            return columns.length;
        }

        @Override
        public long getRowCount() {
            return rows;
        }

        @Override
        public ColumnInfo getColumnInfo(int icol) {
            return columns[icol];
        }

        @Override
        public RowSequence getRowSequence() {
            return new RowSequence() {
                private long next;
                private Object[] row;

                @Override
                public boolean next() {
                    if (next >= rows) {
                        return false;
                    }
                    row = function.row(next++);
                    return true;
                }

                @Override
                public Object getCell(int icol) {
                    return row[icol];
                }

                @Override
                public Object[] getRow() {
                    return row;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
