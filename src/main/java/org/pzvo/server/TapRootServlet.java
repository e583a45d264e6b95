// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The TAP base URL itself ({@code /tap}): TAP defines only its sub-resources, so a person who
 * opens the base URL in a browser is sent to the web interface instead of a 404.
 */
final class TapRootServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/");
    }
}
