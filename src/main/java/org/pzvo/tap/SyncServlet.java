// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;

/**
 * {@code /tap/sync} (TAP 1.1 §2.2.2): GET or POST (form or multipart) with LANG, QUERY,
 * RESPONSEFORMAT/FORMAT, MAXREC, RUNID. Completes the response itself: the result streams with
 * status 200, and any failure found before the first byte becomes a DALI error document.
 */
public final class SyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TapService tap;

    public SyncServlet(TapService tap) {
        this.tap = tap;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            TapQuery query = TapQuery.parse(DaliParams.of(req), tap.limits());
            tap.runSync(query, format -> {
                resp.setStatus(200);
                resp.setContentType(format.contentType());
                return resp.getOutputStream();
            });
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (IllegalStateException e) {
            // Jetty reports a multipart body over the configured limits this way.
            DaliResponses.sendError(resp, new DaliException(413, "The request body is too large: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // Includes a client hanging up mid-stream: the statement is closed with the cursor.
            DaliResponses.sendUnexpected(resp, e);
        }
    }
}
