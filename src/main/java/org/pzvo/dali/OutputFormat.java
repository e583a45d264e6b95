// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.ac.starlink.votable.DataFormat;

/**
 * Result formats, each reachable by its MIME type and the short names clients use
 * (DALI 1.1 §3.1.4 RESPONSEFORMAT; the list is advertised in /tap/capabilities).
 */
public enum OutputFormat {
    VOTABLE_BINARY2("application/x-votable+xml", "application/x-votable+xml;charset=UTF-8", DataFormat.BINARY2,
            "votable", "votable/b2", "application/x-votable+xml;serialization=binary2", "vot"),
    VOTABLE_BINARY("application/x-votable+xml;serialization=binary", "application/x-votable+xml;charset=UTF-8",
            DataFormat.BINARY, "votable/b", "votable/binary"),
    VOTABLE_TABLEDATA("application/x-votable+xml;serialization=tabledata", "application/x-votable+xml;charset=UTF-8",
            DataFormat.TABLEDATA, "votable/td", "votable/tabledata", "text/xml"),
    FITS("application/fits", "application/fits", null, "fits", "image/fits"),
    CSV("text/csv;header=present", "text/csv;charset=UTF-8;header=present", null, "csv", "text/csv"),
    TSV("text/tab-separated-values", "text/tab-separated-values;charset=UTF-8", null, "tsv"),
    JSON("application/json", "application/json;charset=UTF-8", null, "json"),
    HTML("text/html", "text/html;charset=UTF-8", null, "html");

    private final String mimeType;
    private final String contentType;
    private final DataFormat votableFormat;
    private final List<String> aliases;

    OutputFormat(String mimeType, String contentType, DataFormat votableFormat, String... aliases) {
        this.mimeType = mimeType;
        this.contentType = contentType;
        this.votableFormat = votableFormat;
        this.aliases = List.of(aliases);
    }

    /** The canonical MIME type, as advertised in capabilities. */
    public String mimeType() {
        return mimeType;
    }

    /** The HTTP Content-Type of a response in this format. */
    public String contentType() {
        return contentType;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The VOTable serialization, or null for a non-VOTable format. */
    DataFormat votableFormat() {
        return votableFormat;
    }

    public String fileExtension() {
        switch (this) {
            case FITS:
                return "fits";
            case CSV:
                return "csv";
            case TSV:
                return "tsv";
            case JSON:
                return "json";
            case HTML:
                return "html";
            default:
                return "vot";
        }
    }

    /** The format named by a RESPONSEFORMAT/FORMAT value, matched ignoring case and blanks. */
    public static Optional<OutputFormat> of(String requested) {
        String key = normalise(requested);
        for (OutputFormat f : values()) {
            if (normalise(f.mimeType).equals(key)) {
                return Optional.of(f);
            }
            for (String alias : f.aliases) {
                if (normalise(alias).equals(key)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case, no blanks, and parameters other than serialization/header dropped (e.g. charset). */
    private static String normalise(String mime) {
        String[] parts = mime.toLowerCase(Locale.ROOT).replace(" ", "").split(";");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("serialization=") || parts[i].startsWith("header=") && !parts[0].equals("text/csv")) {
                sb.append(';').append(parts[i]);
            }
        }
        return sb.toString();
    }

    /** Every accepted name, for error messages. */
    public static String acceptedNames() {
        StringBuilder sb = new StringBuilder();
        for (OutputFormat f : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.mimeType);
            for (String alias : f.aliases) {
                sb.append(", ").append(alias);
            }
        }
        return sb.toString();
    }
}
