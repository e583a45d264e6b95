// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pzvo.db.MetadataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code pzvo ingest}: loads user catalogs and HEALPix maps (DESIGN.md "Ingestion").
 * <pre>
 * pzvo ingest [--config FILE] [--data DIR] catalog FILE --table schema.table [--ra COL --dec COL]
 *             [--metadata FILE.yaml] [--replace]
 * pzvo ingest ... map FILE --map-id ID --kind footprint|coverage|bitmask|depth|visibility|property
 *             [--band B] [--quantity UCD] [--unit U] [--survey S] [--release R] [--column NAME]
 * pzvo ingest ... moc FILE --map-id ID
 * </pre>
 * Exit code 0 on success (with the throughput on standard output), 1 with a one-line message on
 * standard error when the input is refused (the database is then as it was), 2 when the
 * environment fails (configuration, database). Progress goes to standard error.
 *
 * <p>Wiring: {@code new CommandLine(new IngestCommand(environment))}, or add it as a subcommand
 * of the launcher's command line.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load user catalogs and HEALPix maps into the database.",
        subcommands = {IngestCommand.CatalogCommand.class, IngestCommand.MapCommand.class,
            IngestCommand.MocCommand.class})
public final class IngestCommand implements Callable<Integer> {
    /** Exit code of refused input. */
    public static final int BAD_INPUT = 1;
    /** Exit code of a failing environment (configuration, database). */
    public static final int FAILURE = 2;

    private final IngestEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Server configuration file (default: the configured one).")
    Path config;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: the configured one).")
    Path data;

    public IngestCommand(IngestEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** The {@code --config} option, or null: for subcommands added by the launcher. */
    public Path configFile() {
        return config;
    }

    /** The {@code --data} option, or null: for subcommands added by the launcher. */
    public Path dataDir() {
        return data;
    }

    /** Runs one ingest with the environment's session, mapping failures to exit codes. */
    int run(CommandSpec sub, Task task) {
        PrintWriter out = sub.commandLine().getOut();
        PrintWriter err = sub.commandLine().getErr();
        try (IngestEnvironment.Session session = environment.open(config, data)) {
            out.println(task.run(session, ProgressListener.printingTo(err)));
            out.flush();
            return 0;
        } catch (IngestException | MetadataException e) {
            err.println("pzvo ingest: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("pzvo ingest: failed: " + CatalogSource.oneLine(e));
            err.flush();
            return FAILURE;
        }
    }

    /** One ingest; returns the summary line. */
    interface Task {
        String run(IngestEnvironment.Session session, ProgressListener progress)
                throws IngestException, IOException, SQLException;
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = "Load a catalog (FITS, VOTable, CSV, ECSV, Parquet) into a table.")
    static final class CatalogCommand implements Callable<Integer> {
        @ParentCommand
        IngestCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--table", required = true, paramLabel = "SCHEMA.TABLE")
        String table;
        @Option(names = "--ra", paramLabel = "COL", description = "Right ascension column (default: by UCD).")
        String ra;
        @Option(names = "--dec", paramLabel = "COL", description = "Declination column (default: by UCD).")
        String dec;
        @Option(names = "--metadata", paramLabel = "FILE.yaml", description = "tap-schema YAML of the table.")
        Path metadata;
        @Option(names = "--replace", description = "Replace an existing ingested table.")
        boolean replace;

        @Override
        public Integer call() {
            return parent.run(spec, (s, progress) -> {
                CatalogIngest.Report r = new CatalogIngest(s.connection(), s.engine(), s.projectMetadata(), s.dataDir())
                        .load(new CatalogIngest.Request(file, table, ra, dec, metadata, replace), progress);
                return String.format(Locale.ROOT, "loaded %s: %d rows in %.1f s (%.0f rows/s)",
                        r.table().qualifiedName(), r.rows(), r.millis() / 1000.0, r.rowsPerSecond());
            });
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Register a HEALPix map FITS file (implicit or explicit, RING or NESTED) in maps.map.")
    static final class MapCommand implements Callable<Integer> {
        @ParentCommand
        IngestCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--map-id", required = true, paramLabel = "ID")
        String mapId;
        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "footprint, coverage, bitmask, depth, visibility or property.")
        String kind;
        @Option(names = "--band", paramLabel = "B")
        String band;
        @Option(names = "--quantity", paramLabel = "UCD")
        String quantity;
        @Option(names = "--unit", paramLabel = "U")
        String unit;
        @Option(names = "--survey", paramLabel = "S")
        String survey;
        @Option(names = "--release", paramLabel = "R")
        String release;
        @Option(names = "--column", paramLabel = "NAME", description = "Value column (default: the first one).")
        String column;

        @Override
        public Integer call() {
            return parent.run(spec, (s, progress) -> summary(new MapIngest(s.connection(), s.productSite()).loadMap(
                    new MapIngest.Request(file, mapId, kind, band, quantity, unit, survey, release, column), progress)));
        }
    }

    @Command(name = "moc", mixinStandardHelpOptions = true,
            description = "Register a MOC 2.0 FITS file as a coverage map in maps.map.")
    static final class MocCommand implements Callable<Integer> {
        @ParentCommand
        IngestCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--map-id", required = true, paramLabel = "ID")
        String mapId;

        @Override
        public Integer call() {
            return parent.run(spec, (s, progress) -> summary(new MapIngest(s.connection(), s.productSite()).loadMoc(file, mapId,
                    progress)));
        }
    }

    private static String summary(MapIngest.Report r) {
        return String.format(Locale.ROOT, "registered map %s: order %d, %d pixels, %.4f deg2, in %.1f s"
                + " (%.0f pixels/s)", r.mapId(), r.order(), r.pixels(), r.areaDeg2(), r.millis() / 1000.0,
                r.pixelsPerSecond());
    }
}
