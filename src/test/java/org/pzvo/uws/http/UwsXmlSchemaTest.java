// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.uws.ErrorSummary;
import org.pzvo.uws.Job;
import org.pzvo.uws.JobRef;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.Phase;
import org.pzvo.uws.Result;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * Validates the documents against the UWS 1.1 schema that taplint itself uses, read from the
 * Debian stilts/ttools jar (skipped when that jar is not installed).
 */
class UwsXmlSchemaTest {

    static final Path TTOOLS = Path.of("/usr/share/java/starlink-ttools.jar");
    static final String DIR = "uk/ac/starlink/ttools/taplint/";
    static JarFile jar;
    static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TTOOLS), "stilts (ttools jar) not installed");
        jar = new JarFile(TTOOLS.toFile());
        Assumptions.assumeTrue(jar.getEntry(DIR + "UWS-v1.1.xsd") != null, "no UWS-v1.1.xsd in " + TTOOLS);
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver((type, ns, publicId, systemId, baseUri) -> switch (String.valueOf(ns)) {
            case "http://www.w3.org/1999/xlink" -> input(DIR + "xlink.xsd", systemId);
            case "http://www.w3.org/XML/1998/namespace" -> input(DIR + "xmlnamespace.xsd", systemId);
            default -> null;
        });
        try (InputStream in = jar.getInputStream(jar.getEntry(DIR + "UWS-v1.1.xsd"))) {
            schema = f.newSchema(new StreamSource(in));
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    private static LSInput input(String entry, String systemId) {
        try {
            byte[] bytes = jar.getInputStream(jar.getEntry(entry)).readAllBytes();
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder().getDOMImplementation();
            LSInput in = ls.createLSInput();
            in.setByteStream(new ByteArrayInputStream(bytes));
            in.setSystemId(systemId);
            return in;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void valid(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static final Instant T0 = Instant.parse("2026-11-23T16:05:45.123Z");
    static final String JOBS = "http://localhost:8080/tap/async";

    static Job job(Phase phase, String owner, ErrorSummary error, List<Result> results, String info) {
        return new Job("0123456789abcdef0123", owner == null ? null : "run <1>", owner, phase, null, T0,
                phase == Phase.PENDING ? null : T0.plusSeconds(1),
                phase.isFinal() ? T0.plusSeconds(2) : null, 3600, T0.plusSeconds(86400),
                Parameters.of("QUERY", "SELECT * FROM t WHERE a < 1 & b > 'x'", "LANG", "ADQL"),
                results, error, info);
    }

    @Test
    void jobDocumentsInEveryShapeAreValid() throws Exception {
        valid(UwsXml.job(job(Phase.PENDING, null, null, List.of(), null), JOBS));
        valid(UwsXml.job(job(Phase.EXECUTING, "alice", null, List.of(), "12000 rows written"), JOBS));
        valid(UwsXml.job(job(Phase.COMPLETED, "alice", null,
                List.of(new Result("result", "application/x-votable+xml", 1234)), "done"), JOBS));
        valid(UwsXml.job(job(Phase.ERROR, null, ErrorSummary.transientError("lost <connection> & more"),
                List.of(), null), JOBS));
        valid(UwsXml.job(job(Phase.ABORTED, "bob", ErrorSummary.fatal("too long"), List.of(), null), JOBS));
    }

    @Test
    void listParametersAndResultsDocumentsAreValid() throws Exception {
        valid(UwsXml.jobList(List.of(), JOBS));
        valid(UwsXml.jobList(List.of(new JobRef("0123456789abcdef0123", "r1", "alice", Phase.QUEUED, T0),
                new JobRef("0123456789abcdef0124", null, null, Phase.COMPLETED, T0)), JOBS));
        Job done = job(Phase.COMPLETED, "alice", null, List.of(new Result("result", "text/csv", 5)), null);
        valid(UwsXml.parameters(done));
        valid(UwsXml.results(done, JOBS));
    }

    @Test
    void theValidatorCatchesAWrongOrder() {
        String wrong = UwsXml.job(job(Phase.PENDING, null, null, List.of(), null), JOBS)
                .replace("<uws:phase>PENDING</uws:phase>\n", "")
                .replace("</uws:jobId>\n", "</uws:jobId>\n  <uws:phase>PENDING</uws:phase>\n");
        assertThrows(SAXException.class, () -> valid(wrong));
    }
}
