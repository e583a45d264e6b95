// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pzvo.ingest.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line behind {@code ./pzvo}: demo, serve and adql (see DESIGN.md "The launcher"). */
@Command(name = "pzvo", mixinStandardHelpOptions = true, version = "pzvo 0.1",
        description = "Virtual Observatory data-access server for photometric-redshift products.",
        subcommands = {Main.Demo.class, Main.Serve.class, AdqlCommand.class, TokenCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // H2 interns every number it reads from a page in a small shared cache of Value objects;
        // reading pages (the final join of a cross-match reads every page of the catalog) spent a
        // sixth of its time there. Must be set before H2's classes load.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("ingest", new IngestCommand(new ServerIngestEnvironment()));
        // User products for operators (issue 11): pzvo ingest product FILE --owner ... --name ... --type ...
        cli.getSubcommands().get("ingest").addSubcommand("product", new ProductCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof StartupException
                    || e instanceof org.pzvo.db.MetadataException) {
                System.err.println("pzvo: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The installation directory (set by the launcher), against which the configuration's relative paths resolve. */
    static Path home() {
        return Path.of(System.getProperty("pzvo.home", ".")).toAbsolutePath().normalize();
    }

    static ServerConfig config(Path configFile, Map<String, String> overrides) {
        Path file = configFile != null ? configFile : home().resolve("conf/pzvo.properties");
        return ServerConfig.load(home(), file, System.getenv(), overrides);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate the deterministic demo data set (once) and serve it.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port (default 8080)")
        Integer port = 8080;
        @Option(names = "--data", description = "data directory (default ./data)")
        Path data = Path.of("data");
        @Option(names = "--rows", description = "number of objects in the demo catalog (default 100000)")
        long rows = 100_000;
        @Option(names = "--config", description = "configuration file (default conf/pzvo.properties)")
        Path config;

        @Override
        public Integer call() throws Exception {
            if (rows < 100 || rows > 1_000_000_000L) {
                throw new ConfigException("--rows " + rows + " is out of range: expected 100 to 1000000000");
            }
            Map<String, String> overrides = new HashMap<>();
            overrides.put("server.port", Integer.toString(port));
            overrides.put("data.dir", data.toAbsolutePath().toString());
            ServerConfig cfg = config(config, overrides);
            return Launch.serve(cfg, home(), rows);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the configured database.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--config", description = "configuration file (default conf/pzvo.properties)")
        Path config;
        @Option(names = "--port", description = "HTTP port (overrides server.port)")
        Integer port;

        @Override
        public Integer call() throws Exception {
            Map<String, String> overrides = new HashMap<>();
            if (port != null) {
                overrides.put("server.port", Integer.toString(port));
            }
            return Launch.serve(config(config, overrides), home(), -1);
        }
    }
}
