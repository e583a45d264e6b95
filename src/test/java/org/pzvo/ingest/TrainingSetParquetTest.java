// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;

/** The training-set Parquet file holds exactly the published rows, columns, units and UCDs. */
class TrainingSetParquetTest {
    @TempDir
    Path dir;

    @Test
    void parquetFileEqualsThePublishedTable() throws Exception {
        Metadata metadata = Metadata.load(Path.of("tap-schema"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:trainingfile")) {
            DemoData.generate(c, Engine.H2, metadata, new DemoSpec(3000, 21), ProgressListener.NONE, 2);
            Path file = Files.createDirectories(dir.resolve("training")).resolve("spec.training_set.parquet");
            TableFiles.writeTrainingSet(c, metadata, TableFiles.Format.PARQUET, file);
            try (var listing = Files.list(file.getParent())) {
                assertEquals(List.of(file), listing.toList(), "no temporary file is left");
            }
            StarTable t = new StarTableFactory(false).makeStarTable(new FileDataSource(file.toFile()), "parquet");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < t.getColumnCount(); i++) {
                names.add(t.getColumnInfo(i).getName());
            }
            assertEquals(TestDb.rows(c, "SELECT \"column_name\" FROM \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\""
                    + " = 'spec.training_set' ORDER BY \"column_index\", \"column_name\""), names);
            int ra = names.indexOf("ra");
            assertEquals("deg", t.getColumnInfo(ra).getUnitString());
            assertEquals("pos.eq.ra;meta.main", t.getColumnInfo(ra).getUCD());
            int z = names.indexOf("z");
            int crd = names.indexOf("crd_id");
            int mag = names.indexOf("mag_i");
            int split = names.indexOf("is_training_set");
            List<String> fromFile = new ArrayList<>();
            try (RowSequence rs = t.getRowSequence()) {
                while (rs.next()) {
                    fromFile.add(rs.getCell(crd) + "|" + rs.getCell(z) + "|" + rs.getCell(mag) + "|"
                            + rs.getCell(split));
                }
            }
            List<String> fromDb = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"crd_id\", \"z\","
                    + " \"mag_i\", \"is_training_set\" FROM \"spec\".\"training_set\" ORDER BY \"crd_id\"")) {
                while (rs.next()) {
                    Object m = rs.getObject(3);
                    fromDb.add(rs.getString(1) + "|" + rs.getObject(2) + "|" + (m == null ? null : rs.getFloat(3))
                            + "|" + rs.getBoolean(4));
                }
            }
            assertFalse(fromDb.isEmpty());
            assertEquals(fromDb, fromFile);
        }
    }
}
