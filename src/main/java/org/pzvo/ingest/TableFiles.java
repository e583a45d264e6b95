// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pzvo.dali.FieldMeta;
import org.pzvo.dali.ResultSetTable;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.obscore.ObsCore;
import org.pzvo.obscore.ObsCoreRow;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;
import org.pzvo.sky.Footprint;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.parquet.ParquetTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * Table products as files, written through STIL from the database and registered like
 * {@link ProductFiles}: the spectroscopic training/validation set ({@code training/spec.training_set.<ext>},
 * ObsCore {@code measurements}/{@code training-set}) and the photo-z PDFs of each run
 * ({@code pdfs/<run_id>.pdf.fits}, {@code measurements}/{@code photoz-pdf}). Columns keep the
 * units and UCDs of tap-schema. STIL's FITS writer puts no date in the file, so the bytes depend
 * only on the rows.
 */
public final class TableFiles {
    /**
     * At most this many objects go into a run's PDF file (301 floats each, 1.2 kB): beyond it the
     * file holds the first objects by object_id, and its title says so.
     */
    public static final long PDF_FILE_MAX_ROWS = 50_000;

    /** File formats of table products. */
    public enum Format {
        /** FITS binary table (STIL {@link FitsTableWriter}). */
        FITS("fits", ProductFiles.FITS),
        /** Apache Parquet (STIL {@link ParquetTableWriter}; units and UCDs kept as VOTable metadata in the footer). */
        PARQUET("parquet", "application/vnd.apache.parquet");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** Formats the training set is published in. */
    static final List<Format> TRAINING_SET_FORMATS = List.of(Format.FITS, Format.PARQUET);
    /** STIL logs each temporary spool file at INFO; kept here (a strong reference) at WARNING. */
    private static final java.util.logging.Logger STIL_LOG = java.util.logging.Logger.getLogger("uk.ac.starlink");

    static {
        STIL_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private TableFiles() {
    }

    /** Writes and registers spec.training_set in every {@link #TRAINING_SET_FORMATS}; {@code moc} gives the footprint. */
    public static List<Product> registerTrainingSet(Connection c, ProductSite site, ProductContext context,
                                                    Metadata metadata, MocRanges moc)
            throws IOException, SQLException {
        TableMeta table = metadata.requireTable("spec.training_set");
        List<Product> out = new ArrayList<>();
        for (Format format : TRAINING_SET_FORMATS) {
            String path = "training/spec.training_set." + format.extension;
            writeTrainingSet(c, metadata, format, ProductFiles.file(site, path));
            Product p = Products.registerFile(c, site.dataDir(), site.authority(), path, Products.TYPE_TRAINING_SET,
                    null, table.qualifiedName(), format.contentType);
            ObsCore.insert(c, new ObsCoreRow(p.publisherDid(), "measurements", Products.TYPE_TRAINING_SET, 3,
                    context.collection(), table.qualifiedName(), "Spectroscopic training/validation set matched to"
                    + " lsst.object with ugrizy photometry (" + format + ")", context.targetName(), footprint(moc),
                    null, null, context.tMinMjd(), context.tMaxMjd(), null, "src.redshift", context.facility(),
                    context.instrument(), context.releaseDate()), p, site.baseUrl(), site.publisherId());
            out.add(p);
        }
        return out;
    }

    /** Writes and registers one PDF file per pz.run row; {@code moc} (of pz.photoz) gives the footprint. */
    public static List<Product> registerPdfs(Connection c, ProductSite site, ProductContext context, Metadata metadata,
                                             MocRanges moc) throws IOException, SQLException {
        TableMeta photoz = metadata.requireTable("pz.photoz");
        List<ColumnMeta> columns = photoz.columns().stream().filter(col -> List.of("object_id", "ra", "dec",
                "z_mode", "z_mean", "z_median", "z_err", "z_lo68", "z_hi68", "odds", "pz_flags", "pdf")
                .contains(col.name())).toList();
        List<Integer> runs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"run_id\" FROM \"pz\".\"run\" ORDER BY \"run_id\"");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(rs.getInt(1));
            }
        }
        List<Product> out = new ArrayList<>();
        for (int run : runs) {
            long rows = countPdfs(c, run);
            String sql = "SELECT " + selectList(columns) + " FROM \"pz\".\"photoz\" WHERE \"run_id\" = ? AND \"pdf\""
                    + " IS NOT NULL ORDER BY \"object_id\" FETCH FIRST " + PDF_FILE_MAX_ROWS + " ROWS ONLY";
            Product p = writeQuery(c, site, "pdfs/" + run + ".pdf.fits", Format.FITS, sql, List.of(run),
                    fields(columns), Products.TYPE_PDF, "pz.photoz");
            String extent = rows > PDF_FILE_MAX_ROWS ? String.format(Locale.ROOT, "the first %,d of %,d objects",
                    PDF_FILE_MAX_ROWS, rows) : String.format(Locale.ROOT, "%,d objects", rows);
            ObsCore.insert(c, new ObsCoreRow(p.publisherDid(), "measurements", Products.TYPE_PDF, 4,
                    context.collection(), Integer.toString(run), "Photo-z PDFs of run " + run + " on the pz.run grid (" + extent + ")",
                    context.targetName(), footprint(moc), null, null, context.tMinMjd(), context.tMaxMjd(), null,
                    "stat.probability;src.redshift.phot", context.facility(), context.instrument(),
                    context.releaseDate()), p, site.baseUrl(), site.publisherId());
            out.add(p);
        }
        return out;
    }

    private static long countPdfs(Connection c, int run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"pz\".\"photoz\" WHERE \"run_id\" = ?"
                + " AND \"pdf\" IS NOT NULL")) {
            ps.setInt(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Footprint footprint(MocRanges moc) {
        return moc == null || moc.cellCount() == 0 ? null : Footprint.ofRanges(moc.ranges(), moc.order());
    }

    private static String selectList(List<ColumnMeta> columns) {
        return String.join(", ", columns.stream().map(col -> SqlNames.quote(col.name())).toList());
    }

    private static List<FieldMeta> fields(List<ColumnMeta> columns) {
        return columns.stream().map(col -> new FieldMeta(col.name(), col.datatype(), col.arraysize(), col.xtype(),
                col.unit(), col.ucd(), col.utype(), col.description())).toList();
    }

    /**
     * Writes spec.training_set, ordered by its key, with the published column metadata, as
     * {@code format} at {@code out}; the same rows give the same bytes, on every engine.
     */
    static void writeTrainingSet(Connection c, Metadata metadata, Format format, Path out)
            throws IOException, SQLException {
        TableMeta table = metadata.requireTable("spec.training_set");
        String sql = "SELECT " + selectList(table.columns()) + " FROM " + SqlNames.table(table) + " ORDER BY "
                + SqlNames.quote(table.primaryKey().get(0));
        writeTable(c, sql, List.of(), fields(table.columns()), format, out);
    }

    private static Product writeQuery(Connection c, ProductSite site, String path, Format format, String sql,
                                      List<Object> params, List<FieldMeta> fields, String productType,
                                      String tableName) throws IOException, SQLException {
        writeTable(c, sql, params, fields, format, ProductFiles.file(site, path));
        return Products.registerFile(c, site.dataDir(), site.authority(), path, productType, null, tableName,
                format.contentType);
    }

    /**
     * Streams a query into a file: the one-pass result is spooled to a temporary disk file (the
     * FITS header needs the row count first, the Parquet writer reads its input twice), then
     * written atomically; auto-commit is off meanwhile so that PostgreSQL reads through a cursor.
     */
    private static void writeTable(Connection c, String sql, List<Object> params, List<FieldMeta> fields, Format format,
                                   Path file) throws IOException, SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetTable table = new ResultSetTable(rs, fields, Long.MAX_VALUE, n -> { });
                StarTable spooled;
                try {
                    spooled = StoragePolicy.PREFER_DISK.copyTable(table);
                } finally {
                    table.close();
                }
                try {
                    MapFiles.writeAtomically(file, out -> writer(format).writeStarTable(spooled, out));
                } finally {
                    spooled.close();
                }
                if (table.failure().isPresent()) {
                    throw table.failure().get();
                }
            }
        } finally {
            if (autoCommit) {
                c.commit();
            }
            c.setAutoCommit(autoCommit);
        }
    }

    private static uk.ac.starlink.table.StarTableWriter writer(Format format) {
        return switch (format) {
            case FITS -> {
                FitsTableWriter w = new FitsTableWriter();
                // No DATE-HDU card: the same rows must give the same bytes.
                w.setWriteDate(false);
                yield w;
            }
            case PARQUET -> new ParquetTableWriter();
        };
    }
}
