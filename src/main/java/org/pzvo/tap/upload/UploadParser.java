// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pzvo.dali.DaliException;

/**
 * Parses UPLOAD values (TAP 1.1 §2.5.2, DALI 1.1 §3.4): each value is one or more
 * {@code name,location} pairs separated by {@code ;}, and the parameter may be repeated. The
 * location is {@code param:<part>} (a part of the multipart request) or an http/https URL. Names
 * are regular ADQL identifiers, unique case-insensitively (ADQL compares them so).
 */
public final class UploadParser {
    private static final Pattern REGULAR = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int MAX_NAME = 64;

    private UploadParser() {
    }

    public static List<UploadSpec> parse(List<String> values) throws DaliException {
        List<UploadSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            for (String pair : value.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                UploadSpec spec = pair(pair.trim());
                if (!seen.add(spec.name().toLowerCase(Locale.ROOT))) {
                    throw DaliException.badRequest("UPLOAD: the table name '" + spec.name()
                            + "' is given more than once (names are compared case-insensitively)");
                }
                specs.add(spec);
            }
        }
        return List.copyOf(specs);
    }

    private static UploadSpec pair(String pair) throws DaliException {
        int comma = pair.indexOf(',');
        if (comma < 0) {
            throw DaliException.badRequest("UPLOAD: '" + pair + "' is not name,location (e.g. mytable,param:file1 "
                    + "or mytable,https://host/table.xml)");
        }
        String name = pair.substring(0, comma).trim();
        String location = pair.substring(comma + 1).trim();
        checkName(name);
        if (location.isEmpty()) {
            throw DaliException.badRequest("UPLOAD: no location after the table name '" + name + "'");
        }
        if (location.regionMatches(true, 0, "param:", 0, 6)) {
            String part = location.substring(6);
            if (part.isEmpty()) {
                throw DaliException.badRequest("UPLOAD: '" + location + "' names no request part after param:");
            }
            return new UploadSpec(name, new UploadSpec.Part(part));
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw DaliException.badRequest("UPLOAD: the location of '" + name + "' is neither param:<part> nor a URL: "
                    + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DaliException.badRequest("UPLOAD: the location of '" + name + "' uses the URL scheme '"
                    + (scheme.isEmpty() ? "(none)" : scheme) + "'; only param:<part>, http and https are accepted");
        }
        if (uri.getHost() == null) {
            throw DaliException.badRequest("UPLOAD: the URL of '" + name + "' has no host: " + location);
        }
        return new UploadSpec(name, new UploadSpec.Url(uri));
    }

    /** Rejects a name that is not a regular ADQL identifier of at most 64 characters. */
    static void checkName(String name) throws DaliException {
        if (!REGULAR.matcher(name).matches()) {
            throw DaliException.badRequest("UPLOAD: the table name '" + name + "' is not a regular ADQL identifier "
                    + "(a letter followed by letters, digits or '_')");
        }
        if (name.length() > MAX_NAME) {
            throw DaliException.badRequest("UPLOAD: the table name '" + name + "' is " + name.length()
                    + " characters long; the limit is " + MAX_NAME);
        }
        if (AdqlWords.isReserved(name)) {
            throw DaliException.badRequest("UPLOAD: the table name '" + name + "' is an ADQL reserved word");
        }
    }
}
