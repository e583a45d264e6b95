// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SchemaMeta} as a tap-schema YAML file in the format {@link Metadata} reads
 * (see its class Javadoc), so that {@code Metadata.readSchemaFile(write(s))} equals {@code s}
 * (except {@code source}). Used by {@code pzvo ingest} to persist the metadata of ingested
 * tables in {@code <dataDir>/tap-schema/<schema>.yaml}. Flags are written only when they differ
 * from their defaults; the output is deterministic.
 */
public final class MetadataWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private MetadataWriter() {
    }

    /** The YAML text of one schema, headed by a comment line. */
    public static String toYaml(SchemaMeta schema, String headerComment) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", schema.name());
        root.put("index", schema.index());
        root.put("description", schema.description());
        putIf(root, "utype", schema.utype());
        List<Object> tables = new ArrayList<>();
        for (TableMeta t : schema.tables()) {
            tables.add(table(t));
        }
        root.put("tables", tables);
        try {
            return "# " + headerComment + "\n" + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise metadata of schema " + schema.name(), e);
        }
    }

    private static Map<String, Object> table(TableMeta t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("type", t.type());
        m.put("description", t.description());
        putIf(m, "utype", t.utype());
        if (!t.primaryKey().isEmpty()) {
            m.put("primary_key", t.primaryKey());
        }
        t.position().ifPresent(p -> {
            Map<String, Object> pos = new LinkedHashMap<>();
            pos.put("ra", p.ra());
            pos.put("dec", p.dec());
            pos.put("healpix", p.healpix());
            if (p.partitions() > 0) {
                pos.put("partitions", p.partitions());
            }
            m.put("position", pos);
        });
        if (!t.groups().isEmpty()) {
            m.put("groups", t.groups());
        }
        List<Object> columns = new ArrayList<>();
        for (ColumnMeta c : t.columns()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("datatype", c.datatype());
            putIf(cm, "arraysize", c.arraysize());
            putIf(cm, "xtype", c.xtype());
            putIf(cm, "unit", c.unit());
            putIf(cm, "ucd", c.ucd());
            putIf(cm, "utype", c.utype());
            cm.put("description", c.description());
            if (c.principal()) {
                cm.put("principal", true);
            }
            if (c.indexed()) {
                cm.put("indexed", true);
            }
            if (c.std()) {
                cm.put("std", true);
            }
            if (!c.nullable()) {
                cm.put("nullable", false);
            }
            columns.add(cm);
        }
        m.put("columns", columns);
        if (!t.foreignKeys().isEmpty()) {
            List<Object> keys = new ArrayList<>();
            for (ForeignKeyMeta k : t.foreignKeys()) {
                Map<String, Object> km = new LinkedHashMap<>();
                km.put("key_id", k.keyId());
                km.put("target", k.targetTable());
                km.put("columns", k.fromColumns());
                km.put("target_columns", k.targetColumns());
                putIf(km, "description", k.description());
                putIf(km, "utype", k.utype());
                keys.add(km);
            }
            m.put("foreign_keys", keys);
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
