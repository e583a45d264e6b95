// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataTest {
    static final Path TAP_SCHEMA_DIR = Path.of("tap-schema");

    @TempDir
    Path dir;

    @Test
    void projectMetadataLoadsWithEveryPublishedSchema() throws IOException {
        Metadata m = Metadata.load(TAP_SCHEMA_DIR);
        assertEquals(List.of("lsst", "pz", "spec", "maps", "ivoa", "TAP_SCHEMA"),
                m.schemas().stream().map(SchemaMeta::name).toList());
        assertEquals(List.of("lsst.object", "pz.photoz", "pz.run", "pz.nz", "pz.validation_metrics", "pz.products",
                "pz.product_files", "pz.product_columns", "pz.product_activity", "pz.product_used", "spec.specz",
                "spec.specz_private", "spec.training_set", "maps.map", "maps.map_pixel", "ivoa.obscore", "TAP_SCHEMA.schemas",
                "TAP_SCHEMA.tables",
                "TAP_SCHEMA.columns", "TAP_SCHEMA.keys", "TAP_SCHEMA.key_columns"),
                m.tables().stream().map(TableMeta::qualifiedName).toList());
        TableMeta object = m.requireTable("lsst.object");
        assertEquals(new PositionMeta("coord_ra", "coord_dec", "hpx29", 8), object.position().orElseThrow());
        assertEquals("nJy", object.column("r_cModelFlux").orElseThrow().unit());
        assertEquals("301", m.requireTable("pz.photoz").column("pdf").orElseThrow().arraysize());
        assertEquals("timestamp", m.requireTable("pz.run").column("created").orElseThrow().xtype());
        assertTrue(object.isIndexed(object.column("hpx29").orElseThrow()));
        assertEquals(List.of("pz-team"), m.requireTable("spec.specz_private").groups());
        assertTrue(m.tables().stream().filter(t -> !t.name().equals("specz_private")).allMatch(TableMeta::isPublic));
        assertEquals("\"size\"", m.requireTable("TAP_SCHEMA.columns").column("size").orElseThrow().adqlName());
    }

    @Test
    void projectForeignKeysAreTheDocumentedOnes() throws IOException {
        Metadata m = Metadata.load(TAP_SCHEMA_DIR);
        Set<String> keys = Set.copyOf(m.foreignKeys().stream()
                .map(k -> k.fromTable() + "->" + k.targetTable()).toList());
        assertTrue(keys.containsAll(Set.of("pz.photoz->lsst.object", "spec.training_set->lsst.object",
                "maps.map_pixel->maps.map", "pz.photoz->pz.run", "pz.nz->pz.run", "pz.validation_metrics->pz.run")),
                keys.toString());
    }

    @Test
    void everyProjectColumnHasDescriptionAndSaneUnitAndUcd() throws IOException {
        Pattern ucdWord = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*(;[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*)*");
        for (TableMeta t : Metadata.load(TAP_SCHEMA_DIR).tables()) {
            assertTrue(t.description().length() > 20, t.qualifiedName());
            for (ColumnMeta c : t.columns()) {
                String where = t.qualifiedName() + "." + c.name();
                assertTrue(c.description().length() > 10, where);
                assertTrue(c.ucd() != null && ucdWord.matcher(c.ucd()).matches(), where + " ucd " + c.ucd());
                assertTrue(c.unit() == null || Set.of("deg", "nJy", "mag", "arcsec", "deg**2", "kbyte", "byte", "d", "s", "m").contains(c.unit()),
                        where + " unit " + c.unit());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown datatype   | datatype: flaot               | x.yaml: table t, column c: unknown datatype 'flaot'; expected one of boolean, short, int, long, float, double, char, unicodeChar
        bad flag           | principal: maybe              | x.yaml: table t, column c: expected principal to be true or false, actual "maybe"
        bad arraysize      | arraysize: "0"                | x.yaml: table t, column c: invalid arraysize '0'; expected a positive number n, n* or * (VOTable 1.4 §2.2)
        unknown key        | nulable: false                | x.yaml: table t, column c: unknown key 'nulable'; expected one of arraysize, datatype, description, indexed, name, nullable, principal, std, ucd, unit, utype, xtype
        timestamp not char | xtype: timestamp              | x.yaml: table t, column c: xtype timestamp needs datatype char (DALI 1.1 §3.3.3), actual double
        region not text    | xtype: adql:REGION            | x.yaml: table t, column c: xtype adql:REGION needs datatype char and arraysize * (STC-S text), actual double
        """)
    void brokenColumnIsReportedWithFileTableAndColumn(String what, String extraLine, String message) throws IOException {
        String yaml = """
            schema: x
            description: test schema
            tables:
              - name: t
                description: test table
                columns:
                  - name: c
                    description: test column
                    datatype: double
            """;
        if (extraLine.startsWith("datatype")) {
            yaml = yaml.replace("datatype: double", extraLine);
        } else {
            yaml = yaml + "        " + extraLine + "\n";
        }
        assertEquals(message, loadError("x.yaml", yaml));
    }

    @Test
    void duplicateColumnDiffersOnlyInCase() throws IOException {
        String yaml = """
            schema: x
            description: test schema
            tables:
              - name: t
                description: test table
                columns:
                  - {name: objectId, datatype: long, description: one}
                  - {name: objectid, datatype: long, description: two}
            """;
        assertEquals("x.yaml: table t, column objectid: duplicate column name (names are compared"
                + " case-insensitively, ADQL 2.1 §2.1.3)", loadError("x.yaml", yaml));
    }

    @Test
    void foreignKeyToMissingColumnOfAnotherSchema() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
            schema: a
            description: target schema
            tables:
              - name: target
                description: target table
                columns:
                  - {name: id, datatype: long, description: the id, nullable: false}
            """);
        String yaml = """
            schema: b
            description: referencing schema
            tables:
              - name: source
                description: source table
                columns:
                  - {name: target_id, datatype: long, description: reference}
                foreign_keys:
                  - {key_id: b.source.target, target: a.target, columns: [target_id], target_columns: [ident]}
            """;
        assertEquals("b.yaml: table source, foreign key b.source.target: unknown column ident in target table a.target",
                loadError("b.yaml", yaml));
    }

    @Test
    void positionMustNameExistingColumnsOfTheRightType() throws IOException {
        String yaml = """
            schema: x
            description: test schema
            tables:
              - name: t
                description: test table
                position: {ra: ra, dec: dec, healpix: hpx}
                columns:
                  - {name: ra, datatype: double, description: right ascension}
                  - {name: dec, datatype: double, description: declination}
                  - {name: hpx, datatype: int, description: index}
            """;
        assertEquals("x.yaml: table t, position: column hpx must be a scalar long, actual int", loadError("x.yaml", yaml));
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() throws IOException {
        String message = loadError("x.yaml", "schema: x\ndescription: [unclosed\ntables: []\n");
        assertTrue(message.startsWith("x.yaml: line "), message);
        assertTrue(message.contains("not valid YAML"), message);
    }

    @Test
    void fileMustBeNamedAfterItsSchema() throws IOException {
        String yaml = "schema: other\ndescription: d\ntables:\n  - {name: t, description: d, columns: "
                + "[{name: c, datatype: int, description: d}]}\n";
        assertEquals("x.yaml: schema other: expected the file to be named other.yaml", loadError("x.yaml", yaml));
    }

    @Test
    void restrictedTableKeepsItsGroups() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), """
            schema: x
            description: test schema
            tables:
              - name: t
                description: test table
                groups: [rubin, lsst-da]
                columns:
                  - {name: c, datatype: char, arraysize: "*", description: text}
            """);
        TableMeta t = Metadata.load(dir).requireTable("x.t");
        assertEquals(List.of("rubin", "lsst-da"), t.groups());
        assertFalse(t.isPublic());
    }

    private String loadError(String fileName, String yaml) throws IOException {
        Files.writeString(dir.resolve(fileName), yaml);
        return assertThrows(MetadataException.class, () -> Metadata.load(dir)).getMessage();
    }
}
