// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.pzvo.dali.ErrorDocument;

/**
 * The errors Jetty itself answers (a malformed request line or URI, an unknown path, a method a
 * servlet does not implement, a header or body too large) as DALI 1.1 §4.2 error VOTables, like
 * every error of the servlets: one format for clients, and never a stack trace, a Jetty version
 * or a server path. Jetty completes the response; this only writes the body.
 */
final class DaliErrorHandler extends ErrorHandler {
    DaliErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    /** Every method gets an error document, not only GET, POST and HEAD (Jetty's default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorDocument.CONTENT_TYPE);
        if (code == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "10");
        }
        String text = ErrorDocument.text(describe(code, request.getMethod(), Request.getPathInContext(request)));
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ErrorDocument.CONTENT_TYPE);
        return ByteBuffer.wrap(ErrorDocument.text(describe(status, null, null)).getBytes(StandardCharsets.UTF_8));
    }

    /** A message naming what was wrong and what to do, from the status alone (no internals). */
    static String describe(int code, String method, String path) {
        String where = path == null ? "" : " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path);
        return switch (code) {
            case 400 -> "Bad request: the request line, URI or headers are malformed (HTTP 400)";
            case 404 -> "Not found:" + where + " is no resource of this service; /tap, /tap/capabilities and"
                    + " the web page at / list the endpoints";
            case 405 -> "Method " + method + " is not allowed on" + where + "; use GET (or POST where a DALI"
                    + " service takes parameters)";
            case 413 -> "The request body is too large for this service (server.max-request-bytes)";
            case 414 -> "The URI is too long: send long parameters (QUERY) in a POST body instead";
            case 431 -> "The request headers are too large";
            case 503 -> "The service is temporarily unavailable; retry in a few seconds";
            default -> "The request failed: HTTP " + code + " " + HttpStatus.getMessage(code);
        };
    }
}
