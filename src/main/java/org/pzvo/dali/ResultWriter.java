// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.table.formats.HTMLTableWriter;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Writes a streamed query result in a chosen {@link OutputFormat} straight to the response.
 *
 * <p>VOTables get the DALI 1.1 §4.4 envelope: {@code QUERY_STATUS=OK} before the TABLE and
 * {@code QUERY_STATUS=OVERFLOW} after it when the row limit cut the result. The stream is
 * flushed, never closed: it belongs to the caller.
 */
public final class ResultWriter {
    private ResultWriter() {
    }

    /**
     * @param infos  extra INFO elements (name → value) written before the table, e.g. the query
     */
    public static void write(ResultSetTable table, OutputFormat format, Map<String, String> infos, OutputStream out)
            throws IOException {
        if (format.votableFormat() != null) {
            writeVotable(table, format, infos, out);
        } else if (format == OutputFormat.JSON) {
            JsonTableWriter.write(table, table::overflowed, out);
        } else if (format == OutputFormat.FITS) {
            // FITS needs the row count (NAXIS2) and column widths before the first row, so the
            // one-pass result is spooled to a temporary disk file (never memory), then written.
            StarTable spooled = StoragePolicy.PREFER_DISK.copyTable(table);
            try {
                new FitsTableWriter().writeStarTable(spooled, out);
            } finally {
                spooled.close();
            }
        } else {
            writer(format).writeStarTable(table, out);
        }
        out.flush();
    }

    private static StarTableWriter writer(OutputFormat format) {
        switch (format) {
            case CSV:
                return new CsvTableWriter(true);
            case TSV: {
                CsvTableWriter tsv = new CsvTableWriter(true);
                tsv.setDelimiter('\t');
                return tsv;
            }
            case HTML:
                return new HTMLTableWriter(true, false);
            default:
                throw new IllegalArgumentException("No table writer for " + format);
        }
    }

    private static void writeVotable(ResultSetTable table, OutputFormat format, Map<String, String> infos,
                                     OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        w.write("<RESOURCE type=\"results\">\n");
        w.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        for (Map.Entry<String, String> info : infos.entrySet()) {
            w.write("<INFO" + VOSerializer.formatAttribute("name", info.getKey())
                    + VOSerializer.formatAttribute("value", info.getValue()) + "/>\n");
        }
        table.stopAtError();
        VOSerializer ser = VOSerializer.makeSerializer(format.votableFormat(), VOTableVersion.V14, table);
        ser.writeInlineTableElement(w);
        if (table.failure().isPresent()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                    + VOSerializer.formatText(JdbcValues.describe(table.failure().get())
                    + " after " + table.rowsRead() + " rows; the table above is incomplete") + "</INFO>\n");
        } else if (table.overflowed()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        w.write("</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }
}
