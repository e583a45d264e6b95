// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.util.function.BooleanSupplier;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * JSON output (STIL has no JSON table writer): {@code {"metadata": [...], "data": [[...], ...],
 * "overflow": bool}}, the layout TAP services commonly use for application/json. Streams rows
 * through a Jackson generator; NaN and infinities become null (JSON has no such numbers).
 */
final class JsonTableWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTableWriter() {
    }

    static void write(StarTable table, BooleanSupplier overflowed, OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeArrayFieldStart("metadata");
        int ncol = table.getColumnCount();
        for (int i = 0; i < ncol; i++) {
            ColumnInfo c = table.getColumnInfo(i);
            g.writeStartObject();
            g.writeStringField("name", c.getName());
            field(g, "unit", c.getUnitString());
            field(g, "ucd", c.getUCD());
            field(g, "utype", c.getUtype());
            field(g, "xtype", c.getXtype());
            field(g, "description", c.getDescription());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("data");
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                g.writeStartArray();
                for (int i = 0; i < ncol; i++) {
                    value(g, rows.getCell(i));
                }
                g.writeEndArray();
            }
        }
        g.writeEndArray();
        g.writeBooleanField("overflow", overflowed.getAsBoolean());
        g.writeEndObject();
        g.flush();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(f);
            }
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                value(g, Array.get(v, i));
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
