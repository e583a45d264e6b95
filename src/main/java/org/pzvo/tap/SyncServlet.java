// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;
import org.pzvo.dali.ResponseStream;
import org.pzvo.tap.upload.PartSource;

/**
 * {@code /tap/sync} (TAP 1.1 §2.2.2): GET or POST (form or multipart) with LANG, QUERY,
 * RESPONSEFORMAT/FORMAT, MAXREC, RUNID, UPLOAD (inline parts of a multipart POST, or URLs; the
 * uploaded tables are dropped when the response ends), against the tables the request's
 * {@link Identity} may see. Completes the response itself: the result streams with
 * status 200, and any failure found before the first byte becomes a DALI error document.
 */
public final class SyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncServlet.class);

    private final transient TapService tap;

    public SyncServlet(TapService tap) {
        this.tap = tap;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path scratch = null;
        ResponseStream[] body = new ResponseStream[1];
        try {
            TapQuery query = TapQuery.parse(DaliParams.of(req), tap.limits());
            if (!query.uploads().isEmpty()) {
                scratch = Files.createTempDirectory("pzvo-sync-upload-");
            }
            Path dir = scratch;
            PartSource parts = name -> part(req, name, dir);
            tap.runSync(query, AccessKeys.of(Identity.of(req)), parts, scratch == null ? Path.of(System.getProperty("java.io.tmpdir")) : scratch,
                    format -> {
                        resp.setStatus(200);
                        resp.setContentType(format.contentType());
                        body[0] = new ResponseStream(resp.getOutputStream());
                        return body[0];
                    });
            if (body[0] != null) {
                body[0].finish();
            }
        } catch (DaliException e) {
            if (!finishStarted(body[0], e)) {
                DaliResponses.sendError(resp, e);
            }
        } catch (IllegalStateException e) {
            // Jetty reports a multipart body over the configured limits this way.
            DaliResponses.sendError(resp, new DaliException(413, "The request body is too large: " + e.getMessage()));
        } catch (IOException e) {
            if (resp.isCommitted()) {
                // The client hung up mid-stream: the statement was closed with the cursor, and
                // there is nobody left to answer.
                LOG.info("Synchronous result not delivered, the client went away: {}", e.toString());
            } else if (!finishStarted(body[0], e)) {
                DaliResponses.sendUnexpected(resp, e);
            }
        } catch (RuntimeException e) {
            if (!finishStarted(body[0], e)) {
                DaliResponses.sendUnexpected(resp, e);
            }
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * A failure after the result started (e.g. a database error mid-stream, already reported by a
     * QUERY_STATUS=ERROR INFO in the VOTable): what was written still goes out, as it would have
     * without the buffer, instead of an error document. False when nothing was written.
     */
    private static boolean finishStarted(ResponseStream body, Exception failure) {
        if (body == null || !body.written()) {
            return false;
        }
        LOG.warn("Synchronous query failed after its result started: {}", failure.getMessage());
        try {
            body.finish();
        } catch (IOException e) {
            LOG.info("Synchronous result not delivered, the client went away: {}", e.toString());
        }
        return true;
    }

    /** The file part {@code name} of a multipart request, copied into {@code dir}. */
    private Optional<Path> part(HttpServletRequest req, String name, Path dir) throws IOException, DaliException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Part part;
        try {
            part = req.getPart(name);
        } catch (ServletException e) {
            throw new IOException("The multipart request could not be read: " + e.getMessage(), e);
        }
        if (part == null) {
            return Optional.empty();
        }
        if (part.getSize() > tap.uploadLimits().maxBytes()) {
            throw DaliException.badRequest("UPLOAD: the part '" + name + "' is " + part.getSize() + " bytes; the limit "
                    + "for an uploaded table is " + tap.uploadLimits().maxBytes() + " bytes");
        }
        Path file = Files.createTempFile(dir, "part-", ".dat");
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return Optional.of(file);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the OS cleans it.
        }
    }
}
