// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The union of the project's tap-schema/ and a data directory's, and the YAML writer. */
class MetadataUnionTest {
    @TempDir
    Path dir;

    private static final String USER = """
        schema: user
        description: User tables.
        tables:
          - name: cat
            description: A catalog.
            columns:
              - {name: id, datatype: long, description: Identifier.}
        """;

    @Test
    void unionAddsDataDirectorySchemasAndSkipsAMissingDirectory() throws IOException {
        Files.writeString(dir.resolve("user.yaml"), USER);
        Metadata m = Metadata.load(List.of(MetadataTest.TAP_SCHEMA_DIR, dir, dir.resolve("absent")));
        assertEquals("A catalog.", m.requireTable("user.cat").description());
        assertEquals(Metadata.load(MetadataTest.TAP_SCHEMA_DIR).tables().size() + 1, m.tables().size());
    }

    @Test
    void aTableInAProjectSchemaIsMergedIntoIt() throws IOException {
        Files.writeString(dir.resolve("lsst.yaml"), USER.replace("schema: user", "schema: lsst"));
        Metadata m = Metadata.load(List.of(MetadataTest.TAP_SCHEMA_DIR, dir));
        SchemaMeta lsst = m.schema("lsst").orElseThrow();
        assertEquals(List.of("object", "cat"), lsst.tables().stream().map(TableMeta::name).toList());
        assertEquals(Metadata.load(MetadataTest.TAP_SCHEMA_DIR).schema("lsst").orElseThrow().description(),
                lsst.description());
    }

    @Test
    void aTableDefinedTwiceIsAClearError() throws IOException {
        Files.writeString(dir.resolve("lsst.yaml"), USER.replace("schema: user", "schema: lsst")
                .replace("name: cat", "name: Object"));
        MetadataException e = assertThrows(MetadataException.class,
                () -> Metadata.load(List.of(MetadataTest.TAP_SCHEMA_DIR, dir)));
        assertEquals(dir.resolve("lsst.yaml") + ": table Object: already defined in tap-schema/lsst.yaml;"
                + " a table may be defined only once", e.getMessage());
    }

    @Test
    void writtenYamlReadsBackEqual() throws IOException {
        Metadata project = Metadata.load(MetadataTest.TAP_SCHEMA_DIR);
        for (SchemaMeta s : project.schemas()) {
            Path f = dir.resolve(s.name() + ".yaml");
            Files.writeString(f, MetadataWriter.toYaml(s, "test"));
            SchemaMeta back = Metadata.readSchemaFile(f);
            assertEquals(new SchemaMeta(s.name(), s.description(), s.utype(), s.index(), s.tables(), f.toString()), back);
        }
    }

    @Test
    void aUserMetadataFileMayHaveAnyName() throws IOException {
        Path f = dir.resolve("my-description.yaml");
        Files.writeString(f, USER);
        assertEquals("user", Metadata.readSchemaFile(f).name());
    }
}
