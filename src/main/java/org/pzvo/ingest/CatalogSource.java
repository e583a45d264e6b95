// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.MetadataException;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.TableMeta;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.util.FileDataSource;

/**
 * Opens a catalog file through STIL and works out the published metadata of its target table:
 * from a tap-schema YAML file when one is given, else inferred from what STIL reads (names,
 * types, units, UCDs, utypes, descriptions). The main position is the YAML's, the named
 * columns, or the columns whose UCDs are {@code pos.eq.ra} / {@code pos.eq.dec} (those with
 * {@code meta.main} preferred); an order-29 HEALPix column {@code hpx29} is appended for it.
 *
 * <p>STIL reads with {@link StoragePolicy#PREFER_DISK}: FITS is mapped, formats that STIL cannot
 * stream (CSV, VOTable) are spooled to temporary files, so no format is held in memory.
 */
final class CatalogSource {
    /** Name of the order-29 HEALPix column added to positional tables. */
    static final String HEALPIX_COLUMN = "hpx29";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CatalogSource() {
    }

    /** The STIL format name for a file, from its extension. */
    static String format(Path file) throws IngestException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fts") || name.endsWith(".fits.gz")) {
            return "fits";
        }
        if (name.endsWith(".vot") || name.endsWith(".xml") || name.endsWith(".votable")) {
            return "votable";
        }
        if (name.endsWith(".ecsv")) {
            return "ecsv";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            return "parquet";
        }
        throw IngestException.of(file, "unknown catalog format; expected a name ending in .fits, .vot, .xml, "
                + ".csv, .ecsv or .parquet");
    }

    /** Opens the file; unreadable or truncated files are refused naming the file. */
    static StarTable open(Path file) throws IngestException {
        if (!Files.isRegularFile(file)) {
            throw IngestException.of(file, "no such file");
        }
        String format = format(file);
        if (format.equals("fits") && !file.getFileName().toString().endsWith(".gz")) {
            try {
                FitsCheck.requireComplete(file);
            } catch (IOException e) {
                throw IngestException.of(file, "cannot be read: " + oneLine(e));
            }
        }
        StarTableFactory factory = new StarTableFactory(false);
        factory.setStoragePolicy(StoragePolicy.PREFER_DISK);
        try {
            factory.getTableBuilder(format);
        } catch (TableFormatException e) {
            throw IngestException.of(file, "the " + format + " format is not available in this build"
                    + " (Parquet needs STIL's parquet module and the Apache Parquet/Hadoop jars)");
        }
        try {
            return factory.makeStarTable(new FileDataSource(file.toFile()), format);
        } catch (IOException | RuntimeException e) {
            throw IngestException.of(file, "cannot be read as " + format.toUpperCase(Locale.ROOT) + ": "
                    + oneLine(e));
        }
    }

    /** A one-line reason from an exception. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * The target table's metadata.
     *
     * @param metadataFile optional tap-schema YAML describing the table
     * @param raName       optional name of the right-ascension column (with {@code decName})
     */
    static TableMeta plan(Path file, StarTable table, String schema, String tableName, Path metadataFile,
                          String raName, String decName) throws IngestException, IOException {
        if (metadataFile != null) {
            return fromYaml(file, table, schema, tableName, metadataFile);
        }
        List<ColumnMeta> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<PositionMeta> position = position(file, table, raName, decName);
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo info = table.getColumnInfo(i);
            String name = info.getName();
            if (name.equals(HEALPIX_COLUMN) && position.isPresent()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw IngestException.column(file, "'" + name + "'", "not a valid column name; expected letters, digits"
                        + " and underscores, not starting with a digit (rename it, or describe the table with"
                        + " --metadata)");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw IngestException.column(file, name, "duplicate column name (names are compared"
                        + " case-insensitively, ADQL 2.1 §2.1.3)");
            }
            boolean isPos = position.map(p -> p.ra().equals(name) || p.dec().equals(name)).orElse(false);
            columns.add(infer(file, info, isPos));
        }
        if (position.isPresent()) {
            columns.add(healpixColumn());
        }
        String description = table.getName() == null || table.getName().isBlank()
                ? "Catalog ingested from " + IngestException.name(file) + "."
                : "Catalog " + table.getName() + " ingested from " + IngestException.name(file) + ".";
        return new TableMeta(schema, tableName, "table", description, null, columns, List.of(), position,
                List.of(), List.of());
    }

    /** The order-29 HEALPix column appended to a positional table. */
    static ColumnMeta healpixColumn() {
        return new ColumnMeta(HEALPIX_COLUMN, "long", null, null, null, "pos.healpix",
                null, "NESTED HEALPix index at order 29 of the main position, computed at ingest.",
                false, true, false, false);
    }

    private static ColumnMeta infer(Path file, ColumnInfo info, boolean isPosition) throws IngestException {
        Class<?> c = info.getContentClass();
        String datatype;
        String arraysize = null;
        if (c == String.class || c == Character.class) {
            datatype = "char";
            arraysize = c == String.class ? "*" : null;
        } else if (c.isArray()) {
            datatype = scalarType(c.getComponentType());
            if (datatype == null) {
                throw IngestException.column(file, info.getName(), "arrays of " + c.getComponentType().getSimpleName()
                        + " are not supported; expected arrays of numbers or booleans");
            }
            int[] shape = info.getShape();
            arraysize = shape != null && shape.length == 1 && shape[0] > 0 ? Integer.toString(shape[0]) : "*";
        } else {
            datatype = scalarType(c);
            if (datatype == null) {
                throw IngestException.column(file, info.getName(), "values of type " + c.getSimpleName()
                        + " are not supported");
            }
        }
        if (isPosition) {
            if (c.isArray() || c == String.class || c == Boolean.class) {
                throw IngestException.column(file, info.getName(), "expected a numeric position column, actual "
                        + c.getSimpleName());
            }
            datatype = "double";
        }
        String description = info.getDescription() == null || info.getDescription().isBlank()
                ? "Column " + info.getName() + " of " + IngestException.name(file) + "."
                : info.getDescription().strip();
        String xtype = blankToNull(info.getXtype());
        if ("timestamp".equals(xtype) && !datatype.equals("char")) {
            xtype = null;
        }
        return new ColumnMeta(info.getName(), datatype, arraysize, xtype, blankToNull(info.getUnitString()),
                blankToNull(info.getUCD()), blankToNull(info.getUtype()), description, isPosition, false, false,
                !isPosition);
    }

    private static String scalarType(Class<?> c) {
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (c == Byte.class || c == Short.class || c == byte.class || c == short.class) {
            return "short";
        }
        if (c == Integer.class || c == int.class) {
            return "int";
        }
        if (c == Long.class || c == long.class) {
            return "long";
        }
        if (c == Float.class || c == float.class) {
            return "float";
        }
        if (c == Double.class || c == double.class) {
            return "double";
        }
        return null;
    }

    private static Optional<PositionMeta> position(Path file, StarTable table, String raName, String decName)
            throws IngestException {
        if ((raName == null) != (decName == null)) {
            throw IngestException.of(file, "give both --ra and --dec, or neither");
        }
        if (raName != null) {
            requireColumn(file, table, raName);
            requireColumn(file, table, decName);
            return Optional.of(new PositionMeta(raName, decName, HEALPIX_COLUMN));
        }
        String ra = byUcd(file, table, "pos.eq.ra");
        String dec = byUcd(file, table, "pos.eq.dec");
        if (ra == null && dec == null) {
            return Optional.empty();
        }
        if (ra == null || dec == null) {
            throw IngestException.of(file, "found a column with UCD " + (ra == null ? "pos.eq.dec" : "pos.eq.ra")
                    + " but none with " + (ra == null ? "pos.eq.ra" : "pos.eq.dec") + "; name both with --ra and --dec");
        }
        return Optional.of(new PositionMeta(ra, dec, HEALPIX_COLUMN));
    }

    private static String byUcd(Path file, StarTable table, String ucd) throws IngestException {
        List<String> all = new ArrayList<>();
        List<String> main = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo info = table.getColumnInfo(i);
            String u = info.getUCD() == null ? "" : info.getUCD().toLowerCase(Locale.ROOT);
            List<String> words = List.of(u.split(";"));
            if (words.contains(ucd)) {
                all.add(info.getName());
                if (words.contains("meta.main")) {
                    main.add(info.getName());
                }
            }
        }
        List<String> pick = main.isEmpty() ? all : main;
        if (pick.size() > 1) {
            throw IngestException.of(file, "several columns have UCD " + ucd + " " + pick
                    + "; name the position with --ra and --dec");
        }
        return pick.isEmpty() ? null : pick.get(0);
    }

    private static void requireColumn(Path file, StarTable table, String name) throws IngestException {
        if (index(table, name) < 0) {
            throw IngestException.column(file, name, "no such column in the file");
        }
    }

    /** The 0-based index of the column with exactly this name, or -1. */
    static int index(StarTable table, String name) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static TableMeta fromYaml(Path file, StarTable table, String schema, String tableName, Path metadataFile)
            throws IngestException, IOException {
        SchemaMeta s;
        try {
            s = Metadata.readSchemaFile(metadataFile);
        } catch (MetadataException e) {
            throw new IngestException(e.getMessage(), e);
        }
        String where = IngestException.name(metadataFile);
        if (!s.name().equals(schema)) {
            throw new IngestException(where + ": describes schema " + s.name() + ", expected " + schema);
        }
        TableMeta t = s.tables().stream().filter(x -> x.name().equals(tableName)).findFirst().orElseThrow(
                () -> new IngestException(where + ": no table named " + tableName));
        if (!t.foreignKeys().isEmpty()) {
            throw new IngestException(where + ": table " + tableName + ": foreign keys are not supported on"
                    + " ingested tables");
        }
        String healpix = t.position().map(PositionMeta::healpix).orElse(null);
        for (ColumnMeta c : t.columns()) {
            if (!c.name().equals(healpix) && index(table, c.name()) < 0) {
                throw IngestException.column(file, c.name(), "declared in " + where + " but not in the file");
            }
        }
        for (int i = 0; i < table.getColumnCount(); i++) {
            String name = table.getColumnInfo(i).getName();
            if (t.column(name).isEmpty()) {
                throw IngestException.column(file, name, "not declared in " + where);
            }
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
