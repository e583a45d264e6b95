// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.check.Checker;
import org.pzvo.adql.feature.Features;
import org.pzvo.adql.print.AdqlPrinter;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.sql.SqlDialects;
import org.pzvo.sql.Translator;
import org.pzvo.tap.MetadataCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./pzvo adql}: checks one ADQL query. Exit 0 and print the normalised ADQL (or, with
 * --sql, the SQL); exit 2 and print {@code LINE:COLUMN: message} for an invalid query. Without
 * --syntax-only, names are checked against the demo metadata (tap-schema/).
 */
@Command(name = "adql", mixinStandardHelpOptions = true, description = "Check an ADQL query (argument or stdin); print normalised ADQL or SQL.")
final class AdqlCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Option(names = "--syntax-only", description = "check the syntax only, not the names")
    boolean syntaxOnly;

    @Option(names = "--sql", paramLabel = "h2|postgresql", description = "print the SQL for this engine")
    String sqlEngine;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "the ADQL query (default: read stdin)")
    String query;

    @Override
    public Integer call() throws IOException {
        String text = query != null ? query : readStdin();
        Engine engine = null;
        if (sqlEngine != null) {
            switch (sqlEngine.toLowerCase(Locale.ROOT)) {
                case "h2":
                    engine = Engine.H2;
                    break;
                case "postgresql":
                case "postgres":
                    engine = Engine.POSTGRESQL;
                    break;
                default:
                    System.err.println("pzvo adql: --sql must be h2 or postgresql, not " + sqlEngine);
                    return 1;
            }
            if (syntaxOnly) {
                System.err.println("pzvo adql: --sql translates against the metadata; drop --syntax-only");
                return 1;
            }
        }
        try {
            Query parsed = AdqlParser.parseQuery(text);
            // Syntax includes using only functions the service declares (ADQL 2.1 §4.11).
            Features.check(parsed, Features.supported());
            if (!syntaxOnly) {
                Metadata metadata = Metadata.load(Main.home().resolve("tap-schema"));
                MetadataCatalog catalog = MetadataCatalog.forGroups(metadata, allGroups(metadata), Features.udfs());
                if (engine != null) {
                    System.out.println(Translator.of(catalog, SqlDialects.of(engine)).translate(text, -1).sql());
                    return 0;
                }
                Checker.check(parsed, catalog);
            }
            System.out.println(AdqlPrinter.print(parsed));
            return 0;
        } catch (AdqlException e) {
            System.out.println(e.line() + ":" + e.column() + ": " + e.userMessage());
            return INVALID;
        }
    }

    /** The command line is a local, trusted tool: it sees restricted tables too. */
    private static Set<String> allGroups(Metadata metadata) {
        return metadata.tables().stream().flatMap(t -> t.groups().stream()).collect(java.util.stream.Collectors.toSet());
    }

    private static String readStdin() throws IOException {
        try (InputStream in = System.in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
