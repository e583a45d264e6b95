// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;
import org.pzvo.sql.MatchPlanner;
import org.pzvo.sql.PairRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cross-match engine (DESIGN.md "HEALPix everywhere"): finds the pairs of a
 * {@link PairRequest} with the {@link Matcher} merge. A catalog table (one with a position and a
 * single integer primary key) is read from its position index {@code <data>/index/<schema.table>.pos},
 * mapped once per process and checked against the table on first use (rebuilt when stale); an
 * upload is read from its {@link HeldTable}, and a catalog giving a per-row radius with one SQL
 * scan, both sorted in memory.
 *
 * <p>Thread-safe; one instance per server.
 */
public final class CrossMatchEngine implements MatchPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(CrossMatchEngine.class);

    private final Path indexDir;
    private final Metadata metadata;
    private final Map<String, MappedIndex> mapped = new ConcurrentHashMap<>();
    private volatile boolean h2Installed;

    /** @param indexDir {@code <data>/index} */
    public CrossMatchEngine(Path indexDir, Metadata metadata) {
        this.indexDir = indexDir;
        this.metadata = metadata;
    }

    /** The key of a catalog table: its primary key when that is one integer column. */
    @Override
    public Optional<String> keyColumn(TableInfo table) {
        return metadata.table(table.schema(), table.name()).flatMap(CrossMatchEngine::catalogKey);
    }

    static Optional<String> catalogKey(TableMeta t) {
        return t.position().isEmpty() ? Optional.empty() : t.integerKey().map(ColumnMeta::name);
    }

    /** Two key columns: element i of each is one pair (first table's key, second table's key). */
    public record Found(long[] firstKeys, long[] secondKeys) {
    }

    /**
     * The pairs of {@code request}.
     *
     * @param cancelled polled between chunks of work
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public Found find(Connection c, PairRequest request, BooleanSupplier cancelled) throws SQLException, IOException {
        return find(c, request, cancelled, null);
    }

    /**
     * @param firstOrder the pairs in the first table's key order (true), the second's (false), or
     *                   (null) the larger table's: the order in which the database then reads that
     *                   table's rows, page after page
     */
    private Found find(Connection c, PairRequest request, BooleanSupplier cancelled, Boolean firstOrder)
            throws SQLException, IOException {
        Optional<PairRequest.RadiusColumn> radius = request.radiusColumn();
        boolean radiusOnFirst = radius.isPresent() && radius.get().ofFirst();
        boolean radiusOnSecond = radius.isPresent() && !radius.get().ofFirst();
        TableRead first = read(c, request.first(), radiusOnFirst ? radius.get().column() : null);
        TableRead second = read(c, request.second(), radiusOnSecond ? radius.get().column() : null);
        boolean firstProbes = radius.isPresent() ? radiusOnFirst
                : first.positions().size() <= second.positions().size();
        TableRead probe = firstProbes ? first : second;
        TableRead target = firstProbes ? second : first;
        Matcher.Spec spec = new Matcher.Spec(probe.positions(), probe.radiusDeg(), request.radiusDeg(),
                target.positions(), firstProbes, request.strict());
        long t0 = System.nanoTime();
        Matcher.Pairs pairs = Matcher.match(spec, cancelled);
        LOG.debug("cross-match {} x {}: {} pairs in {} ms", probe.positions().size(), target.positions().size(),
                pairs.size(), (System.nanoTime() - t0) / 1_000_000);
        // In the order of the key of the table the database reads (by default the larger): it then
        // fetches its rows in key order, page after page, instead of one random page per pair.
        boolean byTarget = firstOrder == null || firstOrder != firstProbes;
        int[] order = RadixSort.order(signedOrder(pairs, byTarget), pairs.size());
        long[] a = new long[pairs.size()];
        long[] b = new long[pairs.size()];
        for (int i = 0; i < a.length; i++) {
            int j = order[i];
            a[i] = firstProbes ? pairs.first(j) : pairs.second(j);
            b[i] = firstProbes ? pairs.second(j) : pairs.first(j);
        }
        return new Found(a, b);
    }

    /** Pairs bound to a statement; closing releases them (after the statement ran). */
    public interface Bound extends AutoCloseable {
        /** Nothing bound. */
        Bound NONE = () -> { };

        @Override
        void close();
    }

    /** Creates what the SQL reading the pairs needs (H2's {@code pzvo_pairs}); call before preparing it. */
    public void install(Connection c, Engine engine) throws SQLException {
        if (engine == Engine.H2 && !h2Installed) {
            H2Pairs.install(c);
            h2Installed = true;
        }
    }

    /**
     * Finds the pairs of {@code request} and binds them to {@code st}, whose SQL reads them
     * through {@code SqlDialect.pairParameters}.
     */
    public Bound bind(Connection c, PreparedStatement st, PairRequest request, Engine engine, BooleanSupplier cancelled)
            throws SQLException, IOException {
        if (request.rows() != PairRequest.Rows.NONE) {
            if (engine != Engine.H2) {
                throw new IllegalArgumentException("The engine supplies rows with its pairs only on H2");
            }
            boolean firstSupplied = request.rows() == PairRequest.Rows.FIRST;
            // The database reads only the other table: the pairs in its key order.
            Found found = find(c, request, cancelled, !firstSupplied);
            TableInfo supplied = (firstSupplied ? request.first() : request.second()).table();
            HeldTable held = HeldTable.of(supplied.sqlName()).orElseThrow(() -> new IllegalStateException(
                    "The engine supplies the rows of held tables only, not of " + supplied.qualifiedName()));
            SuppliedRows rows = SuppliedRows.read(held, supplied,
                    firstSupplied ? found.firstKeys() : found.secondKeys(),
                    firstSupplied ? found.secondKeys() : found.firstKeys(), cancelled);
            H2Pairs.Registration registration = H2Pairs.register(rows);
            st.setString(1, registration.token());
            return registration::close;
        }
        Found found = find(c, request, cancelled);
        if (engine == Engine.POSTGRESQL) {
            // pgjdbc sends primitive arrays as int8[] without boxing.
            st.setObject(1, found.firstKeys());
            st.setObject(2, found.secondKeys());
            return Bound.NONE;
        }
        H2Pairs.Registration registration = H2Pairs.register(found);
        st.setString(1, registration.token());
        return registration::close;
    }

    /** The target (or probe) keys mapped so that unsigned order is signed order, for {@link RadixSort}. */
    private static long[] signedOrder(Matcher.Pairs pairs, boolean target) {
        long[] keys = new long[pairs.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (target ? pairs.second(i) : pairs.first(i)) ^ Long.MIN_VALUE;
        }
        return keys;
    }

    private TableRead read(Connection c, PairRequest.Side side, String radiusColumn) throws SQLException, IOException {
        TableInfo t = side.table();
        if (radiusColumn == null) {
            Optional<TableMeta> meta = metadata.table(t.schema(), t.name());
            if (meta.isPresent() && catalogKey(meta.get()).isPresent() && t.sqlName().equals(t.name())) {
                return new TableRead(catalog(c, meta.get()), null);
            }
        }
        return PositionReader.read(c, t, side.keyColumn(), radiusColumn);
    }

    /** A mapped index and the modification time of its file when mapped. */
    private record MappedIndex(Positions positions, FileTime modified) {
    }

    /**
     * The mapped index of a catalog table: checked against the table (and built or rebuilt when
     * missing or stale) on first use, mapped again whenever ingest has rewritten the file.
     */
    private Positions catalog(Connection c, TableMeta table) throws SQLException, IOException {
        String name = table.qualifiedName();
        Path file = PositionIndexFiles.file(indexDir, table);
        MappedIndex m = mapped.get(name);
        if (m != null && m.modified().equals(modified(file))) {
            return m.positions();
        }
        synchronized (this) {
            m = mapped.get(name);
            if (m == null || !m.modified().equals(modified(file))) {
                Positions p = PositionIndexFiles.current(c, indexDir, table);
                m = new MappedIndex(p, modified(file));
                mapped.put(name, m);
            }
            return m.positions();
        }
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
    }

    /**
     * Builds (or rebuilds, when stale) the position index of every catalog table of
     * {@code metadata}; for start-up, so the first cross-match does not pay for it.
     */
    public void prepare(Connection c) {
        for (TableMeta t : metadata.tables()) {
            if (catalogKey(t).isPresent()) {
                try {
                    catalog(c, t);
                } catch (SQLException | IOException e) {
                    // The engine then tries again on first use; the query fails there with the cause.
                    LOG.warn("Could not prepare the position index of {}: {}", t.qualifiedName(), e.getMessage());
                }
            }
        }
    }
}
