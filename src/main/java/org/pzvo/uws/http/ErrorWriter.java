// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.pzvo.uws.Job;

/**
 * How errors are written, supplied by the application: TAP writes DALI error VOTables
 * (DALI 1.1 §5.2), the default writes plain text. Implementations set the content type and write
 * the body; they must not include stack traces or internal paths. The status is already decided.
 */
public interface ErrorWriter {

    /**
     * Writes the error of a job at {@code /{jobs}/{job-id}/error} (UWS 1.1 §2.2.3.6), status 200.
     * Called only when {@code job.error()} is not null.
     */
    void writeJobError(Job job, HttpServletResponse response) throws IOException;

    /**
     * Writes the reason a request was refused.
     *
     * @param status the HTTP status, already chosen (400, 404, 409, 503 ...)
     * @param message the user-facing reason
     */
    void writeRequestError(int status, String message, HttpServletResponse response) throws IOException;

    /** Plain-text errors: the message and a newline, UTF-8. */
    static ErrorWriter plainText() {
        return new ErrorWriter() {
            @Override
            public void writeJobError(Job job, HttpServletResponse response) throws IOException {
                write(200, job.error().message(), response);
            }

            @Override
            public void writeRequestError(int status, String message, HttpServletResponse response)
                    throws IOException {
                write(status, message, response);
            }

            private void write(int status, String message, HttpServletResponse response)
                    throws IOException {
                byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
                response.setStatus(status);
                response.setContentType("text/plain;charset=UTF-8");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }
}
