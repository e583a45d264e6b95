// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.pzvo.dali.ErrorDocument;

/**
 * Authenticates every request before any servlet runs. No {@code Authorization} header: the
 * request goes on as {@link Identity#ANONYMOUS}. {@code Authorization: Bearer <token>} (RFC 6750
 * §2.1) with a valid token: it goes on as that token's user, readable with
 * {@link Identity#of}. Anything else (a wrong, expired or malformed token, another scheme): the
 * filter completes the response itself with 401, {@code WWW-Authenticate: Bearer} (RFC 6750 §3)
 * and a DALI error VOTable (DALI 1.1 §4.2), so a client never silently gets the anonymous view
 * when it meant to authenticate. CORS preflight requests carry no credentials and pass.
 */
public final class AuthFilter implements Filter {
    private static final String REALM = "pzvo";

    private final TokenFile tokens;

    public AuthFilter(TokenFile tokens) {
        this.tokens = tokens;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String header = req.getHeader("Authorization");
        if (header == null || req.getMethod().equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            req.setAttribute(Identity.ATTRIBUTE, identify(header));
        } catch (AuthException e) {
            refuse(resp, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    private Identity identify(String header) throws AuthException {
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = space < 0 ? h : h.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new AuthException("Unsupported authorization scheme '" + (scheme.length() > 20
                    ? scheme.substring(0, 20) + "..." : scheme) + "': this service accepts 'Authorization: Bearer"
                    + " <token>' (ivo://ivoa.net/sso#token) or no Authorization header for anonymous access.");
        }
        String token = space < 0 ? "" : h.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw new AuthException("The Authorization header has no token after 'Bearer'.");
        }
        return tokens.authenticate(token);
    }

    private static void refuse(HttpServletResponse resp, String message) throws IOException {
        // No reset(): the CORS headers already set must stay, so that a browser can read the error.
        resp.setStatus(401);
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        resp.setContentType(ErrorDocument.CONTENT_TYPE);
        ErrorDocument.write(resp.getOutputStream(), message);
    }
}
