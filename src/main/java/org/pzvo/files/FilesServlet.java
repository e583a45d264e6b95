// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.files;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.db.Metadata;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductAccess;
import org.pzvo.obscore.ProductGate;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|HEAD /files/{relative path}}: streams a registered file product (CONTRACTS.md).
 *
 * <p>Handles the whole response. Only paths registered in the product registry are served;
 * anything else is refused before the file system is touched: a path that is not a plain
 * product path (traversal with {@code ..} in any encoding, double encoding, backslashes,
 * absolute paths, NUL, hidden files) gets 400, a well-formed but unregistered path 404, each with
 * a one-line text/plain message. Responses carry the registered Content-Type, Content-Length,
 * {@code Accept-Ranges: bytes}, a strong ETag (the SHA-256) and the digest as
 * {@code Digest: sha-256=...} (RFC 3230) and {@code Repr-Digest} (RFC 9530). One byte range
 * (RFC 9110 §14) is honoured with 206, an unsatisfiable one gets 416; If-None-Match gives 304 and
 * If-Range is checked against the ETag. The file is copied in 64 kB chunks, never loaded whole.
 */
public final class FilesServlet extends HttpServlet {
    /** The servlet path the servlet is mapped to (with {@code /*}). */
    public static final String PATH = "/files";
    private static final Logger LOG = LoggerFactory.getLogger(FilesServlet.class);
    private static final int CHUNK = 1 << 16;

    private final transient DataSource dataSource;
    private final transient Path dataDir;
    private final transient Metadata metadata;
    private final transient ProductGate gate;

    public FilesServlet(DataSource dataSource, Path dataDir, Metadata metadata) {
        this(dataSource, dataDir, metadata, ProductGate.OPEN);
    }

    /** @param gate hides user products not shared with the requesting identity (issue 11), like unregistered ones */
    public FilesServlet(DataSource dataSource, Path dataDir, Metadata metadata, ProductGate gate) {
        this.metadata = metadata;
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.gate = gate;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        String raw = req.getRequestURI().substring(req.getContextPath().length());
        if (!raw.startsWith(PATH + "/")) {
            refuse(resp, 404, "Expected /files/{path of a registered product}, e.g. /files/maps/footprint_dp1_o10.fits;"
                    + " product paths are listed in ivoa.obscore (DataLink #this links)");
            return;
        }
        String path = PathDecoder.decode(raw.substring(PATH.length() + 1));
        String problem = path == null ? "invalid percent-encoding" : ProductIds.checkPath(path);
        if (problem != null) {
            refuse(resp, 400, "Bad product path: " + problem);
            return;
        }
        Optional<Product> product;
        try (Connection c = dataSource.getConnection()) {
            product = Products.findByPath(c, path);
        } catch (SQLException e) {
            LOG.error("Product registry lookup failed for {}", path, e);
            refuse(resp, 503, "The product registry cannot be read now; retry later");
            return;
        }
        if (product.isEmpty()) {
            refuse(resp, 404, "No registered product at " + path);
            return;
        }
        Product p = product.get();
        if (!ProductAccess.visible(p, metadata, AccessKeys.of(Identity.of(req))) || !gate.maySee(Identity.of(req), p)) {
            // Issue 9: to anybody outside its groups a restricted product does not exist.
            refuse(resp, 404, "No registered product at " + path);
            return;
        }
        Path file = Products.file(dataDir, p);
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            LOG.warn("Registered product {} has no file at {}", p.publisherDid(), file);
            refuse(resp, 404, "Product " + path + " is registered but its file is missing; ask the operator");
            return;
        }
        if (size != p.sizeBytes()) {
            LOG.warn("Registered product {} changed size: {} registered, {} on disk", p.publisherDid(), p.sizeBytes(),
                    size);
            refuse(resp, 404, "Product " + path + " changed after registration; ask the operator to register it again");
            return;
        }
        send(req, resp, p, file, size, body);
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, Product p, Path file, long size,
                             boolean body) throws IOException {
        String etag = "\"" + p.sha256() + "\"";
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(p.sha256()));
        resp.setHeader("ETag", etag);
        resp.setHeader("Digest", "sha-256=" + digest);
        resp.setHeader("Repr-Digest", "sha-256=:" + digest + ":");
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        String name = file.getFileName().toString();
        resp.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        resp.setContentType(p.contentType());
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.trim().equals("*") || inm.contains(etag))) {
            resp.setStatus(304);
            return;
        }
        String ifRange = req.getHeader("If-Range");
        ByteRange.Parsed parsed = ifRange != null && !ifRange.trim().equals(etag) ? new ByteRange.Whole()
                : ByteRange.parse(req.getHeader("Range"), size);
        long first = 0;
        long length = size;
        if (parsed instanceof ByteRange.Unsatisfiable) {
            resp.setStatus(416);
            resp.setHeader("Content-Range", "bytes */" + size);
            resp.setContentType("text/plain;charset=UTF-8");
            byte[] msg = ("Range " + req.getHeader("Range") + " is outside the " + size + " bytes of " + name + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(msg.length);
            resp.getOutputStream().write(msg);
            return;
        }
        if (parsed instanceof ByteRange.Partial partial) {
            first = partial.range().first();
            length = partial.range().length();
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + first + "-" + partial.range().last() + "/" + size);
        }
        resp.setContentLengthLong(length);
        if (body) {
            copy(file, first, length, resp.getOutputStream());
        }
    }

    private static void copy(Path file, long first, long length, OutputStream out) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            in.position(first);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long left = length;
            while (left > 0) {
                buf.clear();
                buf.limit((int) Math.min(CHUNK, left));
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("File " + file.getFileName() + " ended early");
                }
                out.write(buf.array(), 0, n);
                left -= n;
            }
        }
        out.flush();
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
