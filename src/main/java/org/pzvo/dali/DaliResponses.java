// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: a DALI error VOTable with the right
 * status (DALI 1.1 §4.2), or, when the response has already started streaming, a log line
 * (nothing else can be done once the status line has gone out).
 */
public final class DaliResponses {
    private static final Logger LOG = LoggerFactory.getLogger(DaliResponses.class);

    private DaliResponses() {
    }

    public static void sendError(HttpServletResponse resp, DaliException e) throws IOException {
        if (e.httpStatus() >= 500 && e.getCause() != null) {
            LOG.error("Request failed: {}", e.getMessage(), e.getCause());
        }
        send(resp, e.httpStatus(), e.getMessage());
    }

    /** For failures nobody anticipated: logged with the stack trace, reported without it. */
    public static void sendUnexpected(HttpServletResponse resp, Throwable t) throws IOException {
        LOG.error("Unexpected failure", t);
        send(resp, 500, "The service failed unexpectedly (" + t.getClass().getSimpleName()
                + "); the failure is logged. Please report it with the time of the request.");
    }

    private static void send(HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) {
            LOG.warn("Cannot report an error after the response started: {}", message);
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType(ErrorDocument.CONTENT_TYPE);
        if (status == 503) {
            resp.setHeader("Retry-After", "10");
        }
        ErrorDocument.write(resp.getOutputStream(), message);
    }
}
