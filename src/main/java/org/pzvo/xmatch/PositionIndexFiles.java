// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The position index files of catalog tables, {@code <indexDir>/<schema>.<table>.pos}: opened
 * when their fingerprint (row count, smallest and largest key) is the table's, written anew
 * otherwise. Ingest calls {@link #rebuild} after loading a table so the file never lags behind.
 */
public final class PositionIndexFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PositionIndexFiles.class);

    private PositionIndexFiles() {
    }

    static Path file(Path indexDir, TableMeta table) {
        return indexDir.resolve(table.schema() + "." + table.name() + ".pos");
    }

    /** The up-to-date index of {@code table}, written first when missing or stale. */
    static Positions current(Connection c, Path indexDir, TableMeta table) throws SQLException, IOException {
        String key = CrossMatchEngine.catalogKey(table).orElseThrow();
        PositionFile.Fingerprint now = fingerprint(c, table, key);
        Path file = file(indexDir, table);
        Optional<PositionFile.Mapped> existing = PositionFile.open(file);
        if (existing.isPresent() && existing.get().fingerprint().equals(now)) {
            return existing.get().positions();
        }
        return write(c, file, table, key, now);
    }

    /**
     * Writes the position index of {@code table} (a table with a position and a single integer
     * primary key; nothing is done for any other table).
     */
    public static void rebuild(Connection c, Path indexDir, TableMeta table) throws SQLException, IOException {
        Optional<String> key = CrossMatchEngine.catalogKey(table);
        if (key.isPresent()) {
            write(c, file(indexDir, table), table, key.get(), fingerprint(c, table, key.get()));
        }
    }

    private static Positions write(Connection c, Path file, TableMeta table, String key,
                                   PositionFile.Fingerprint fingerprint) throws SQLException, IOException {
        long t0 = System.nanoTime();
        PositionMeta p = table.position().orElseThrow();
        TableRead read = PositionReader.read(c, table.schema(), table.name(),
                new PositionIndex(p.ra(), p.dec(), p.healpix()), key, null);
        PositionFile.write(file, read.positions(), fingerprint);
        LOG.info("Position index of {}: {} rows written to {} in {} ms", table.qualifiedName(),
                read.positions().size(), file.getFileName(), (System.nanoTime() - t0) / 1_000_000);
        return PositionFile.open(file).orElseThrow(() -> new IOException("could not read back " + file)).positions();
    }

    private static PositionFile.Fingerprint fingerprint(Connection c, TableMeta table, String key) throws SQLException {
        String k = SqlNames.quote(key);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(" + k + "), MAX(" + k + ") FROM " + SqlNames.table(table))) {
            rs.next();
            return new PositionFile.Fingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }
}
