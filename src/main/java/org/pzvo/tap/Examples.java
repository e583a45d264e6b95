// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.Checker;

/**
 * The TAP examples (DALI 1.1 §2.3, "DALI examples"): an XHTML page with RDFa that TOPCAT and
 * taplint read, generated from {@code examples.yaml}. Every example is a real photo-z query
 * that runs on the demo data (a test runs them all).
 */
public final class Examples {
    /** One example: a stable id (the fragment), a title, a short explanation and the ADQL. */
    public record Example(String id, String name, String description, String query) {}

    private final List<Example> examples;
    private final Map<Catalog, List<Example>> visible = new ConcurrentHashMap<>();

    private Examples(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    public static Examples load() {
        try (InputStream in = Examples.class.getResourceAsStream("examples.yaml")) {
            if (in == null) {
                throw new IllegalStateException("examples.yaml is missing from the class path");
            }
            Example[] read = new ObjectMapper(new YAMLFactory()).readValue(in, Example[].class);
            return new Examples(List.of(read));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read examples.yaml", e);
        }
    }

    public List<Example> all() {
        return examples;
    }

    /**
     * The examples whose query passes the ADQL checker against {@code catalog}: a user never
     * sees an example about a table hidden from it (issue 9). Computed once per catalog.
     */
    List<Example> visibleIn(Catalog catalog) {
        return visible.computeIfAbsent(catalog, c -> examples.stream().filter(e -> checks(e, c)).toList());
    }

    private static boolean checks(Example e, Catalog catalog) {
        try {
            Checker.check(AdqlParser.parseQuery(e.query()), catalog);
            return true;
        } catch (AdqlException ex) {
            return false;
        }
    }

    String document(String tapBaseUrl, Catalog catalog) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<title>pzvo TAP examples</title>")
                .append("<meta http-equiv=\"Content-Type\" content=\"application/xhtml+xml;charset=UTF-8\"/>")
                .append("</head>\n<body vocab=\"http://www.ivoa.net/rdf/examples#\">\n")
                .append("<h1>Example queries for the photo-z service at ").append(Xml.text(tapBaseUrl)).append("</h1>\n");
        for (Example e : visibleIn(catalog)) {
            sb.append("<div typeof=\"example\" id=\"").append(Xml.text(e.id())).append("\" resource=\"#")
                    .append(Xml.text(e.id())).append("\">\n")
                    .append("<h2 property=\"name\">").append(Xml.text(e.name())).append("</h2>\n")
                    .append("<p>").append(Xml.text(e.description())).append("</p>\n")
                    .append("<pre class=\"dachs-ex-tapquery\" property=\"query\">").append(Xml.text(e.query().strip()))
                    .append("</pre>\n</div>\n");
        }
        return sb.append("</body></html>\n").toString();
    }
}
