// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.db.TableMeta;
import org.pzvo.ingest.CatalogPreview;
import org.pzvo.ingest.IngestException;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;
import org.pzvo.tap.RowAccess;
import org.pzvo.tap.TapService;
import org.pzvo.uws.Job;
import org.pzvo.uws.Phase;
import org.pzvo.uws.StoredResult;
import org.pzvo.uws.UwsException;
import org.pzvo.uws.UwsService;

/**
 * User products (issue 11): upload a table file as a draft, annotate its columns, publish it as
 * the TAP table {@code user_<owner>.<name>} with an ObsCore row and DataLink to its file, share
 * it, replace it, delete it, or save a finished async job's result as a product.
 *
 * <p>Visibility: a product is seen by its owner and, once published, by the groups it is shared
 * with (or every authenticated user); its table carries those access keys as {@code groups}, and
 * the rows describing it in pz.products, pz.product_* and ivoa.obscore are hidden from everybody
 * else ({@link #refresh}, {@link RowAccess}); /files and DataLink ask {@link #maySee}.
 *
 * <p>Thread-safe: changes are serialised; reads use the current registry.
 */
public final class ProductService {
    /** Rows shown in a draft's preview. */
    public static final int PREVIEW_ROWS = 10;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final String FILES_ROOT = "user";

    private final DataSource db;
    private final ProductTables tables;
    private final Path dataDir;
    private final String authority;
    private final BiConsumer<org.pzvo.db.Metadata, List<RowAccess>> publisher;
    private final UwsService uws;
    private final ProductSettings settings;
    private final Clock clock;
    private final Object lock = new Object();
    /** Access keys of every published file, by DataLink identifier. */
    private volatile Map<String, Set<String>> fileKeys = Map.of();

    /** What a client sends with an upload; null fields keep their current value on PATCH. */
    public record Metadata(String name, String type, String description, String release, Boolean official) {}

    /** A change to one column's annotations; null fields are left as they are, "" clears. */
    public record ColumnChange(String ucd, String unit, String alias, String description) {}

    /**
     * @param publisher receives the published metadata and row access after every change (the
     *                  TAP service's {@link TapService#reload}; a no-op for the command line)
     * @param uws       the job service whose results can become products, or null (command line)
     */
    public ProductService(DataSource db, ProductTables tables, Path dataDir, String authority,
                          BiConsumer<org.pzvo.db.Metadata, List<RowAccess>> publisher, UwsService uws,
                          ProductSettings settings, Clock clock) {
        this.db = db;
        this.tables = tables;
        this.dataDir = dataDir;
        this.authority = authority;
        this.publisher = publisher;
        this.uws = uws;
        this.settings = settings;
        this.clock = clock;
    }

    /** Builds the service over the server's pools and metadata. */
    public static ProductService create(DataSource db, org.pzvo.db.Engine engine,
                                        org.pzvo.db.Metadata projectMetadata, Path projectTapSchema, Path dataDir,
                                        String authority, BiConsumer<org.pzvo.db.Metadata, List<RowAccess>> publisher,
                                        UwsService uws, ProductSettings settings) {
        return new ProductService(db, new ProductTables(engine, projectMetadata, projectTapSchema, dataDir), dataDir,
                authority, publisher, uws, settings, Clock.systemUTC());
    }

    /** Whether {@code who} may see the registered file {@code p} (user products by their sharing, others always). */
    public boolean maySee(Identity who, Product p) {
        Set<String> keys = fileKeys.get(p.publisherDid());
        return keys == null || keys.stream().anyMatch(AccessKeys.of(who)::contains);
    }

    /** Re-reads registry and metadata and hands them to TAP: call after every change (and at start). */
    public void refresh() throws SQLException, IOException {
        Map<String, Set<String>> byId = new HashMap<>();
        Map<String, Set<String>> byDid = new HashMap<>();
        try (Connection c = db.getConnection()) {
            for (ProductEntry p : ProductRegistry.all(c)) {
                byId.put(p.id(), p.keys());
                for (ProductRegistry.FileRow f : ProductRegistry.files(c, p.id())) {
                    if (f.publisherDid() != null) {
                        byDid.put(f.publisherDid(), p.keys());
                    }
                }
            }
        }
        List<RowAccess> access = new ArrayList<>();
        for (String t : List.of("pz.products", "pz.product_files", "pz.product_columns", "pz.product_activity",
                "pz.product_used")) {
            access.add(new RowAccess(t, "product_id", byId));
        }
        access.add(new RowAccess("ivoa.obscore", "obs_publisher_did", byDid));
        fileKeys = Map.copyOf(byDid);
        publisher.accept(tables.metadata(), access);
    }

    /** The products {@code who} may see, by identifier. */
    public List<ProductEntry> list(Identity who) throws ProductException, SQLException {
        Set<String> keys = keysOf(who);
        try (Connection c = db.getConnection()) {
            return ProductRegistry.all(c).stream().filter(p -> p.visibleTo(keys)).toList();
        }
    }

    /** One product as {@code who} sees it, with a preview of its first rows. */
    public ProductView get(Identity who, String id) throws ProductException, SQLException, IOException {
        try (Connection c = db.getConnection()) {
            return view(c, visible(c, who, id));
        }
    }

    /**
     * Creates a draft from an uploaded file (moved into the product's directory): detects its
     * columns, checks quota and names, keeps nothing when refused.
     *
     * @param upload       the received file (a temporary file, moved or deleted)
     * @param originalName the client's file name (gives the format)
     */
    public ProductView upload(Identity who, Metadata meta, Path upload, String originalName)
            throws ProductException, SQLException, IOException {
        try {
            Set<String> keys = keysOf(who);
            String name = checkName(meta.name());
            ProductType type = type(meta.type());
            checkOfficial(keys, meta.official());
            String id = schemaOf(who.user()) + "." + name;
            synchronized (lock) {
                try (Connection c = db.getConnection()) {
                    if (ProductRegistry.find(c, id).isPresent()) {
                        throw new ProductException(409, "You already have a product named " + name + " (" + id
                                + "); choose another name, or replace its file with POST /products/" + id + "/file");
                    }
                    String now = now();
                    ProductEntry draft = new ProductEntry(id, name, type, who.user(), meta.description(),
                            blankToNull(meta.release()), Boolean.TRUE.equals(meta.official()), false, List.of(),
                            false, 0, 0, now, now);
                    return store(c, draft, upload, originalName, List.of());
                }
            }
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Replaces the file of a product (columns re-detected, annotations of kept columns kept; republished if it was). */
    public ProductView replaceFile(Identity who, String id, Path upload, String originalName, String baseUrl)
            throws ProductException, SQLException, IOException {
        try {
            synchronized (lock) {
                try (Connection c = db.getConnection()) {
                    ProductEntry p = owned(c, who, id);
                    List<ProductColumn> old = ProductRegistry.columns(c, id);
                    ProductView v = store(c, p.withContent(p.published(), p.nRows(), p.sizeBytes(), now()), upload,
                            originalName, old);
                    return p.published() ? publishLocked(c, v.entry(), baseUrl, null) : v;
                }
            }
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Changes metadata and column annotations; a published product's table metadata follows. */
    public ProductView annotate(Identity who, String id, Metadata meta, Map<String, ColumnChange> changes)
            throws ProductException, SQLException, IOException {
        Set<String> keys = keysOf(who);
        synchronized (lock) {
            try (Connection c = db.getConnection()) {
                ProductEntry p = owned(c, who, id);
                if (meta.name() != null && !meta.name().equals(p.name())) {
                    throw ProductException.bad("A product cannot be renamed (its name is its table name " + id
                            + "); upload it again under the new name and delete this one");
                }
                checkOfficial(keys, meta.official());
                ProductType type = meta.type() == null ? p.type() : type(meta.type());
                ProductEntry changed = p.withMetadata(type, meta.description() == null ? p.description()
                        : meta.description(), meta.release() == null ? p.release() : blankToNull(meta.release()),
                        meta.official() == null ? p.official() : meta.official(), now());
                List<ProductColumn> columns = ProductAnnotations.apply(id, ProductRegistry.columns(c, id), changes);
                return saveMetadata(c, changed, columns);
            }
        }
    }

    /** Shares a product with {@code groups} and, when {@code all}, every authenticated user (replacing earlier sharing). */
    public ProductView share(Identity who, String id, List<String> groups, boolean all)
            throws ProductException, SQLException, IOException {
        for (String g : groups) {
            if (!GROUP.matcher(g).matches()) {
                throw ProductException.bad("Bad group '" + g + "': group names are 1 to 128 letters, digits and _ . -");
            }
        }
        synchronized (lock) {
            try (Connection c = db.getConnection()) {
                ProductEntry p = owned(c, who, id);
                return saveMetadata(c, p.withSharing(groups.stream().distinct().sorted().toList(), all, now()),
                        ProductRegistry.columns(c, id));
            }
        }
    }

    /** Publishes a draft (or republishes): table, TAP_SCHEMA, ObsCore row, DataLink to its file. */
    public ProductView publish(Identity who, String id, String baseUrl) throws ProductException, SQLException,
            IOException {
        synchronized (lock) {
            try (Connection c = db.getConnection()) {
                return publishLocked(c, owned(c, who, id), baseUrl, null);
            }
        }
    }

    /** Deletes a product: table, TAP_SCHEMA rows, ObsCore row, file registration, files, registry rows. */
    public void delete(Identity who, String id) throws ProductException, SQLException, IOException {
        synchronized (lock) {
            try (Connection c = db.getConnection()) {
                ProductEntry p = owned(c, who, id);
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    ProductStore.unregisterFiles(c, id);
                    ProductRegistry.delete(c, id);
                    if (p.published()) {
                        tables.drop(c, p.schema(), p.name());
                    }
                    c.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
                ProductStore.deleteTree(directory(p));
            }
            refresh();
        }
    }

    /**
     * Saves the result of a finished async job of {@code who} as a product and publishes it,
     * with the job as its provenance.
     */
    public ProductView fromJob(Identity who, String jobId, Metadata meta, String baseUrl)
            throws ProductException, SQLException, IOException {
        keysOf(who);
        if (uws == null) {
            throw ProductException.bad("Jobs are not available here; save a job's result from the running server");
        }
        Job job;
        StoredResult result;
        try {
            job = uws.get(jobId, who.owner());
            if (job.phase() != Phase.COMPLETED) {
                throw new ProductException(409, "Job " + jobId + " is " + job.phase() + "; only a COMPLETED job's"
                        + " result can be saved as a product");
            }
            result = uws.result(jobId, who.owner(), "result");
        } catch (UwsException e) {
            throw new ProductException(404, "No finished job " + jobId + " of yours: " + e.getMessage());
        }
        Path copy = Files.createDirectories(dataDir.resolve("tmp")).resolve("job-" + jobId + "."
                + ProductUploads.extensionOf(result.result().mimeType()));
        Files.copy(result.path(), copy, StandardCopyOption.REPLACE_EXISTING);
        ProductView draft = upload(who, meta, copy, jobId + "." + ProductUploads.extension(copy.toString()));
        String query = job.parameters().first("QUERY").orElse("");
        synchronized (lock) {
            try (Connection c = db.getConnection()) {
                return publishLocked(c, draft.entry(), baseUrl, new ProductStore.JobSource(jobId, query,
                        job.startTime(), job.endTime(), baseUrl + "/tap/async/" + jobId, tables.metadata()));
            }
        }
    }

    private ProductView publishLocked(Connection c, ProductEntry p, String baseUrl, ProductStore.JobSource job)
            throws ProductException, SQLException, IOException {
        List<ProductColumn> columns = ProductRegistry.columns(c, p.id());
        for (String alias : p.type().requiredAliases()) {
            String ucd = alias.equals("ra") ? "pos.eq.ra" : alias.equals("dec") ? "pos.eq.dec" : "src.redshift";
            if (ProductTables.aliased(columns, alias, ucd) == null) {
                throw ProductException.bad("Product " + p.id() + " is a " + p.type().label() + ": annotate its "
                        + alias + " column first (PATCH /products/" + p.id() + " with {\"columns\": {\"NAME\":"
                        + " {\"alias\": \"" + alias + "\"}}}, or UCD " + ucd + ")");
            }
        }
        ProductEntry published = p.withContent(true, p.nRows(), p.sizeBytes(), now());
        ProductRegistry.FileRow main = ProductRegistry.files(c, p.id()).get(0);
        Path file = directory(p).resolve(main.fileName());
        TableMeta table = tables.plan(published, file, columns);
        long rows = tables.load(c, table, file, p.published());
        try {
            new ProductStore(dataDir, authority).register(c, published.withContent(true, rows, p.sizeBytes(), now()),
                    main, relativePath(p, main.fileName()), table, columns, baseUrl, job);
        } catch (SQLException | IOException | RuntimeException e) {
            tables.drop(c, p.schema(), p.name());
            throw e;
        }
        refresh();
        return view(c, ProductRegistry.find(c, p.id()).orElseThrow());
    }

    private ProductView store(Connection c, ProductEntry p, Path upload, String originalName,
                              List<ProductColumn> previous) throws ProductException, SQLException, IOException {
        String stored = ProductUploads.storedName(originalName);
        Path work = Files.createDirectories(dataDir.resolve("tmp")).resolve("product-" + p.schema() + "-" + p.name());
        ProductStore.deleteTree(work);
        Files.createDirectories(work);
        try {
            long bytes = Files.size(upload);
            checkFileSize(originalName, bytes);
            Path file;
            if (ProductUploads.extension(stored).equals("zip")) {
                file = ProductUploads.unzip(upload, originalName, work, settings.maxFileBytes());
            } else {
                file = work.resolve(stored);
                Files.copy(upload, file);
            }
            bytes = Files.size(file);
            long[] used = ProductRegistry.usage(c, p.owner(), p.id());
            if (used[1] + bytes > settings.quotaBytes()) {
                throw new ProductException(413, "Quota exceeded: file " + originalName + " has " + bytes
                        + " bytes and your other products hold " + used[1] + "; the quota is " + settings.quotaBytes()
                        + " bytes per user (products.quota.max-bytes). Delete a product or ask the operators.");
            }
            long rowRoom = settings.quotaRows() - used[0];
            CatalogPreview.Inspection seen;
            try {
                seen = CatalogPreview.inspect(file, p.schema(), p.name(), null, null, PREVIEW_ROWS,
                        Math.max(0, rowRoom));
            } catch (IngestException e) {
                if (e.getMessage().contains("rows, the most allowed")) {
                    throw new ProductException(413, "Quota exceeded: file " + originalName + " has more than "
                            + Math.max(0, rowRoom) + " rows, and your other products hold " + used[0]
                            + " rows; the quota is " + settings.quotaRows() + " rows per user"
                            + " (products.quota.max-rows). Delete a product or ask the operators.");
                }
                throw ProductException.bad(e.getMessage().replace(file.getFileName().toString(),
                        ProductUploads.storedName(originalName)));
            }
            List<ProductColumn> columns = ProductAnnotations.detected(seen.table(), previous);
            ProductRegistry.FileRow row = new ProductRegistry.FileRow(file.getFileName().toString(), "main",
                    ProductUploads.contentType(file.getFileName().toString()), bytes, Products.sha256(file), null);
            ProductEntry entry = p.withContent(p.published(), seen.rows(), bytes, now());
            Path dir = directory(p);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // A replaced file is served no more; republishing registers the new one.
                ProductStore.unregisterFiles(c, p.id());
                ProductRegistry.put(c, entry);
                ProductRegistry.putColumns(c, p.id(), columns);
                ProductRegistry.putFile(c, p.id(), row);
                ProductStore.deleteTree(dir);
                Files.createDirectories(dir.getParent());
                Files.move(work, dir);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return new ProductView(entry, columns, List.of(row), seen.preview());
        } finally {
            ProductStore.deleteTree(work);
        }
    }

    private ProductView saveMetadata(Connection c, ProductEntry p, List<ProductColumn> columns)
            throws ProductException, SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ProductRegistry.put(c, p);
            ProductRegistry.putColumns(c, p.id(), columns);
            if (p.published()) {
                ProductRegistry.FileRow main = ProductRegistry.files(c, p.id()).get(0);
                tables.update(c, tables.plan(p, directory(p).resolve(main.fileName()), columns));
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException | ProductException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        refresh();
        return view(c, p);
    }

    private ProductView view(Connection c, ProductEntry p) throws SQLException, IOException {
        List<ProductRegistry.FileRow> files = ProductRegistry.files(c, p.id());
        List<Object[]> preview = List.of();
        if (!files.isEmpty()) {
            try {
                preview = CatalogPreview.inspect(directory(p).resolve(files.get(0).fileName()), p.schema(), p.name(),
                        null, null, PREVIEW_ROWS, Long.MAX_VALUE).preview();
            } catch (IngestException e) {
                preview = List.of();
            }
        }
        return new ProductView(p, ProductRegistry.columns(c, p.id()), files, preview);
    }

    private ProductEntry visible(Connection c, Identity who, String id) throws ProductException, SQLException {
        Set<String> keys = keysOf(who);
        Optional<ProductEntry> p = ProductRegistry.find(c, id);
        if (p.isEmpty() || !p.get().visibleTo(keys)) {
            throw ProductException.notFound(id);
        }
        return p.get();
    }

    private ProductEntry owned(Connection c, Identity who, String id) throws ProductException, SQLException {
        ProductEntry p = visible(c, who, id);
        if (!p.owner().equals(who.user())) {
            throw new ProductException(403, "Product " + id + " belongs to " + p.owner() + "; only its owner may"
                    + " change or delete it");
        }
        return p;
    }

    private static Set<String> keysOf(Identity who) throws ProductException {
        if (who.isAnonymous()) {
            throw new ProductException(401, "Products are published by authenticated users: send"
                    + " 'Authorization: Bearer <token>' (ask the operators for a token)");
        }
        return AccessKeys.of(who);
    }

    private void checkOfficial(Set<String> keys, Boolean official) throws ProductException {
        if (Boolean.TRUE.equals(official) && settings.adminGroups().stream().noneMatch(keys::contains)) {
            throw new ProductException(403, "Only members of " + settings.adminGroups() + " (products.admin-groups)"
                    + " may flag a product as official");
        }
    }

    private void checkFileSize(String name, long bytes) throws ProductException {
        if (bytes > settings.maxFileBytes()) {
            throw new ProductException(413, "File " + name + " has " + bytes + " bytes; a product file may have at most "
                    + settings.maxFileBytes() + " (products.max-file-bytes)");
        }
        if (bytes == 0) {
            throw ProductException.bad("File " + name + " is empty");
        }
    }

    /** The schema of {@code user}'s products: user_ and the name in lower case, other characters as '_'. */
    static String schemaOf(String user) {
        return "user_" + user.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    static String checkName(String name) throws ProductException {
        if (name == null || name.isBlank()) {
            throw ProductException.bad("Missing product name: give 'name', e.g. specz_dp1 (lower-case letters, digits"
                    + " and underscores, starting with a letter, at most 48 characters)");
        }
        String n = name.strip();
        if (!NAME.matcher(n).matches()) {
            throw ProductException.bad("Bad product name '" + (n.length() > 60 ? n.substring(0, 60) + "..." : n)
                    + "': expected lower-case letters, digits and underscores, starting with a letter, at most 48"
                    + " characters (it becomes the table name user_OWNER.NAME), e.g. specz_dp1");
        }
        if (ProductStore.isReserved(n)) {
            throw ProductException.bad("Bad product name '" + n + "': it is an ADQL reserved word; choose another"
                    + " name, e.g. " + n + "_cat");
        }
        return n;
    }

    private static ProductType type(String text) throws ProductException {
        if (text == null || text.isBlank()) {
            throw ProductException.bad("Missing product type: give 'type', one of " + ProductType.choices());
        }
        return ProductType.parse(text).orElseThrow(() -> ProductException.bad("Unknown product type '" + text
                + "': expected one of " + ProductType.choices()));
    }

    private Path directory(ProductEntry p) {
        return dataDir.resolve(Products.DIRECTORY).resolve(FILES_ROOT).resolve(p.schema()).resolve(p.name());
    }

    private static String relativePath(ProductEntry p, String fileName) {
        return FILES_ROOT + "/" + p.schema() + "/" + p.name() + "/" + fileName;
    }

    private String now() {
        return ProductRegistry.STAMP.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
