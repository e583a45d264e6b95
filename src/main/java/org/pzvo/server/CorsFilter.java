// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Cross-origin access for browser portals (Firefly, Aladin Lite) on every endpoint, following the
 * Fetch standard's CORS protocol (https://fetch.spec.whatwg.org/#http-cors-protocol).
 *
 * <p>Contract, per request:
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 *       answered here and never reaches a servlet: 204 with {@code Access-Control-Allow-Methods},
 *       {@code -Allow-Headers} (including {@code Authorization}) and {@code -Max-Age} for an allowed
 *       origin; 403 without any CORS header for another origin.</li>
 *   <li>Any other request from an allowed origin gets {@code Access-Control-Allow-Origin} and
 *       {@code Access-Control-Expose-Headers: Location, Content-Disposition} (the UWS redirect target
 *       and download file names) before the servlet runs, so the headers are present whatever the
 *       servlet answers, errors included. {@code Access-Control-Allow-Credentials: true} is added only
 *       for a listed origin, never for {@code *}.</li>
 *   <li>Requests from other origins, or without {@code Origin}, pass through unchanged; when the
 *       answer depends on the origin, {@code Vary: Origin} is added so that caches keep them apart.</li>
 * </ul>
 * Thread-safe: the policy is immutable and the filter keeps no state.
 */
public final class CorsFilter implements Filter {
    static final String ALLOW_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Content-Language, "
            + "Range, X-Requested-With";
    static final String EXPOSE_HEADERS = "Location, Content-Disposition";

    private final CorsPolicy policy;

    public CorsFilter(CorsPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!policy.enabled() || !(request instanceof HttpServletRequest req)
                || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        if (!policy.allowedOrigins().isEmpty()) {
            // The Allow-Origin value echoes listed origins, so the response varies with Origin.
            resp.addHeader("Vary", "Origin");
        }
        String origin = req.getHeader("Origin");
        CorsPolicy.Grant grant = policy.grant(origin);
        if ("OPTIONS".equals(req.getMethod()) && origin != null
                && req.getHeader("Access-Control-Request-Method") != null) {
            preflight(resp, origin, grant);
            return;
        }
        if (grant != CorsPolicy.Grant.NONE) {
            allowOrigin(resp, origin, grant);
            resp.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        chain.doFilter(request, response);
    }

    private void preflight(HttpServletResponse resp, String origin, CorsPolicy.Grant grant) {
        if (grant == CorsPolicy.Grant.NONE) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        allowOrigin(resp, origin, grant);
        resp.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
        resp.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
        resp.setHeader("Access-Control-Max-Age", Integer.toString(policy.maxAgeSeconds()));
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void allowOrigin(HttpServletResponse resp, String origin, CorsPolicy.Grant grant) {
        if (grant == CorsPolicy.Grant.CREDENTIALS) {
            resp.setHeader("Access-Control-Allow-Origin", origin);
            resp.setHeader("Access-Control-Allow-Credentials", "true");
        } else {
            resp.setHeader("Access-Control-Allow-Origin", "*");
        }
    }
}
