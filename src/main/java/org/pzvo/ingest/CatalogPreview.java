// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pzvo.db.TableMeta;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * A look at a catalog file before it is loaded (issue 11: a product draft): the metadata
 * {@link CatalogIngest} would infer, the first rows, and the number of rows, read with the same
 * reader and the same checks as an ingest, so a file accepted here is refused at load time only
 * for a bad value (the message then names the file, row and column).
 */
public final class CatalogPreview {
    /**
     * What a file holds.
     *
     * @param table   the inferred table metadata (columns, position when detected by UCD or named)
     * @param rows    number of data rows
     * @param preview the first rows as read (Java values of the STIL column classes)
     */
    public record Inspection(TableMeta table, long rows, List<Object[]> preview) {
        public Inspection {
            preview = List.copyOf(preview);
        }
    }

    private CatalogPreview() {
    }

    /**
     * Why a text column cannot be a position: the first row whose value is not a number, as
     * "file: row R, column C: ..." (null when every value is numeric or blank).
     */
    public static String firstNonNumeric(Path file, String column) throws IngestException, IOException {
        StarTable source = CatalogSource.open(file);
        int index = CatalogSource.index(source, column);
        if (index < 0) {
            return null;
        }
        long row = 0;
        try (RowSequence rs = source.getRowSequence()) {
            while (rs.next()) {
                row++;
                Object v = rs.getCell(index);
                String text = v == null ? "" : v.toString().strip();
                if (!text.isEmpty()) {
                    try {
                        Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        return IngestException.cell(file, row, column, "expected a position in degrees, actual '"
                                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'").getMessage();
                    }
                }
            }
        }
        return null;
    }

    /**
     * Reads the file once: metadata as {@code schema.table}, the first {@code previewRows} rows
     * and the row count; stops with a message naming the row when more than {@code maxRows}.
     *
     * @param raColumn  right-ascension column, or null to detect the position by UCD (with decColumn)
     * @throws IngestException naming the file (and row or column) when it cannot be read or used
     */
    public static Inspection inspect(Path file, String schema, String table, String raColumn, String decColumn,
                                     int previewRows, long maxRows) throws IngestException, IOException {
        StarTable source = CatalogSource.open(file);
        TableMeta meta = CatalogSource.plan(file, source, schema, table, null, raColumn, decColumn);
        List<Object[]> preview = new ArrayList<>();
        long rows = 0;
        try (RowSequence rs = source.getRowSequence()) {
            while (true) {
                boolean more;
                try {
                    more = rs.next();
                } catch (IOException | RuntimeException e) {
                    throw IngestException.row(file, rows + 1, "cannot be read (truncated or corrupt file?): "
                            + CatalogSource.oneLine(e));
                }
                if (!more) {
                    break;
                }
                rows++;
                if (rows > maxRows) {
                    throw IngestException.row(file, rows, "more than " + maxRows + " rows, the most allowed");
                }
                if (preview.size() < previewRows) {
                    try {
                        preview.add(rs.getRow());
                    } catch (IOException | RuntimeException e) {
                        throw IngestException.row(file, rows, "cannot be read (truncated or corrupt file?): "
                                + CatalogSource.oneLine(e));
                    }
                }
            }
        } catch (IOException e) {
            throw IngestException.of(file, "cannot be read: " + CatalogSource.oneLine(e));
        }
        return new Inspection(meta, rows, preview);
    }
}
