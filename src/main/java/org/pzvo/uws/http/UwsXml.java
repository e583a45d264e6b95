// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import java.time.Instant;
import java.util.List;
import org.pzvo.uws.ErrorSummary;
import org.pzvo.uws.Job;
import org.pzvo.uws.JobRef;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.Result;

/**
 * The UWS 1.1 XML documents (schema http://www.ivoa.net/xml/UWS/v1.0, {@code version="1.1"}),
 * with elements in the order of the schema's sequences. Text is escaped, and characters XML 1.0
 * cannot carry are replaced by U+FFFD.
 */
final class UwsXml {

    static final String NS = "http://www.ivoa.net/xml/UWS/v1.0";
    private static final String DECLS = " xmlns:uws=\"" + NS + "\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private UwsXml() {
    }

    /** The job list (UWS 1.1 §2.2.2.1), {@code uws:jobs} of {@code uws:jobref}. */
    static String jobList(List<JobRef> refs, String jobsUrl) {
        StringBuilder b = new StringBuilder(PROLOG).append("<uws:jobs").append(DECLS)
                .append(" version=\"1.1\">\n");
        for (JobRef r : refs) {
            b.append("  <uws:jobref id=\"").append(esc(r.jobId())).append("\" xlink:type=\"simple\"")
                    .append(" xlink:href=\"").append(esc(jobsUrl + "/" + r.jobId())).append("\">\n");
            b.append("    <uws:phase>").append(r.phase()).append("</uws:phase>\n");
            if (r.runId() != null) {
                b.append("    <uws:runId>").append(esc(r.runId())).append("</uws:runId>\n");
            }
            if (r.ownerId() != null) {
                b.append("    <uws:ownerId>").append(esc(r.ownerId())).append("</uws:ownerId>\n");
            }
            b.append("    <uws:creationTime>").append(IsoTime.format(r.creationTime()))
                    .append("</uws:creationTime>\n");
            b.append("  </uws:jobref>\n");
        }
        return b.append("</uws:jobs>\n").toString();
    }

    /** The job document (UWS 1.1 §2.2.2.2), element order as in the JobSummary type. */
    static String job(Job job, String jobsUrl) {
        StringBuilder b = new StringBuilder(PROLOG).append("<uws:job").append(DECLS)
                .append(" version=\"1.1\">\n");
        b.append("  <uws:jobId>").append(esc(job.jobId())).append("</uws:jobId>\n");
        if (job.runId() != null) {
            b.append("  <uws:runId>").append(esc(job.runId())).append("</uws:runId>\n");
        }
        nillable(b, "  ", "ownerId", job.ownerId());
        b.append("  <uws:phase>").append(job.phase()).append("</uws:phase>\n");
        nillable(b, "  ", "quote", time(job.quote()));
        b.append("  <uws:creationTime>").append(IsoTime.format(job.creationTime()))
                .append("</uws:creationTime>\n");
        nillable(b, "  ", "startTime", time(job.startTime()));
        nillable(b, "  ", "endTime", time(job.endTime()));
        b.append("  <uws:executionDuration>").append(job.executionDurationSec())
                .append("</uws:executionDuration>\n");
        nillable(b, "  ", "destruction", time(job.destruction()));
        parameterElements(b, "  ", job.parameters());
        resultElements(b, "  ", job, jobsUrl);
        ErrorSummary error = job.error();
        if (error != null) {
            b.append("  <uws:errorSummary type=\"").append(error.type().xmlValue())
                    .append("\" hasDetail=\"true\">\n    <uws:message>").append(esc(error.message()))
                    .append("</uws:message>\n  </uws:errorSummary>\n");
        }
        if (job.jobInfo() != null) {
            // An element in no namespace: validators process it laxly without looking for a schema.
            b.append("  <uws:jobInfo><progress>").append(esc(job.jobInfo())).append("</progress></uws:jobInfo>\n");
        }
        return b.append("</uws:job>\n").toString();
    }

    /** {@code /{jobs}/{job-id}/parameters}: a {@code uws:parameters} document. */
    static String parameters(Job job) {
        StringBuilder b = new StringBuilder(PROLOG);
        parameterElements(b, "", job.parameters());
        return b.insert(PROLOG.length() + "<uws:parameters".length(), DECLS).toString();
    }

    /** {@code /{jobs}/{job-id}/results}: a {@code uws:results} document. */
    static String results(Job job, String jobsUrl) {
        StringBuilder b = new StringBuilder(PROLOG);
        resultElements(b, "", job, jobsUrl);
        return b.insert(PROLOG.length() + "<uws:results".length(), DECLS).toString();
    }

    private static void parameterElements(StringBuilder b, String indent, Parameters params) {
        b.append(indent).append("<uws:parameters>\n");
        for (Parameters.Parameter p : params.asList()) {
            b.append(indent).append("  <uws:parameter id=\"").append(esc(p.name())).append("\">")
                    .append(esc(p.value())).append("</uws:parameter>\n");
        }
        b.append(indent).append("</uws:parameters>\n");
    }

    private static void resultElements(StringBuilder b, String indent, Job job, String jobsUrl) {
        b.append(indent).append("<uws:results>\n");
        for (Result r : job.results()) {
            b.append(indent).append("  <uws:result id=\"").append(esc(r.name()))
                    .append("\" xlink:type=\"simple\" xlink:href=\"")
                    .append(esc(jobsUrl + "/" + job.jobId() + "/results/" + r.name()))
                    .append("\" size=\"").append(r.sizeBytes()).append("\" mime-type=\"")
                    .append(esc(r.mimeType())).append("\"/>\n");
        }
        b.append(indent).append("</uws:results>\n");
    }

    private static void nillable(StringBuilder b, String indent, String element, String value) {
        b.append(indent).append("<uws:").append(element);
        if (value == null) {
            b.append(" xsi:nil=\"true\"/>\n");
        } else {
            b.append('>').append(esc(value)).append("</uws:").append(element).append(">\n");
        }
    }

    private static String time(Instant t) {
        return t == null ? null : IsoTime.format(t);
    }

    /** Escapes for text and attribute values; replaces characters XML 1.0 forbids. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t', '\n' -> b.append(c);
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
