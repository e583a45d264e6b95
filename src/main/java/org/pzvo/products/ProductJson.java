// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the /products API (README.md "Publishing products"). */
final class ProductJson {
    private ProductJson() {
    }

    static Map<String, Object> entry(ProductEntry p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("type", p.type().code());
        m.put("owner", p.owner());
        m.put("description", p.description());
        m.put("release", p.release());
        m.put("official", p.official());
        m.put("status", p.published() ? "published" : "draft");
        m.put("table", p.published() ? p.id() : null);
        m.put("shared_with", p.sharedWith());
        m.put("shared_with_all_authenticated", p.sharedWithAll());
        m.put("rows", p.nRows());
        m.put("size_bytes", p.sizeBytes());
        m.put("created_at", p.createdAt());
        m.put("updated_at", p.updatedAt());
        return m;
    }

    static Map<String, Object> view(ProductView v, String baseUrl) {
        Map<String, Object> m = entry(v.entry());
        List<Object> columns = new ArrayList<>();
        for (ProductColumn c : v.columns()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("datatype", c.datatype());
            col.put("ucd", c.ucd());
            col.put("unit", c.unit());
            col.put("alias", c.alias());
            col.put("description", c.description());
            columns.add(col);
        }
        m.put("columns", columns);
        List<Object> files = new ArrayList<>();
        for (ProductRegistry.FileRow f : v.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", f.fileName());
            file.put("role", f.role());
            file.put("content_type", f.contentType());
            file.put("size_bytes", f.sizeBytes());
            file.put("sha256", f.sha256());
            file.put("publisher_did", f.publisherDid());
            file.put("datalink", f.publisherDid() == null ? null : baseUrl + "/datalink/links?ID="
                    + URLEncoder.encode(f.publisherDid(), StandardCharsets.UTF_8));
            files.add(file);
        }
        m.put("files", files);
        List<Object> preview = new ArrayList<>();
        for (Object[] row : v.preview()) {
            List<Object> cells = new ArrayList<>();
            for (Object cell : row) {
                cells.add(cell(cell));
            }
            preview.add(cells);
        }
        m.put("preview", preview);
        return m;
    }

    /** JSON-safe cell: NaN and infinities become null, arrays lists. */
    private static Object cell(Object v) {
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(cell(Array.get(v, i)));
            }
            return out;
        }
        return v instanceof Number || v instanceof Boolean || v == null ? v : v.toString();
    }

    /** {@code columns: {name: {ucd, unit, alias, description}}} of a PATCH body. */
    static Map<String, ProductService.ColumnChange> columnChanges(JsonNode body) throws ProductException {
        Map<String, ProductService.ColumnChange> out = new LinkedHashMap<>();
        JsonNode columns = body.path("columns");
        if (columns.isMissingNode() || columns.isNull()) {
            return out;
        }
        if (!columns.isObject()) {
            throw ProductException.bad("'columns' must be an object: {\"COLUMN\": {\"ucd\": ..., \"unit\": ...,"
                    + " \"alias\": ..., \"description\": ...}}");
        }
        for (var it = columns.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject()) {
                throw ProductException.bad("columns." + e.getKey() + " must be an object with ucd, unit, alias or"
                        + " description");
            }
            out.put(e.getKey(), new ProductService.ColumnChange(text(e.getValue(), "ucd"), text(e.getValue(), "unit"),
                    text(e.getValue(), "alias"), text(e.getValue(), "description")));
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<String> strings(JsonNode node, String field) throws ProductException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw ProductException.bad("'" + field + "' must be a JSON array of group names");
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText().strip()));
        return out;
    }
}
