// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The IVOA (lyonetia) ADQL validation queries, read from {@code ../shared/adql-conformance/ivoa}
 * relative to the project directory; never copied into the project.
 */
final class ConformanceQueries {
    /** One {@code <adql>} element. */
    record Case(String file, String uuid, boolean valid, String adql) {
        @Override
        public String toString() {
            return file + " " + uuid + (valid ? " valid" : " invalid");
        }
    }

    static final Path DIR = Path.of("..", "shared", "adql-conformance", "ivoa");

    private ConformanceQueries() {
    }

    static boolean present() {
        return Files.isDirectory(DIR);
    }

    static List<Case> all() throws Exception {
        List<Case> cases = new ArrayList<>();
        if (!present()) {
            return cases;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path file : files) {
            NodeList queries = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("query");
            for (int i = 0; i < queries.getLength(); i++) {
                Element query = (Element) queries.item(i);
                NodeList adqls = query.getElementsByTagName("adql");
                for (int j = 0; j < adqls.getLength(); j++) {
                    Element adql = (Element) adqls.item(j);
                    cases.add(new Case(file.getFileName().toString(), query.getAttribute("uuid"),
                            Boolean.parseBoolean(adql.getAttribute("valid")), adql.getTextContent()));
                }
            }
        }
        return cases;
    }
}
