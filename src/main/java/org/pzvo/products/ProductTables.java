// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.MetadataWriter;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.ingest.CatalogIngest;
import org.pzvo.ingest.CatalogPreview;
import org.pzvo.ingest.IngestException;
import org.pzvo.ingest.IngestedSchemas;

/**
 * The TAP table of a product: its metadata (the detected columns with the owner's annotations and
 * the product's access keys as {@code groups}), its load through {@link CatalogIngest} (atomic:
 * table, HEALPix index when it has a position, TAP_SCHEMA rows and the YAML under
 * {@code <data>/tap-schema/}), later metadata changes, and its removal. Not thread-safe: the
 * caller ({@link ProductService}) serialises changes.
 */
final class ProductTables {
    private final Engine engine;
    private final Metadata projectMetadata;
    private final Path projectTapSchema;
    private final Path dataDir;
    private final IngestedSchemas ingested;

    ProductTables(Engine engine, Metadata projectMetadata, Path projectTapSchema, Path dataDir) {
        this.engine = engine;
        this.projectMetadata = projectMetadata;
        this.projectTapSchema = projectTapSchema;
        this.dataDir = dataDir;
        this.ingested = new IngestedSchemas(dataDir);
    }

    /** The published metadata now: the project's schemas and every ingested one. */
    Metadata metadata() throws IOException {
        return IngestedSchemas.union(projectTapSchema, dataDir);
    }

    /**
     * The table metadata of {@code p} from its file and annotations.
     *
     * @throws ProductException if the annotations name no usable position or the file cannot be read
     */
    TableMeta plan(ProductEntry p, Path file, List<ProductColumn> columns) throws ProductException, IOException {
        String ra = aliased(columns, "ra", "pos.eq.ra");
        String dec = aliased(columns, "dec", "pos.eq.dec");
        if ((ra == null) != (dec == null)) {
            throw ProductException.bad("Product " + p.id() + ": column " + (ra == null ? dec : ra) + " is annotated as "
                    + (ra == null ? "dec" : "ra") + " but no column as " + (ra == null ? "ra" : "dec")
                    + "; annotate both (alias ra and dec, or UCDs pos.eq.ra;meta.main and pos.eq.dec;meta.main)");
        }
        for (String position : ra == null ? List.<String>of() : List.of(ra, dec)) {
            boolean text = columns.stream().anyMatch(c -> c.name().equals(position) && c.datatype().startsWith("char"));
            String why = text ? textPosition(file, position) : null;
            if (why != null) {
                throw ProductException.bad(why);
            }
        }
        TableMeta inferred;
        try {
            inferred = CatalogPreview.inspect(file, p.schema(), p.name(), ra, dec, 0, Long.MAX_VALUE).table();
        } catch (IngestException e) {
            throw ProductException.bad(e.getMessage());
        }
        List<ColumnMeta> out = new ArrayList<>();
        Optional<PositionMeta> position = inferred.position();
        for (ColumnMeta c : inferred.columns()) {
            ProductColumn a = columns.stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
            if (a == null) {
                out.add(c);
                continue;
            }
            String ucd = a.ucd() != null ? a.ucd() : c.ucd();
            String unit = a.unit() != null ? a.unit() : c.unit();
            String description = a.alias() == null ? a.description() : a.description() + " (role: " + a.alias() + ")";
            out.add(new ColumnMeta(c.name(), c.datatype(), c.arraysize(), c.xtype(), unit, ucd, c.utype(), description,
                    c.principal() || a.alias() != null, c.indexed(), c.std(), c.nullable()));
        }
        String description = p.type().label().substring(0, 1).toUpperCase(Locale.ROOT) + p.type().label().substring(1)
                + " '" + p.name() + "' published by " + p.owner() + (p.release() == null ? "" : " for " + p.release())
                + (p.description().isBlank() ? "." : ": " + p.description());
        return new TableMeta(p.schema(), p.name(), "table", description, null, out, List.of(), position,
                List.copyOf(p.keys()), List.of());
    }

    private static String textPosition(Path file, String column) throws ProductException, IOException {
        try {
            return CatalogPreview.firstNonNumeric(file, column);
        } catch (IngestException e) {
            throw ProductException.bad(e.getMessage());
        }
    }

    /**
     * Loads the table from {@code file}, replacing the one already published when {@code replace}.
     *
     * @return rows loaded
     */
    long load(Connection c, TableMeta table, Path file, boolean replace) throws ProductException, IOException,
            SQLException {
        Path yaml = Files.createDirectories(dataDir.resolve("tmp")).resolve(table.qualifiedName() + ".yaml");
        Files.writeString(yaml, MetadataWriter.toYaml(new SchemaMeta(table.schema(), "Products published by a user.",
                null, 20, List.of(table), yaml.toString()), "Product metadata"));
        try {
            CatalogIngest.Report report = new CatalogIngest(c, engine, projectMetadata, dataDir).load(
                    new CatalogIngest.Request(file, table.qualifiedName(), null, null, yaml, replace),
                    (stage, done, total) -> { });
            return report.rows();
        } catch (IngestException e) {
            throw ProductException.bad(e.getMessage());
        } finally {
            Files.deleteIfExists(yaml);
        }
    }

    /** Rewrites the metadata of a published table (annotations, access) and its TAP_SCHEMA rows. */
    void update(Connection c, TableMeta table) throws IOException, SQLException {
        ingested.replace(table);
        SchemaInstaller.writeTapSchema(c, metadata());
    }

    /** Drops the table, its TAP_SCHEMA rows and its YAML (and the schema when it was the last table). */
    void drop(Connection c, String schema, String name) throws IOException, SQLException {
        String qualified = schema + "." + name;
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + SqlNames.table(schema, name));
        }
        String ts = SqlNames.quote(SchemaInstaller.TAP_SCHEMA) + ".";
        for (String sql : List.of("DELETE FROM " + ts + "\"columns\" WHERE \"table_name\" = ?",
                "DELETE FROM " + ts + "\"tables\" WHERE \"table_name\" = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, qualified);
                ps.executeUpdate();
            }
        }
        ingested.remove(schema, name);
        if (metadata().schema(schema).isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ts + "\"schemas\" WHERE \"schema_name\" = ?")) {
                ps.setString(1, schema);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + SqlNames.quote(schema) + " RESTRICT");
            }
        } else {
            SchemaInstaller.writeTapSchema(c, metadata());
        }
    }

    /** The column playing {@code alias}: annotated with that alias, else with that UCD and meta.main, else that UCD. */
    static String aliased(List<ProductColumn> columns, String alias, String ucd) {
        for (ProductColumn c : columns) {
            if (alias.equalsIgnoreCase(c.alias())) {
                return c.name();
            }
        }
        String any = null;
        for (ProductColumn c : columns) {
            List<String> words = c.ucd() == null ? List.of() : List.of(c.ucd().toLowerCase(Locale.ROOT).split(";"));
            if (words.contains(ucd)) {
                if (words.contains("meta.main")) {
                    return c.name();
                }
                any = any == null ? c.name() : any;
            }
        }
        return any;
    }
}
