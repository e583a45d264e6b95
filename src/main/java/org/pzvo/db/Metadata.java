// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published table metadata: every schema, table, column and foreign key, read from the
 * {@code tap-schema/*.yaml} files (one file per schema, DESIGN.md "Metadata"). This is the single
 * source of the DDL ({@link SchemaInstaller}), of TAP_SCHEMA, of {@code /tap/tables} and of the
 * ADQL checker's catalog.
 *
 * <p>Immutable and thread-safe. Schemas are ordered by their {@code index}, tables and columns by
 * their order in the file.
 *
 * <h2>YAML format</h2>
 * <pre>
 * schema: lsst                 # exact schema name; the file is named after it (lsst.yaml)
 * index: 0                     # TAP_SCHEMA.schemas.schema_index (optional, default 0)
 * description: ...             # required
 * utype: ...                   # optional
 * tables:
 *   - name: object             # exact table name
 *     type: table              # table | view (default table)
 *     description: ...         # required
 *     primary_key: [objectId]  # optional
 *     position: {ra: coord_ra, dec: coord_dec, healpix: hpx29}   # optional; partitions: N (PostgreSQL)
 *     groups: [rubin]          # optional: only members of these groups see the table
 *     columns:
 *       - name: objectId
 *         datatype: long       # boolean short int long float double char unicodeChar
 *         arraysize: "301"     # optional: n, n* or *; for char/unicodeChar the string length
 *         xtype: timestamp     # optional DALI xtype
 *         unit: nJy            # optional VOUnit
 *         ucd: meta.id;meta.main
 *         utype: ...           # optional
 *         description: ...     # required
 *         principal: true      # flags default to false, nullable to true
 *         indexed: true
 *         std: false
 *         nullable: false
 *     foreign_keys:
 *       - key_id: pz.photoz.object     # unique over all files
 *         target: lsst.object
 *         columns: [object_id]
 *         target_columns: [objectId]
 *         description: ...
 * </pre>
 */
public final class Metadata {
    private final List<SchemaMeta> schemas;
    private final Map<String, TableMeta> tablesByName;

    private Metadata(List<SchemaMeta> schemas) {
        this.schemas = List.copyOf(schemas);
        this.tablesByName = this.schemas.stream().flatMap(s -> s.tables().stream())
                .collect(Collectors.toUnmodifiableMap(TableMeta::qualifiedName, Function.identity()));
    }

    /**
     * Reads and validates every {@code *.yaml} file of a directory.
     *
     * @throws IOException       if the directory or a file cannot be read
     * @throws MetadataException if the content is invalid; the message names file, table, column
     */
    public static Metadata load(Path tapSchemaDir) throws IOException {
        if (!Files.isDirectory(tapSchemaDir)) {
            throw new IOException("Expected a directory of tap-schema YAML files, actual " + tapSchemaDir.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(tapSchemaDir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new MetadataException(tapSchemaDir + ": no *.yaml file found");
        }
        List<SchemaMeta> schemas = new ArrayList<>();
        for (Path file : files) {
            schemas.add(MetadataReader.readSchema(file.getFileName().toString(), Files.readString(file)));
        }
        return of(schemas);
    }

    /**
     * The union of several tap-schema directories, e.g. the project's {@code tap-schema/} and
     * {@code <dataDir>/tap-schema/} written by {@code pzvo ingest}. A directory that does not
     * exist is skipped (a data directory before its first ingest). Schemas of the same name are
     * merged: the first directory gives the description, utype and index, the tables are
     * concatenated in directory order.
     *
     * @throws IOException       if a file cannot be read, or no directory holds a YAML file
     * @throws MetadataException if a file is invalid or two files define the same table; the
     *                           message names both files
     */
    public static Metadata load(List<Path> tapSchemaDirs) throws IOException {
        List<SchemaMeta> schemas = new ArrayList<>();
        for (Path dir : tapSchemaDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    schemas.add(MetadataReader.readSchema(file.toString(), Files.readString(file)));
                }
            }
        }
        if (schemas.isEmpty()) {
            throw new IOException("Expected tap-schema YAML files in " + tapSchemaDirs + ", actual none");
        }
        return merged(schemas);
    }

    /**
     * Reads one schema file of any name (a user's metadata file); the message of a
     * {@link MetadataException} names the file.
     */
    public static SchemaMeta readSchemaFile(Path file) throws IOException {
        return MetadataReader.readSchema(file.toString(), Files.readString(file), false);
    }

    /**
     * Like {@link #of}, after merging schemas of the same name (first one's description, utype
     * and index; tables concatenated).
     *
     * @throws MetadataException if two schemas of the same name define the same table
     *                           (case-insensitively, ADQL 2.1 §2.1.3), naming both files
     */
    public static Metadata merged(List<SchemaMeta> schemas) {
        Map<String, SchemaMeta> byName = new java.util.LinkedHashMap<>();
        for (SchemaMeta s : schemas) {
            SchemaMeta first = byName.get(fold(s.name()));
            if (first == null) {
                byName.put(fold(s.name()), s);
                continue;
            }
            List<TableMeta> tables = new ArrayList<>(first.tables());
            for (TableMeta t : s.tables()) {
                boolean clash = first.tables().stream().anyMatch(o -> fold(o.name()).equals(fold(t.name())));
                if (clash) {
                    throw new MetadataException(s.source() + ": table " + t.name() + ": already defined in "
                            + first.source() + "; a table may be defined only once");
                }
                tables.add(new TableMeta(first.name(), t.name(), t.type(), t.description(), t.utype(), t.columns(),
                        t.primaryKey(), t.position(), t.groups(), t.foreignKeys().stream()
                        .map(k -> new ForeignKeyMeta(k.keyId(), first.name() + "." + t.name(), k.targetTable(),
                                k.fromColumns(), k.targetColumns(), k.description(), k.utype())).toList()));
            }
            byName.put(fold(s.name()), new SchemaMeta(first.name(), first.description(), first.utype(), first.index(),
                    tables, first.source()));
        }
        return of(new ArrayList<>(byName.values()));
    }

    /**
     * Validates the cross references between schemas (duplicate names, foreign-key targets) and
     * builds the metadata.
     *
     * @throws MetadataException if they are inconsistent
     */
    public static Metadata of(List<SchemaMeta> schemas) {
        MetadataReader.checkAcrossSchemas(schemas);
        List<SchemaMeta> sorted = new ArrayList<>(schemas);
        sorted.sort(Comparator.comparingInt(SchemaMeta::index).thenComparing(SchemaMeta::name));
        return new Metadata(sorted);
    }

    /** The schemas, by schema_index then name. */
    public List<SchemaMeta> schemas() {
        return schemas;
    }

    /** Every table of every schema, in listing order. */
    public List<TableMeta> tables() {
        return schemas.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /** Every foreign key of every table. */
    public List<ForeignKeyMeta> foreignKeys() {
        return tables().stream().flatMap(t -> t.foreignKeys().stream()).toList();
    }

    /** The schema with exactly this name. */
    public Optional<SchemaMeta> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The table with exactly this qualified name ({@code schema.table}). */
    public Optional<TableMeta> table(String qualifiedName) {
        return Optional.ofNullable(tablesByName.get(qualifiedName));
    }

    /** The table with exactly these schema and table names. */
    public Optional<TableMeta> table(String schema, String name) {
        return table(schema + "." + name);
    }

    /** The table, or an IllegalArgumentException naming it. */
    public TableMeta requireTable(String qualifiedName) {
        return table(qualifiedName).orElseThrow(() -> new IllegalArgumentException(
                "Expected a table known to the metadata, actual " + qualifiedName));
    }

    /** A lower-case key for case-insensitive duplicate detection (ADQL 2.1 §2.1.3). */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
