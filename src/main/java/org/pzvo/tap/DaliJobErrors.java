// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.pzvo.dali.ErrorDocument;
import org.pzvo.uws.Job;
import org.pzvo.uws.http.ErrorWriter;

/** TAP's errors for /async: DALI error VOTables (TAP 1.1 §2.9), for job errors and refusals alike. */
public final class DaliJobErrors implements ErrorWriter {
    @Override
    public void writeJobError(Job job, HttpServletResponse response) throws IOException {
        write(200, job.error().message(), response);
    }

    @Override
    public void writeRequestError(int status, String message, HttpServletResponse response) throws IOException {
        write(status, message, response);
    }

    private static void write(int status, String message, HttpServletResponse response) throws IOException {
        byte[] body = ErrorDocument.text(message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(ErrorDocument.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
