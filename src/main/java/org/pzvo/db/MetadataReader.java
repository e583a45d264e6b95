// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one tap-schema YAML file into a {@link SchemaMeta} and checks it, with messages that
 * name the file, table and column ({@link MetadataException}). Package-private: use
 * {@link Metadata#load}.
 */
final class MetadataReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ARRAYSIZE = Pattern.compile("[1-9][0-9]*\\*?|\\*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> SCHEMA_KEYS = Set.of("schema", "index", "description", "utype", "tables");
    private static final Set<String> TABLE_KEYS = Set.of("name", "type", "description", "utype", "primary_key",
            "position", "groups", "columns", "foreign_keys");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "datatype", "arraysize", "xtype", "unit", "ucd",
            "utype", "description", "principal", "indexed", "std", "nullable");
    private static final Set<String> POSITION_KEYS = Set.of("ra", "dec", "healpix", "partitions");
    private static final Set<String> KEY_KEYS = Set.of("key_id", "target", "columns", "target_columns",
            "description", "utype");

    private MetadataReader() {
    }

    /** Parses and checks one file; {@code fileName} is used in messages and must be {@code <schema>.yaml}. */
    static SchemaMeta readSchema(String fileName, String yamlText) {
        return readSchema(fileName, yamlText, true);
    }

    /**
     * Parses and checks one file; when {@code checkFileName} is false the file may have any name
     * (a user's metadata file given to {@code pzvo ingest}).
     */
    static SchemaMeta readSchema(String fileName, String yamlText, boolean checkFileName) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new MetadataException(fileName + ": " + where + "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MetadataException(fileName + ": expected a YAML mapping with schema, description and tables");
        }
        String ctx = fileName;
        checkKeys(ctx, root, SCHEMA_KEYS);
        String schema = name(ctx, root, "schema");
        ctx = fileName + ": schema " + schema;
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String stem = base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
        if (checkFileName && !stem.equalsIgnoreCase(schema)) {
            throw new MetadataException(ctx + ": expected the file to be named " + schema.toLowerCase() + ".yaml");
        }
        int index = integer(ctx, root, "index", 0);
        String description = requiredText(ctx, root, "description");
        String utype = optionalText(ctx, root, "utype");
        JsonNode tablesNode = list(ctx, root, "tables", true);
        List<TableMeta> tables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode t : tablesNode) {
            TableMeta table = readTable(fileName, schema, t);
            if (!seen.add(Metadata.fold(table.name()))) {
                throw new MetadataException(fileName + ": table " + table.name() + ": duplicate table name"
                        + " (names are compared case-insensitively, ADQL 2.1 §2.1.3)");
            }
            tables.add(table);
        }
        return new SchemaMeta(schema, description, utype, index, tables, fileName);
    }

    private static TableMeta readTable(String fileName, String schema, JsonNode node) {
        if (!node.isObject()) {
            throw new MetadataException(fileName + ": expected each entry of tables to be a mapping, actual " + node);
        }
        String name = name(fileName, node, "name");
        String ctx = fileName + ": table " + name;
        checkKeys(ctx, node, TABLE_KEYS);
        String type = node.has("type") ? requiredText(ctx, node, "type") : "table";
        if (!type.equals("table") && !type.equals("view")) {
            throw new MetadataException(ctx + ": unknown type '" + type + "'; expected table or view");
        }
        String description = requiredText(ctx, node, "description");
        String utype = optionalText(ctx, node, "utype");
        List<ColumnMeta> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : list(ctx, node, "columns", true)) {
            ColumnMeta column = readColumn(ctx, c);
            if (!seen.add(Metadata.fold(column.name()))) {
                throw new MetadataException(ctx + ", column " + column.name() + ": duplicate column name"
                        + " (names are compared case-insensitively, ADQL 2.1 §2.1.3)");
            }
            columns.add(column);
        }
        Map<String, ColumnMeta> byName = new HashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<String> primaryKey = strings(ctx, node, "primary_key");
        for (String pk : primaryKey) {
            ColumnMeta c = requireColumn(ctx + ", primary_key", byName, pk);
            if (c.nullable()) {
                throw new MetadataException(ctx + ", column " + pk + ": a primary-key column must have nullable: false");
            }
        }
        Optional<PositionMeta> position = Optional.empty();
        if (node.has("position")) {
            position = Optional.of(readPosition(ctx, node.get("position"), byName));
        }
        List<String> groups = strings(ctx, node, "groups");
        List<ForeignKeyMeta> keys = new ArrayList<>();
        for (JsonNode k : list(ctx, node, "foreign_keys", false)) {
            keys.add(readKey(ctx, schema + "." + name, k, byName));
        }
        return new TableMeta(schema, name, type, description, utype, columns, primaryKey, position, groups, keys);
    }

    private static ColumnMeta readColumn(String tableCtx, JsonNode node) {
        if (!node.isObject()) {
            throw new MetadataException(tableCtx + ": expected each entry of columns to be a mapping, actual " + node);
        }
        String name = name(tableCtx, node, "name");
        String ctx = tableCtx + ", column " + name;
        checkKeys(ctx, node, COLUMN_KEYS);
        String datatype = requiredText(ctx, node, "datatype");
        if (!ColumnMeta.DATATYPES.contains(datatype)) {
            throw new MetadataException(ctx + ": unknown datatype '" + datatype
                    + "'; expected one of boolean, short, int, long, float, double, char, unicodeChar");
        }
        String arraysize = null;
        if (node.hasNonNull("arraysize")) {
            JsonNode a = node.get("arraysize");
            arraysize = a.isIntegralNumber() ? a.asText() : a.isTextual() ? a.textValue() : null;
            if (arraysize == null || !ARRAYSIZE.matcher(arraysize).matches()) {
                throw new MetadataException(ctx + ": invalid arraysize '" + a.asText()
                        + "'; expected a positive number n, n* or * (VOTable 1.4 §2.2)");
            }
        }
        String xtype = optionalText(ctx, node, "xtype");
        if ("timestamp".equals(xtype) && !datatype.equals("char")) {
            throw new MetadataException(ctx + ": xtype timestamp needs datatype char (DALI 1.1 §3.3.3), actual " + datatype);
        }
        if (ColumnMeta.REGION_XTYPE.equalsIgnoreCase(xtype) && !(datatype.equals("char") && "*".equals(arraysize))) {
            throw new MetadataException(ctx + ": xtype adql:REGION needs datatype char and arraysize * (STC-S text),"
                    + " actual " + datatype + (arraysize == null ? "" : "[" + arraysize + "]"));
        }
        return new ColumnMeta(name, datatype, arraysize, xtype, optionalText(ctx, node, "unit"),
                optionalText(ctx, node, "ucd"), optionalText(ctx, node, "utype"), requiredText(ctx, node, "description"),
                flag(ctx, node, "principal", false), flag(ctx, node, "indexed", false), flag(ctx, node, "std", false),
                flag(ctx, node, "nullable", true));
    }

    private static PositionMeta readPosition(String ctx, JsonNode node, Map<String, ColumnMeta> columns) {
        String pctx = ctx + ", position";
        if (!node.isObject()) {
            throw new MetadataException(pctx + ": expected a mapping {ra: ..., dec: ..., healpix: ...}");
        }
        checkKeys(pctx, node, POSITION_KEYS);
        int partitions = integer(pctx, node, "partitions", 0);
        if (partitions != 0 && (partitions < PositionMeta.MIN_PARTITIONS || partitions > PositionMeta.MAX_PARTITIONS)) {
            throw new MetadataException(pctx + ": expected partitions to be 0 (none) or " + PositionMeta.MIN_PARTITIONS
                    + " to " + PositionMeta.MAX_PARTITIONS + ", actual " + partitions);
        }
        PositionMeta p = new PositionMeta(name(pctx, node, "ra"), name(pctx, node, "dec"), name(pctx, node, "healpix"),
                partitions);
        requireType(pctx, requireColumn(pctx, columns, p.ra()), "double");
        requireType(pctx, requireColumn(pctx, columns, p.dec()), "double");
        requireType(pctx, requireColumn(pctx, columns, p.healpix()), "long");
        return p;
    }

    private static ForeignKeyMeta readKey(String ctx, String fromTable, JsonNode node, Map<String, ColumnMeta> columns) {
        if (!node.isObject()) {
            throw new MetadataException(ctx + ": expected each entry of foreign_keys to be a mapping, actual " + node);
        }
        String keyId = requiredText(ctx + ", foreign key", node, "key_id");
        String kctx = ctx + ", foreign key " + keyId;
        checkKeys(kctx, node, KEY_KEYS);
        String target = requiredText(kctx, node, "target");
        if (target.indexOf('.') <= 0) {
            throw new MetadataException(kctx + ": expected target as schema.table, actual '" + target + "'");
        }
        List<String> from = strings(kctx, node, "columns");
        List<String> to = strings(kctx, node, "target_columns");
        if (from.isEmpty() || from.size() != to.size()) {
            throw new MetadataException(kctx + ": expected as many target_columns as columns (at least one), actual "
                    + from.size() + " and " + to.size());
        }
        for (String c : from) {
            requireColumn(kctx, columns, c);
        }
        return new ForeignKeyMeta(keyId, fromTable, target, from, to, optionalText(kctx, node, "description"),
                optionalText(kctx, node, "utype"));
    }

    /** Checks what one file cannot: unique schema names and key ids, and foreign-key targets. */
    static void checkAcrossSchemas(List<SchemaMeta> schemas) {
        Map<String, SchemaMeta> byName = new HashMap<>();
        Map<String, TableMeta> tables = new HashMap<>();
        for (SchemaMeta s : schemas) {
            SchemaMeta previous = byName.put(Metadata.fold(s.name()), s);
            if (previous != null) {
                throw new MetadataException(s.source() + ": schema " + s.name() + ": duplicate schema name, also in "
                        + previous.source());
            }
            s.tables().forEach(t -> tables.put(t.qualifiedName(), t));
        }
        Map<String, String> keyIds = new HashMap<>();
        for (SchemaMeta s : schemas) {
            for (TableMeta t : s.tables()) {
                for (ForeignKeyMeta k : t.foreignKeys()) {
                    String kctx = s.source() + ": table " + t.name() + ", foreign key " + k.keyId();
                    String other = keyIds.put(k.keyId(), s.source());
                    if (other != null) {
                        throw new MetadataException(kctx + ": duplicate key_id, also in " + other);
                    }
                    TableMeta target = tables.get(k.targetTable());
                    if (target == null) {
                        throw new MetadataException(kctx + ": unknown target table " + k.targetTable());
                    }
                    for (int i = 0; i < k.fromColumns().size(); i++) {
                        ColumnMeta from = t.column(k.fromColumns().get(i)).orElseThrow();
                        String toName = k.targetColumns().get(i);
                        ColumnMeta to = target.column(toName).orElseThrow(() -> new MetadataException(kctx
                                + ": unknown column " + toName + " in target table " + k.targetTable()));
                        if (!from.datatype().equals(to.datatype())) {
                            throw new MetadataException(kctx + ": column " + from.name() + " is " + from.datatype()
                                    + " but " + k.targetTable() + "." + toName + " is " + to.datatype());
                        }
                    }
                }
            }
        }
    }

    private static void checkKeys(String ctx, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new MetadataException(ctx + ": unknown key '" + key + "'; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static ColumnMeta requireColumn(String ctx, Map<String, ColumnMeta> columns, String name) {
        ColumnMeta c = columns.get(name);
        if (c == null) {
            throw new MetadataException(ctx + ": unknown column " + name);
        }
        return c;
    }

    private static void requireType(String ctx, ColumnMeta c, String datatype) {
        if (!c.datatype().equals(datatype) || c.arraysize() != null) {
            throw new MetadataException(ctx + ": column " + c.name() + " must be a scalar " + datatype + ", actual "
                    + c.datatype() + (c.arraysize() == null ? "" : "[" + c.arraysize() + "]"));
        }
    }

    private static String name(String ctx, JsonNode node, String key) {
        String value = requiredText(ctx, node, key);
        if (!NAME.matcher(value).matches()) {
            throw new MetadataException(ctx + ": invalid " + key + " '" + value
                    + "'; expected letters, digits and underscores, not starting with a digit");
        }
        return value;
    }

    private static String requiredText(String ctx, JsonNode node, String key) {
        String value = optionalText(ctx, node, key);
        if (value == null || value.isBlank()) {
            throw new MetadataException(ctx + ": missing " + key);
        }
        return value;
    }

    private static String optionalText(String ctx, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MetadataException(ctx + ": expected " + key + " to be a string, actual " + v);
        }
        String text = v.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    private static int integer(String ctx, JsonNode node, String key, int defaultValue) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isInt()) {
            throw new MetadataException(ctx + ": expected " + key + " to be an integer, actual " + v);
        }
        return v.intValue();
    }

    private static boolean flag(String ctx, JsonNode node, String key, boolean defaultValue) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw new MetadataException(ctx + ": expected " + key + " to be true or false, actual " + v);
        }
        return v.booleanValue();
    }

    private static JsonNode list(String ctx, JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new MetadataException(ctx + ": missing " + key);
            }
            return YAML.createArrayNode();
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            throw new MetadataException(ctx + ": expected " + key + " to be a " + (required ? "non-empty " : "")
                    + "list, actual " + v);
        }
        return v;
    }

    private static List<String> strings(String ctx, JsonNode node, String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : list(ctx, node, key, false)) {
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new MetadataException(ctx + ": expected " + key + " to be a list of names, actual " + v);
            }
            values.add(v.textValue());
        }
        return values;
    }
}
