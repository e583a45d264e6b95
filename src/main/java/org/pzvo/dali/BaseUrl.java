// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import jakarta.servlet.http.HttpServletRequest;

/** The public base URL of the service as a client should see it, for URLs written into documents. */
public final class BaseUrl {
    private BaseUrl() {
    }

    /**
     * {@code configured} (server.base-url) when set, else scheme, host, port (unless the default
     * one) and context path of the request; never with a trailing slash.
     */
    public static String of(HttpServletRequest req, String configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        StringBuilder sb = new StringBuilder(req.getScheme()).append("://").append(req.getServerName());
        int port = req.getServerPort();
        boolean defaultPort = (port == 80 && req.getScheme().equals("http"))
                || (port == 443 && req.getScheme().equals("https"));
        if (!defaultPort) {
            sb.append(':').append(port);
        }
        return sb.append(req.getContextPath()).toString();
    }
}
