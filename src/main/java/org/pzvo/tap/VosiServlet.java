// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliResponses;
import org.pzvo.db.TableMeta;

/**
 * The VOSI 1.1 resources of the TAP service and the DALI examples page, each a small document
 * generated per request: {@code /capabilities}, {@code /availability}, {@code /tables[/name]},
 * {@code /examples}. Tables and examples are those the request's {@link Identity} may see. GET only (VOSI 1.1 §2); HEAD is answered by the container.
 */
public final class VosiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Which document this instance serves. */
    public enum Kind { CAPABILITIES, AVAILABILITY, TABLES, EXAMPLES }

    private final transient Kind kind;
    private final transient TapService tap;
    private final transient Vosi vosi;

    public VosiServlet(Kind kind, TapService tap, Vosi vosi) {
        this.kind = kind;
        this.tap = tap;
        this.vosi = vosi;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String baseUrl = vosi.baseUrl(req);
            switch (kind) {
                case CAPABILITIES:
                    send(resp, "text/xml", vosi.capabilities(baseUrl));
                    break;
                case AVAILABILITY:
                    send(resp, "text/xml", vosi.availability());
                    break;
                case EXAMPLES:
                    send(resp, "application/xhtml+xml", vosi.examples(baseUrl,
                            tap.catalogFor(AccessKeys.of(Identity.of(req)))));
                    break;
                default:
                    tables(req, resp);
            }
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (RuntimeException e) {
            DaliResponses.sendUnexpected(resp, e);
        }
    }

    private void tables(HttpServletRequest req, HttpServletResponse resp) throws IOException, DaliException {
        String path = req.getPathInfo();
        Map<String, Long> counts = vosi.rowCounts();
        Set<String> groups = AccessKeys.of(Identity.of(req));
        if (path == null || path.equals("/")) {
            String detail = Optional.ofNullable(req.getParameter("detail")).orElse("max");
            if (!detail.equals("min") && !detail.equals("max")) {
                throw DaliException.badRequest("Bad value of detail: '" + detail + "'; expected min or max (VOSI 1.1 §3.4)");
            }
            send(resp, "text/xml", TablesDocument.tableset(tap.metadata().schemas(),
                    t -> TapService.visible(t, groups), counts, detail.equals("max")));
            return;
        }
        String name = path.substring(1);
        TableMeta table = tap.metadata().tables().stream()
                .filter(t -> TapService.visible(t, groups) && t.qualifiedName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new DaliException(404, "No table " + name + " here; GET /tap/tables lists them all"));
        send(resp, "text/xml", TablesDocument.single(table, counts.get(table.qualifiedName())));
    }

    private static void send(HttpServletResponse resp, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(type + ";charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
