// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.UwsException;

/**
 * The parameters of a request: query string and form fields (URL-encoded or multipart), in
 * order, names case-insensitive; multipart parts with a file name are inline files.
 */
final class RequestParams {

    private final Parameters parameters;
    private final Map<String, Path> files;

    private RequestParams(Parameters parameters, Map<String, Path> files) {
        this.parameters = parameters;
        this.files = files;
    }

    Parameters parameters() {
        return parameters;
    }

    /** Inline files (part name → temporary file); the caller takes ownership. */
    Map<String, Path> files() {
        return files;
    }

    /**
     * Reads the parameters; inline files are copied to temporary files when accepted.
     *
     * @throws UwsException INVALID_ARGUMENT when the body cannot be read as parameters, or it
     *     carries files where none are accepted
     */
    static RequestParams read(HttpServletRequest req, boolean acceptFiles) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String[]> map;
        try {
            String type = req.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                for (Part part : req.getParts()) {
                    if (part.getSubmittedFileName() == null) {
                        continue;
                    }
                    if (!acceptFiles) {
                        throw UwsException.invalid("Inline files are only accepted when a job is created");
                    }
                    Path tmp = Files.createTempFile("uws-upload-", ".tmp");
                    files.put(part.getName(), tmp);
                    try (InputStream in = part.getInputStream()) {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            map = req.getParameterMap();
        } catch (UwsException e) {
            deleteAll(files);
            throw e;
        } catch (ServletException | RuntimeException e) {
            deleteAll(files);
            throw UwsException.invalid("The request parameters could not be read: " + describe(e));
        } catch (IOException e) {
            deleteAll(files);
            throw e;
        }
        List<Parameters.Parameter> list = new ArrayList<>();
        for (Map.Entry<String, String[]> e : map.entrySet()) {
            if (e.getKey().isBlank() || files.containsKey(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                list.add(new Parameters.Parameter(e.getKey(), v));
            }
        }
        return new RequestParams(Parameters.of(list), files);
    }

    /**
     * What the container said about an unreadable body, without exception class names (the
     * container's messages can name its own exceptions, which say nothing to a client).
     */
    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.matches("(?s).*\\b[\\w.$]*(Exception|Error)\\b.*")) {
            return "the body is not a complete, well-formed form or multipart/form-data body within the size limit";
        }
        return m.length() <= 200 ? m : m.substring(0, 197) + "...";
    }

    /** Deletes temporary files, best effort. */
    static void deleteAll(Map<String, Path> files) {
        for (Path p : files.values()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // A leftover temporary file is harmless; nothing more to do.
            }
        }
    }
}
