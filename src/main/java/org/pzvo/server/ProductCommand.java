// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pzvo.auth.Identity;
import org.pzvo.db.ConnectionPools;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.ingest.IngestCommand;
import org.pzvo.obscore.Products;
import org.pzvo.products.ProductException;
import org.pzvo.products.ProductService;
import org.pzvo.products.ProductSettings;
import org.pzvo.products.ProductView;
import org.pzvo.sky.SqlFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pzvo ingest product FILE --owner USER --name NAME --type TYPE ...}: publishes a file as a
 * user's product (issue 11) with the checks of {@code POST /products}, for operators (official
 * products of the coordination group, bulk loads). Exit 0 with a summary, 1 with the message when
 * the product is refused (nothing is left behind), 2 when the environment fails. A running
 * server shows the product after its next start.
 */
@Command(name = "product", mixinStandardHelpOptions = true,
        description = "Publish a table file as a user's product (table user_<owner>.<name>, ObsCore, DataLink).")
final class ProductCommand implements Callable<Integer> {
    @ParentCommand
    IngestCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE", description = "FITS, VOTable, CSV, ECSV, or a zip holding one.")
    Path file;
    @Option(names = "--owner", required = true, paramLabel = "USER")
    String owner;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Product (table) name.")
    String name;
    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "redshift_catalog, training_set, validation_results, photoz_estimates, training_results,"
                    + " object_catalog or other.")
    String type;
    @Option(names = "--description", paramLabel = "TEXT")
    String description;
    @Option(names = "--release", paramLabel = "RELEASE")
    String release;
    @Option(names = "--alias", paramLabel = "COLUMN=ALIAS", description = "Column role, e.g. zspec=z (repeatable).")
    Map<String, String> aliases = new LinkedHashMap<>();
    @Option(names = "--share", paramLabel = "GROUP", description = "Share with this group (repeatable).")
    List<String> share = List.of();
    @Option(names = "--share-all", description = "Share with every authenticated user.")
    boolean shareAll;
    @Option(names = "--official", description = "Flag as an official product of the coordination group.")
    boolean official;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> overrides = new HashMap<>();
        if (parent.dataDir() != null) {
            overrides.put("data.dir", parent.dataDir().toAbsolutePath().toString());
        }
        try {
            ServerConfig cfg = Main.config(parent.configFile(), overrides);
            Files.createDirectories(cfg.storage().dataDir());
            try (ConnectionPools pools = new ConnectionPools(cfg.db().url(), cfg.db().user(), cfg.db().password(), 1,
                    4)) {
                Metadata project = Metadata.load(cfg.storage().metadataDir());
                try (Connection c = pools.async().getConnection()) {
                    SqlFunctions.install(c, pools.engine());
                    SchemaInstaller.install(c, pools.engine(), project);
                    Products.createTable(c);
                }
                var p = cfg.products();
                ProductService service = ProductService.create(pools.async(), pools.engine(), project,
                        cfg.storage().metadataDir(), cfg.storage().dataDir(), cfg.service().authority(), (m, a) -> { },
                        null, new ProductSettings(p.quotaRows(), p.quotaBytes(), p.maxFileBytes(), p.adminGroups()));
                Identity who = new Identity(owner, official ? p.adminGroups() : Set.of());
                Path copy = Files.createDirectories(cfg.storage().dataDir().resolve("tmp"))
                        .resolve("ingest-product-" + ProcessHandle.current().pid());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                ProductView draft = service.upload(who, new ProductService.Metadata(name, type, description, release,
                        official ? Boolean.TRUE : null), copy, file.getFileName().toString());
                String id = draft.entry().id();
                try {
                    Map<String, ProductService.ColumnChange> changes = new LinkedHashMap<>();
                    aliases.forEach((column, alias) -> changes.put(column, new ProductService.ColumnChange(null, null,
                            alias, null)));
                    service.annotate(who, id, new ProductService.Metadata(null, null, null, null, null), changes);
                    String base = Launch.publicBaseUrl(cfg, cfg.http().port());
                    ProductView published = service.publish(who, id, base);
                    if (shareAll || !share.isEmpty()) {
                        service.share(who, id, share, shareAll);
                    }
                    out.printf("published %s: %d rows (%s)%n", id, published.entry().nRows(),
                            published.entry().type().label());
                    out.flush();
                    return 0;
                } catch (Exception e) {
                    // The operator gets all or nothing: the draft goes too.
                    service.delete(who, id);
                    throw e;
                }
            }
        } catch (ProductException e) {
            err.println("pzvo ingest product: " + e.getMessage());
            err.flush();
            return IngestCommand.BAD_INPUT;
        } catch (Exception e) {
            err.println("pzvo ingest product: failed: " + e.getMessage());
            err.flush();
            return IngestCommand.FAILURE;
        }
    }
}
