// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.pzvo.uws.StoredResult;
import org.pzvo.uws.UwsException;

/** Writing UWS responses: documents, plain values, 303 redirects and result files. */
final class Responses {

    static final String XML = "text/xml;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";

    private Responses() {
    }

    static void send(HttpServletResponse resp, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(type);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** 303 See Other (UWS 1.1 §2.2.3) with an absolute Location. */
    static void seeOther(HttpServletResponse resp, String location) {
        resp.setStatus(303);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    /** Streams a result file with its MIME type and exact length. */
    static void result(HttpServletResponse resp, StoredResult r) throws IOException {
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(r.path());
            size = Files.size(r.path());
        } catch (NoSuchFileException e) {
            throw new UwsException(UwsException.Kind.NOT_FOUND, "The result is no longer available");
        }
        try (in) {
            resp.setStatus(200);
            resp.setContentType(r.result().mimeType());
            resp.setContentLengthLong(size);
            in.transferTo(resp.getOutputStream());
        }
    }

    /** The absolute URL of the job list: origin + context path + servlet path. */
    static String jobsUrl(HttpServletRequest req) {
        StringBuffer url = req.getRequestURL();
        int pathStart = url.indexOf("/", url.indexOf("//") + 2);
        String origin = pathStart < 0 ? url.toString() : url.substring(0, pathStart);
        return origin + req.getContextPath() + req.getServletPath();
    }
}
