// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pzvo.auth.Identity;
import org.pzvo.dali.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing API under {@code /products} (issue 11; README.md "Publishing products"), JSON in
 * and out, for authenticated users:
 * <pre>
 * GET    /products                      products you may see
 * POST   /products                      multipart: file + name, type, description, release, official → draft (201)
 * GET    /products/{id}                 one product: metadata, columns, files, preview
 * PATCH  /products/{id}                 JSON: description, type, release, official, columns {name: {ucd, unit, alias, description}}
 * POST   /products/{id}/publish         publish (or republish) as table {id}
 * POST   /products/{id}/share           JSON: {"groups": [...], "all_authenticated": true|false}
 * POST   /products/{id}/file            multipart: file → replace the file (republished if it was)
 * DELETE /products/{id}                 delete everything (204)
 * POST   /products/from-job/{jobId}     JSON or form: name, type, description, release → published product
 * </pre>
 * Handles the whole response. Every refusal is {@code {"error": message}} with a 4xx status
 * ({@link ProductException#status()}); a database outage is 503.
 */
public final class ProductsServlet extends HttpServlet {
    /** The servlet path (mapped with {@code /*} too). */
    public static final String PATH = "/products";
    private static final Logger LOG = LoggerFactory.getLogger(ProductsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_BYTES = 1 << 20;

    private final transient ProductService service;
    private final transient Path scratch;
    private final String configuredBaseUrl;

    public ProductsServlet(ProductService service, Path scratch, String configuredBaseUrl) {
        this.service = service;
        this.scratch = scratch;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    /**
     * Multipart limits of the upload requests, spooled to {@code scratch} beyond 1 MB: a margin
     * above the largest product file, so that a slightly larger file gets the service's own
     * message (naming products.max-file-bytes) rather than the container's.
     */
    public static MultipartConfigElement multipartConfig(Path scratch, long maxFileBytes) {
        long margin = Math.max(1 << 20, maxFileBytes / 10);
        return new MultipartConfigElement(scratch.toString(), maxFileBytes + margin, maxFileBytes + 2 * margin, 1 << 20);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            route(req, resp);
        } catch (ProductException e) {
            send(resp, e.status(), Map.of("error", e.getMessage()));
        } catch (SQLException e) {
            LOG.warn("Product registry unavailable", e);
            send(resp, 503, Map.of("error", "The product registry cannot be reached now; retry in a moment"));
        } catch (IllegalStateException | ServletException e) {
            // Jetty reports an oversized or malformed multipart body this way.
            send(resp, e.getMessage() != null && e.getMessage().contains("exceed") ? 413 : 400,
                    Map.of("error", "Bad upload request: " + e.getMessage() + "; send multipart/form-data with the"
                            + " table in part 'file' and the fields name and type"));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
            send(resp, 500, Map.of("error", "Internal error; the operators have the details in the server log"));
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp) throws ProductException, SQLException,
            IOException, ServletException {
        Identity who = Identity.of(req);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceAll("/+$", "");
        String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/");
        String method = req.getMethod();
        String base = BaseUrl.of(req, configuredBaseUrl);
        if (parts.length == 0) {
            if (method.equals("GET")) {
                List<Object> list = new ArrayList<>();
                for (ProductEntry p : service.list(who)) {
                    list.add(ProductJson.entry(p));
                }
                send(resp, 200, Map.of("products", list));
            } else if (method.equals("POST")) {
                Path file = receive(req);
                send(resp, 201, ProductJson.view(service.upload(who, metadata(req, null), file,
                        req.getPart("file").getSubmittedFileName()), base));
            } else {
                throw methodNotAllowed(method, "/products", "GET, POST");
            }
            return;
        }
        if (parts[0].equals("from-job")) {
            if (parts.length != 2 || !method.equals("POST")) {
                throw new ProductException(parts.length != 2 ? 404 : 405, "Use POST /products/from-job/{jobId} with the"
                        + " fields name and type (and description, release)");
            }
            send(resp, 201, ProductJson.view(service.fromJob(who, parts[1], metadata(req, body(req)), base), base));
            return;
        }
        String id = parts[0];
        String action = parts.length > 1 ? parts[1] : "";
        if (parts.length > 2) {
            throw new ProductException(404, "No such resource " + req.getRequestURI() + "; see README.md"
                    + " \"Publishing products\"");
        }
        switch (action) {
            case "" -> {
                switch (method) {
                    case "GET" -> send(resp, 200, ProductJson.view(service.get(who, id), base));
                    case "PATCH" -> {
                        JsonNode body = body(req);
                        send(resp, 200, ProductJson.view(service.annotate(who, id, metadata(req, body),
                                ProductJson.columnChanges(body)), base));
                    }
                    case "DELETE" -> {
                        service.delete(who, id);
                        resp.setStatus(204);
                    }
                    default -> throw methodNotAllowed(method, "/products/" + id, "GET, PATCH, DELETE");
                }
            }
            case "publish" -> {
                requirePost(method, id, action);
                send(resp, 200, ProductJson.view(service.publish(who, id, base), base));
            }
            case "share" -> {
                requirePost(method, id, action);
                JsonNode body = body(req);
                send(resp, 200, ProductJson.view(service.share(who, id, ProductJson.strings(body, "groups"),
                        body.path("all_authenticated").asBoolean(false)), base));
            }
            case "file" -> {
                requirePost(method, id, action);
                Path file = receive(req);
                send(resp, 200, ProductJson.view(service.replaceFile(who, id, file,
                        req.getPart("file").getSubmittedFileName(), base), base));
            }
            default -> throw new ProductException(404, "No action '" + action + "' on products; use publish, share or"
                    + " file");
        }
    }

    /** Saves the multipart part 'file' to a scratch file. */
    private Path receive(HttpServletRequest req) throws ProductException, IOException, ServletException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ProductException.bad("Send the table as multipart/form-data, part 'file' (e.g. curl -F"
                    + " file=@specz.csv -F name=specz_dp1 -F type=redshift_catalog)");
        }
        Part part = req.getPart("file");
        if (part == null || part.getSubmittedFileName() == null) {
            throw ProductException.bad("Missing multipart part 'file' holding the table file (with its file name)");
        }
        Path out = Files.createDirectories(scratch).resolve("upload-" + UUID.randomUUID());
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, out);
        }
        return out;
    }

    /** Product metadata from the JSON body when there is one, else from request (or multipart) fields. */
    private static ProductService.Metadata metadata(HttpServletRequest req, JsonNode body) throws IOException,
            ServletException {
        if (body != null && body.isObject() && body.size() > 0) {
            return new ProductService.Metadata(ProductJson.text(body, "name"), ProductJson.text(body, "type"),
                    ProductJson.text(body, "description"), ProductJson.text(body, "release"),
                    body.has("official") ? body.get("official").asBoolean() : null);
        }
        String official = field(req, "official");
        return new ProductService.Metadata(field(req, "name"), field(req, "type"), field(req, "description"),
                field(req, "release"), official == null ? null : Boolean.parseBoolean(official.strip()));
    }

    private static String field(HttpServletRequest req, String name) throws IOException, ServletException {
        String v = req.getParameter(name);
        if (v != null) {
            return v;
        }
        String type = req.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            Part p = req.getPart(name);
            if (p != null && p.getSubmittedFileName() == null) {
                return new String(p.getInputStream().readNBytes(MAX_JSON_BYTES), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The JSON body, or an empty object when the request has none (or is a form). */
    private static JsonNode body(HttpServletRequest req) throws ProductException, IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return JSON.createObjectNode();
        }
        byte[] bytes = req.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ProductException(413, "JSON body larger than " + MAX_JSON_BYTES + " bytes");
        }
        try {
            JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            if (!node.isObject()) {
                throw ProductException.bad("Expected a JSON object as the request body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProductException.bad("The request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static void requirePost(String method, String id, String action) throws ProductException {
        if (!method.equals("POST")) {
            throw methodNotAllowed(method, "/products/" + id + "/" + action, "POST");
        }
    }

    private static ProductException methodNotAllowed(String method, String path, String allowed) {
        return new ProductException(405, method + " is not allowed on " + path + "; use " + allowed);
    }

    private static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"pzvo\"");
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
