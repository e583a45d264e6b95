// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.pzvo.xmatch.PositionIndexFiles;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.MetadataException;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.TableMeta;
import org.pzvo.sky.SkyIndex;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Loads a catalog file (FITS, VOTable, CSV, ECSV through STIL; Parquet only when STIL's parquet
 * module is on the class path) into a published table {@code schema.table} (issue 4 point 3,
 * DESIGN.md "Ingestion").
 *
 * <p>Rows stream from the file through per-column converters into batched INSERTs (H2) or
 * {@code COPY FROM STDIN} (PostgreSQL), see {@link RowWriter}; the order-29
 * HEALPix index of the main position is computed with {@link SkyIndex#hpx29}. The load is
 * atomic ({@link TableLoad}): it completes, with the table, its indexes, its TAP_SCHEMA rows and
 * its YAML in {@code <dataDir>/tap-schema/}, or leaves database and data directory as they were
 * and throws an {@link IngestException} naming the file, row and column.
 *
 * <p>Not thread-safe; uses the caller's connection (its auto-commit setting is restored).
 */
public final class CatalogIngest {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * What to load.
     *
     * @param file         the catalog file
     * @param target       {@code schema.table}
     * @param raColumn     right-ascension column, or null to detect it by UCD (with decColumn)
     * @param decColumn    declination column, or null
     * @param metadataFile tap-schema YAML describing the table, or null to infer the metadata
     * @param replace      whether an existing ingested table of that name is replaced
     */
    public record Request(Path file, String target, String raColumn, String decColumn, Path metadataFile,
                          boolean replace) {
        public Request {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Outcome of a load: the published table, rows loaded and wall time. */
    public record Report(TableMeta table, long rows, long millis) {
        /** Rows per second over the whole load (reading, converting, inserting, indexing). */
        public double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }
    }

    private final Connection connection;
    private final Engine engine;
    private final Metadata projectMetadata;
    private final IngestedSchemas ingested;
    private final Path indexDir;

    /**
     * @param projectMetadata the project's tap-schema (without the ingested schemas)
     * @param dataDir         the data directory whose {@code tap-schema/} holds ingested schemas
     */
    public CatalogIngest(Connection connection, Engine engine, Metadata projectMetadata, Path dataDir) {
        this.connection = connection;
        this.engine = engine;
        this.projectMetadata = projectMetadata;
        this.ingested = new IngestedSchemas(dataDir);
        this.indexDir = dataDir.resolve("index");
    }

    /** Loads the file; see the class Javadoc. */
    public Report load(Request request, ProgressListener progress) throws IngestException, IOException, SQLException {
        long start = System.nanoTime();
        Path file = request.file();
        String[] target = splitTarget(request.target());
        StarTable source = CatalogSource.open(file);
        TableMeta table = CatalogSource.plan(file, source, target[0], target[1], request.metadataFile(),
                request.raColumn(), request.decColumn());
        checkTarget(table, request.replace());
        SchemaMeta schema = ingested.with(table);
        Metadata union = union(schema, file);
        Path prepared = ingested.prepare(schema);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        TableLoad load = new TableLoad(connection, engine, table);
        long rows;
        try {
            load.create(request.replace());
            try {
                rows = insertRows(file, source, table, load, progress);
            } catch (SQLException e) {
                if (!load.keyedWhileLoading() || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // H2 refused a batch holding a key already loaded: load again without the key, to name it.
                connection.rollback();
                load.recreateWithoutKey();
                insertRows(file, source, table, load, ProgressListener.NONE);
                throw duplicate(file, source, table, load.duplicateKey());
            }
            if (!load.addPrimaryKey()) {
                throw duplicate(file, source, table, load.duplicateKey());
            }
            load.publish(request.replace());
            SchemaInstaller.writeTapSchema(connection, union);
            SchemaInstaller.analyze(connection, engine, table);
            connection.commit();
        } catch (IngestException | SQLException | RuntimeException e) {
            load.abort();
            Files.deleteIfExists(prepared);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        ingested.commit(prepared, schema.name());
        // The cross-match engine's position index of the new table (a server also checks it at start-up).
        PositionIndexFiles.rebuild(connection, indexDir, table);
        return new Report(table, rows, (System.nanoTime() - start) / 1_000_000);
    }

    private static String[] splitTarget(String target) throws IngestException {
        String[] parts = target.split("\\.", -1);
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
            throw new IngestException("--table " + target + ": expected schema.table, each a name of letters, digits"
                    + " and underscores");
        }
        if (parts[0].equalsIgnoreCase(SchemaInstaller.TAP_SCHEMA) || parts[0].equalsIgnoreCase("tap_upload")) {
            throw new IngestException("--table " + target + ": schema " + parts[0] + " is reserved by TAP");
        }
        return parts;
    }

    private void checkTarget(TableMeta table, boolean replace) throws IngestException, IOException, SQLException {
        String name = table.qualifiedName();
        boolean inProject = projectMetadata.tables().stream()
                .anyMatch(t -> t.qualifiedName().equalsIgnoreCase(name));
        if (inProject) {
            throw new IngestException("table " + name + " is defined by the project's tap-schema and cannot be"
                    + " loaded by an ingest");
        }
        boolean known = ingested.schema(table.schema()).map(s -> s.tables().stream()
                .anyMatch(t -> t.name().equalsIgnoreCase(table.name()))).orElse(false);
        if (!replace && (known || TableLoad.exists(connection, table.schema(), table.name()))) {
            throw new IngestException("table " + name + " already exists; use --replace to replace it");
        }
    }

    private Metadata union(SchemaMeta schema, Path file) throws IngestException, IOException {
        List<SchemaMeta> all = new ArrayList<>(projectMetadata.schemas());
        for (SchemaMeta s : ingested.schemas()) {
            if (!s.name().equals(schema.name())) {
                all.add(s);
            }
        }
        all.add(schema);
        try {
            return Metadata.merged(all);
        } catch (MetadataException e) {
            throw IngestException.of(file, "the published metadata would be invalid: " + e.getMessage());
        }
    }

    private long insertRows(Path file, StarTable source, TableMeta table, TableLoad load, ProgressListener progress)
            throws IngestException, SQLException {
        List<ColumnMeta> columns = table.columns();
        PositionMeta pos = table.position().orElse(null);
        int n = columns.size();
        int[] sourceIndex = new int[n];
        ColumnBinder[] binders = new ColumnBinder[n];
        int healpixIndex = -1;
        for (int i = 0; i < n; i++) {
            ColumnMeta c = columns.get(i);
            if (pos != null && c.name().equals(pos.healpix())) {
                healpixIndex = i;
                sourceIndex[i] = -1;
                continue;
            }
            sourceIndex[i] = CatalogSource.index(source, c.name());
            binders[i] = new ColumnBinder(file, c, source.getColumnInfo(sourceIndex[i]).getContentClass(), engine);
        }
        int raIndex = pos == null ? -1 : CatalogSource.index(source, pos.ra());
        int decIndex = pos == null ? -1 : CatalogSource.index(source, pos.dec());
        long total = source.getRowCount();
        long row = 0;
        Object[] out = new Object[n];
        try (RowWriter writer = RowWriter.open(connection, engine, load.loadTable(), columns, binders);
             RowSequence rs = source.getRowSequence()) {
            while (next(file, rs, row)) {
                row++;
                Object[] values = rowValues(file, rs, row);
                if (pos != null) {
                    double ra = coordinate(file, values[raIndex], row, pos.ra());
                    double dec = coordinate(file, values[decIndex], row, pos.dec());
                    if (!Double.isFinite(ra)) {
                        throw IngestException.cell(file, row, pos.ra(), "expected a finite right ascension, actual " + ra);
                    }
                    if (!(dec >= -90 && dec <= 90)) {
                        throw IngestException.cell(file, row, pos.dec(),
                                "expected a declination in [-90, 90] deg, actual " + dec);
                    }
                    out[healpixIndex] = SkyIndex.hpx29(ra, dec);
                }
                for (int i = 0; i < n; i++) {
                    if (sourceIndex[i] >= 0) {
                        out[i] = binders[i].value(values[sourceIndex[i]], row);
                    }
                }
                writer.write(out);
                if (row % RowWriter.BATCH_ROWS == 0) {
                    progress.progress(table.qualifiedName(), row, total);
                }
            }
            writer.finish();
        } catch (IOException e) {
            throw IngestException.of(file, "cannot be read: " + CatalogSource.oneLine(e));
        }
        progress.progress(table.qualifiedName(), row, total);
        return row;
    }

    private static boolean next(Path file, RowSequence rs, long row) throws IngestException {
        try {
            return rs.next();
        } catch (IOException | RuntimeException e) {
            throw IngestException.row(file, row + 1, "cannot be read (truncated or corrupt file?): "
                    + CatalogSource.oneLine(e));
        }
    }

    private static Object[] rowValues(Path file, RowSequence rs, long row) throws IngestException {
        try {
            return rs.getRow();
        } catch (IOException | RuntimeException e) {
            throw IngestException.row(file, row, "cannot be read (truncated or corrupt file?): "
                    + CatalogSource.oneLine(e));
        }
    }

    private static double coordinate(Path file, Object value, long row, String column) throws IngestException {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw IngestException.cell(file, row, column, "missing position");
        }
        double v;
        if (value instanceof Number num) {
            v = ColumnBinder.widen(num);
        } else {
            try {
                v = Double.parseDouble(value.toString().strip());
            } catch (NumberFormatException e) {
                throw IngestException.cell(file, row, column, "expected a position in degrees, actual '" + value + "'");
            }
        }
        if (Double.isNaN(v)) {
            throw IngestException.cell(file, row, column, "missing position (NaN)");
        }
        return v;
    }

    /** Re-reads the file to find the row that repeats {@code key}, for the message. */
    private IngestException duplicate(Path file, StarTable source, TableMeta table, Object[] key)
            throws IngestException, SQLException {
        String columns = String.join(", ", table.primaryKey());
        if (key == null) {
            return IngestException.of(file, "duplicate values of the primary key (" + columns + ")");
        }
        int[] idx = table.primaryKey().stream().mapToInt(c -> CatalogSource.index(source, c)).toArray();
        ColumnBinder[] binders = new ColumnBinder[idx.length];
        for (int i = 0; i < idx.length; i++) {
            ColumnMeta c = table.column(table.primaryKey().get(i)).orElseThrow();
            binders[i] = new ColumnBinder(file, c, source.getColumnInfo(idx[i]).getContentClass(), engine);
        }
        Object[] wanted = Arrays.stream(key).map(CatalogIngest::normal).toArray();
        long first = -1;
        long row = 0;
        try (RowSequence rs = source.getRowSequence()) {
            while (rs.next()) {
                row++;
                Object[] values = rs.getRow();
                Object[] k = new Object[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    k[i] = normal(binders[i].convert(values[idx[i]], row));
                }
                if (Arrays.equals(k, wanted)) {
                    if (first > 0) {
                        return IngestException.cell(file, row, columns, "duplicate value " + keyText(k)
                                + " of the primary key (first in row " + first + ")");
                    }
                    first = row;
                }
            }
        } catch (IOException e) {
            throw IngestException.of(file, "cannot be read: " + CatalogSource.oneLine(e));
        }
        return IngestException.of(file, "duplicate value " + keyText(wanted) + " of the primary key (" + columns + ")");
    }

    private static Object normal(Object v) {
        return v instanceof Number num && !(v instanceof Double || v instanceof Float) ? (Object) num.longValue()
                : v instanceof Number num ? (Object) num.doubleValue() : v == null ? null : v.toString().strip();
    }

    private static String keyText(Object[] key) {
        return key.length == 1 ? String.valueOf(key[0]) : Arrays.toString(key);
    }
}
