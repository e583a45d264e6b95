// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import uk.ac.starlink.fits.FitsTableWriter;
import java.util.Locale;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.table.formats.HTMLTableWriter;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOStarTable;
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

    /** FIELD ID given to the product identifier column that the DataLink service descriptor refers to. */
    static final String DID_FIELD_ID = "obs_publisher_did";

    /**
     * @param infos       extra INFO elements (name → value) written before the table, e.g. the query
     * @param datalinkUrl DataLink {links} URL: when the result has a product identifier column
     *                    ({@link #didColumn}), a VOTable result ends with a service descriptor
     *                    for it (DataLink 1.1 §4, "adhoc:service"); null for none
     */
    public static void write(ResultSetTable table, OutputFormat format, Map<String, String> infos, String datalinkUrl,
                             OutputStream out) throws IOException {
        if (format.votableFormat() != null) {
            writeVotable(table, format, infos, datalinkUrl, out);
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

    /**
     * The index of the column holding ObsCore product identifiers (utype
     * obscore:Curation.PublisherDID, or named obs_publisher_did), or -1.
     */
    static int didColumn(StarTable table) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo info = table.getColumnInfo(i);
            String utype = info.getUtype();
            if (String.class.equals(info.getContentClass()) && ((utype != null
                    && utype.toLowerCase(Locale.ROOT).endsWith("curation.publisherdid"))
                    || info.getName().equalsIgnoreCase(DID_FIELD_ID))) {
                return i;
            }
        }
        return -1;
    }

    private static void writeVotable(ResultSetTable table, OutputFormat format, Map<String, String> infos,
                                     String datalinkUrl, OutputStream out) throws IOException {
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
        int did = datalinkUrl == null ? -1 : didColumn(table);
        StarTable written = did < 0 ? table : withFieldId(table, did);
        VOSerializer ser = VOSerializer.makeSerializer(format.votableFormat(), VOTableVersion.V14, written);
        // The table goes straight to the byte stream: STIL's UTF-8 path writes BINARY/BINARY2's
        // base64 as bytes, where the Writer path turns every byte into a char and back.
        w.flush();
        ser.writeInlineTableElementUTF8(out);
        if (table.failure().isPresent()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                    + VOSerializer.formatText(JdbcValues.describe(table.failure().get())
                    + " after " + table.rowsRead() + " rows; the table above is incomplete") + "</INFO>\n");
        } else if (table.overflowed()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        w.write("</RESOURCE>\n");
        if (did >= 0) {
            w.write(datalinkDescriptor(datalinkUrl));
        }
        w.write("</VOTABLE>\n");
        w.flush();
    }

    /** The same table whose column {@code icol} carries the VOTable FIELD ID {@value #DID_FIELD_ID} (by decoration). */
    private static StarTable withFieldId(StarTable table, int icol) {
        ColumnInfo info = new ColumnInfo(table.getColumnInfo(icol));
        info.setAuxDatum(new DescribedValue(VOStarTable.ID_INFO, DID_FIELD_ID));
        return new WrapperStarTable(table) {
            @Override
            public ColumnInfo getColumnInfo(int i) {
                return i == icol ? info : super.getColumnInfo(i);
            }
        };
    }

    /**
     * A DataLink service descriptor (DataLink 1.1 §4.1) whose ID input parameter takes its value
     * from the product identifier column of each row (ref to the FIELD).
     */
    static String datalinkDescriptor(String datalinkUrl) {
        return "<RESOURCE type=\"meta\" utype=\"adhoc:service\" name=\"datalink\">\n"
                + "<DESCRIPTION>DataLink links of each product: file, MOCs, preview, cutout, provenance</DESCRIPTION>\n"
                + "<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\""
                + " value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n"
                + "<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.ref.url\""
                + VOSerializer.formatAttribute("value", datalinkUrl) + "/>\n"
                + "<GROUP name=\"inputParams\">\n"
                + "<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\" ref=\""
                + DID_FIELD_ID + "\" value=\"\"/>\n</GROUP>\n</RESOURCE>\n";
    }
}
