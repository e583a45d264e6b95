// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.OutputFormat;
import org.pzvo.tap.upload.UploadParser;
import org.pzvo.tap.upload.UploadSpec;

/**
 * The parameters of one TAP query (TAP 1.1 §2.3), validated: the same for /sync and /async.
 *
 * @param maxrec the row limit to apply (already clamped to the hard limit)
 * @param uploads the TAP_UPLOAD tables of the UPLOAD parameter (TAP 1.1 §2.5.2), in order
 */
public record TapQuery(String query, OutputFormat format, long maxrec, String runId, List<UploadSpec> uploads) {
    public TapQuery {
        Objects.requireNonNull(query);
        Objects.requireNonNull(format);
        uploads = List.copyOf(uploads);
    }

    /** A query without uploads. */
    public TapQuery(String query, OutputFormat format, long maxrec, String runId) {
        this(query, format, maxrec, runId, List.of());
    }

    /** Limits the parsing needs: MAXREC default and hard limit, longest query text. */
    public record Limits(long defaultMaxrec, long hardMaxrec, int maxQueryChars) {}

    public static TapQuery parse(DaliParams params, Limits limits) throws DaliException {
        Optional<String> request = params.single("REQUEST");
        if (request.isPresent() && !request.get().equalsIgnoreCase("doQuery")) {
            throw DaliException.badRequest("Unsupported REQUEST=" + request.get()
                    + ": TAP 1.1 supports only REQUEST=doQuery (or no REQUEST at all)");
        }
        Optional<String> version = params.single("VERSION");
        if (version.isPresent() && !version.get().equals("1.0") && !version.get().equals("1.1")) {
            throw DaliException.badRequest("Unsupported VERSION=" + version.get() + ": this service speaks TAP 1.1 (and 1.0)");
        }
        String lang = params.required("LANG", "give LANG=ADQL (ADQL-2.0 and ADQL-2.1 are accepted too)");
        String normalisedLang = lang.trim().toUpperCase(Locale.ROOT);
        if (!normalisedLang.equals("ADQL") && !normalisedLang.equals("ADQL-2.0") && !normalisedLang.equals("ADQL-2.1")) {
            throw DaliException.badRequest("Unsupported LANG=" + lang + ": use ADQL, ADQL-2.0 or ADQL-2.1");
        }
        String query = params.required("QUERY", "give the ADQL query text in QUERY");
        if (query.length() > limits.maxQueryChars()) {
            throw DaliException.badRequest("QUERY is " + query.length() + " characters long; the limit is "
                    + limits.maxQueryChars());
        }
        Optional<String> formatName = params.single("RESPONSEFORMAT").or(() -> firstOf(params, "FORMAT"));
        OutputFormat format = OutputFormat.VOTABLE_BINARY2;
        if (formatName.isPresent() && !formatName.get().isBlank()) {
            format = OutputFormat.of(formatName.get()).orElseThrow(() -> DaliException.badRequest(
                    "Unsupported RESPONSEFORMAT=" + formatName.get() + "; supported: " + OutputFormat.acceptedNames()));
        }
        long maxrec = Math.min(params.nonNegativeLong("MAXREC", limits.defaultMaxrec()), limits.hardMaxrec());
        String runId = params.single("RUNID").orElse(null);
        List<UploadSpec> uploads = UploadParser.parse(params.all("UPLOAD"));
        return new TapQuery(query, format, maxrec, runId, uploads);
    }

    private static Optional<String> firstOf(DaliParams params, String name) {
        return params.all(name).stream().findFirst();
    }
}
