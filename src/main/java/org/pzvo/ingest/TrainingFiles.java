// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pzvo.dali.FieldMeta;
import org.pzvo.dali.ResultSetTable;
import org.pzvo.db.SqlNames;
import uk.ac.starlink.parquet.ParquetTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * The spectroscopic training/validation set ({@code spec.training_set}) as a Parquet file
 * product, written through STIL's Parquet writer ({@link ParquetTableWriter}) at
 * {@code <data>/products/}{@value #RELATIVE_PATH}. Registration (ObsCore, the product registry)
 * is the caller's business.
 *
 * <p>The columns, their order, units, UCDs and descriptions are those published in
 * TAP_SCHEMA.columns for {@code spec.training_set} (STIL stores them as VOTable metadata in the
 * Parquet footer, which TOPCAT and STILTS read back). Rows are ordered by {@code crd_id}, and
 * the writer puts no date in the file, so the bytes depend only on the rows. The file is
 * written to a temporary name and moved into place: a reader never sees half a file.
 */
public final class TrainingFiles {
    /** The file, relative to {@code <data>/products}. */
    public static final String RELATIVE_PATH = "training/training_set.parquet";
    private static final String TABLE = "spec.training_set";

    private TrainingFiles() {
    }

    /**
     * Writes spec.training_set as Parquet under {@code dataDir}; creates the directories it needs.
     *
     * @param dataDir the data directory (the file goes to {@code dataDir/products/}{@value #RELATIVE_PATH})
     * @return the written file
     * @throws SQLException          on a database error
     * @throws IOException           if the file cannot be written
     * @throws IllegalStateException if TAP_SCHEMA does not describe spec.training_set
     */
    public static Path writeParquet(Connection connection, Path dataDir) throws IOException, SQLException {
        Path out = dataDir.resolve("products").resolve(RELATIVE_PATH);
        Files.createDirectories(out.getParent());
        List<FieldMeta> fields = publishedColumns(connection);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(SqlNames.quote(fields.get(i).name()));
        }
        select.append(" FROM \"spec\".\"training_set\" ORDER BY \"crd_id\"");
        boolean autoCommit = connection.getAutoCommit();
        // Auto-commit off lets PostgreSQL stream through a cursor (fetch size); the transaction only reads.
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(select.toString())) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                // The Parquet writer reads its input more than once: spool the one-pass result to disk.
                StarTable rows = StoragePolicy.PREFER_DISK.copyTable(
                        new ResultSetTable(rs, fields, Long.MAX_VALUE, n -> { }));
                rows.setName(TABLE);
                writeAtomically(rows, out);
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return out;
    }

    private static List<FieldMeta> publishedColumns(Connection connection) throws SQLException {
        List<FieldMeta> fields = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT \"column_name\", \"datatype\", \"arraysize\","
                + " \"xtype\", \"unit\", \"ucd\", \"utype\", \"description\" FROM \"TAP_SCHEMA\".\"columns\""
                + " WHERE \"table_name\" = ? ORDER BY \"column_index\", \"column_name\"")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.add(new FieldMeta(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalStateException("TAP_SCHEMA.columns has no rows for " + TABLE
                    + ": install the schema (pzvo demo or pzvo serve) before writing the training-set file");
        }
        return fields;
    }

    private static void writeAtomically(StarTable table, Path out) throws IOException {
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            new ParquetTableWriter().writeStarTable(table, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
