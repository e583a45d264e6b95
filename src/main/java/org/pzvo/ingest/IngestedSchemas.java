// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pzvo.db.Metadata;
import org.pzvo.db.MetadataException;
import org.pzvo.db.MetadataWriter;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.TableMeta;

/**
 * The published metadata of ingested tables, kept as tap-schema YAML in
 * {@code <dataDir>/tap-schema/<schema>.yaml} (one file per schema, the format of the project's
 * {@code tap-schema/}). The server's metadata is the union of both directories
 * ({@link #union}, {@link Metadata#load(List)}).
 */
public final class IngestedSchemas {
    /** Index given to schemas created by an ingest: listed after the project's schemas. */
    static final int INGESTED_SCHEMA_INDEX = 10;

    private final Path dir;

    public IngestedSchemas(Path dataDir) {
        this.dir = dataDir.resolve("tap-schema");
    }

    /** {@code <dataDir>/tap-schema}. */
    public Path directory() {
        return dir;
    }

    /** The schemas ingested so far, sorted by file name; empty when the directory is absent. */
    public List<SchemaMeta> schemas() throws IOException {
        List<SchemaMeta> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var listing = Files.list(dir)) {
            for (Path f : listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Metadata.readSchemaFile(f));
            }
        }
        return out;
    }

    /**
     * The server's metadata: the project's schemas and the ingested ones, merged by schema name.
     *
     * @throws MetadataException if both define the same table (the message names both files)
     */
    public static Metadata union(Path projectTapSchema, Path dataDir) throws IOException {
        return Metadata.load(List.of(projectTapSchema, dataDir.resolve("tap-schema")));
    }

    /** The ingested schema of this name, if any. */
    Optional<SchemaMeta> schema(String name) throws IOException {
        Path f = file(name);
        return Files.isRegularFile(f) ? Optional.of(Metadata.readSchemaFile(f)) : Optional.empty();
    }

    /** The ingested schema {@code table.schema()} with {@code table} added, or replacing its namesake. */
    SchemaMeta with(TableMeta table) throws IOException {
        Optional<SchemaMeta> old = schema(table.schema());
        List<TableMeta> tables = new ArrayList<>();
        old.ifPresent(s -> s.tables().stream().filter(t -> !t.name().equals(table.name())).forEach(tables::add));
        tables.add(table);
        return new SchemaMeta(table.schema(), old.map(SchemaMeta::description)
                .orElse("Tables loaded with pzvo ingest."), old.map(SchemaMeta::utype).orElse(null),
                old.map(SchemaMeta::index).orElse(INGESTED_SCHEMA_INDEX), tables, file(table.schema()).toString());
    }

    /** Writes the schema to a temporary file next to its final place; {@link #commit} moves it. */
    Path prepare(SchemaMeta schema) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + schema.name() + ".yaml.tmp");
        Files.writeString(tmp, MetadataWriter.toYaml(schema, "Metadata of tables loaded with pzvo ingest;"
                + " edit descriptions, units and UCDs here, then restart the server."));
        return tmp;
    }

    /** Moves a prepared file into place atomically. */
    void commit(Path prepared, String schemaName) throws IOException {
        Files.move(prepared, file(schemaName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String schemaName) {
        return dir.resolve(schemaName + ".yaml");
    }

    /**
     * Replaces the metadata of an already loaded table (new annotations or access groups; same
     * columns), written atomically. The caller republishes TAP_SCHEMA if descriptions changed.
     */
    public void replace(TableMeta table) throws IOException {
        SchemaMeta schema = with(table);
        commit(prepare(schema), schema.name());
    }

    /**
     * Removes a table from its ingested schema file (the file goes when it was the last table);
     * the table itself is the caller's to drop.
     *
     * @return whether the table was there
     */
    public boolean remove(String schemaName, String tableName) throws IOException {
        Optional<SchemaMeta> old = schema(schemaName);
        if (old.isEmpty() || old.get().tables().stream().noneMatch(t -> t.name().equals(tableName))) {
            return false;
        }
        List<TableMeta> rest = old.get().tables().stream().filter(t -> !t.name().equals(tableName)).toList();
        if (rest.isEmpty()) {
            Files.delete(file(schemaName));
            return true;
        }
        SchemaMeta s = old.get();
        commit(prepare(new SchemaMeta(s.name(), s.description(), s.utype(), s.index(), rest, s.source())), s.name());
        return true;
    }
}
