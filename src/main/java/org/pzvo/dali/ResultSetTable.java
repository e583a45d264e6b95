// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A JDBC {@link ResultSet} seen as a one-pass STIL {@code StarTable}.
 *
 * <p>Beware: the row count is unknown (-1) and {@link #getRowSequence()} may be called only once;
 * a second call throws. Rows are read straight from the cursor (fetch size set by the caller):
 * the first {@value #INLINE_ROWS} on the writer's thread, the rest by a second thread a few
 * batches ahead of the writer (at most {@value #QUEUED_BATCHES} x {@value #BATCH_ROWS} rows held),
 * so that producing and encoding rows overlap. {@link #close()} (also closing the sequence) stops
 * that thread; call it before closing the cursor. At most {@code maxRows} rows are delivered; if the cursor had more,
 * {@link #overflowed()} turns true once the sequence has been read to its end. Column metadata
 * comes from the given {@link FieldMeta}s (from TAP_SCHEMA), not from the JDBC driver.
 */
public final class ResultSetTable extends AbstractStarTable {
    private final ResultSet resultSet;
    private final ColumnInfo[] infos;
    private final JdbcValues.Reader[] readers;
    private final long maxRows;
    private final LongConsumer progress;
    private static final int PROGRESS_EVERY = 10_000;
    /** Rows read on the writing thread before a second one takes the cursor over: small results need no hand-off. */
    private static final int INLINE_ROWS = 10_000;
    private static final int BATCH_ROWS = 1_000;
    private static final int QUEUED_BATCHES = 8;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean overflowed;
    private volatile boolean exhausted;
    /** Whether {@link #prefetch()} has read the first row that the sequence has not delivered yet. */
    private boolean prefetchPending;
    private boolean prefetchedRow;
    private boolean stopAtError;
    private volatile SQLException failure;
    /** Rows delivered to the writer. */
    private volatile long rowsRead;
    /** Rows read from the cursor (ahead of {@link #rowsRead} once the {@link Fetcher} runs). */
    private long rowsFetched;
    private volatile Fetcher fetcher;

    /**
     * @param progress called with the number of rows read so far, every {@value #PROGRESS_EVERY} rows
     */
    public ResultSetTable(ResultSet resultSet, List<FieldMeta> fields, long maxRows, LongConsumer progress) {
        this.resultSet = resultSet;
        this.maxRows = maxRows;
        this.progress = progress;
        this.infos = new ColumnInfo[fields.size()];
        this.readers = new JdbcValues.Reader[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            infos[i] = StilColumns.columnInfo(fields.get(i));
            readers[i] = JdbcValues.reader(fields.get(i), i + 1);
        }
    }

    @Override
    public int getColumnCount() {
        return infos.length;
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return infos[icol];
    }

    /** True once reading stopped at {@code maxRows} while the cursor still had rows. */
    public boolean overflowed() {
        return overflowed;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Moves the cursor to the first row before anything is written, so that errors the database
     * raises only when rows are produced (lazy execution, functions refusing a value) are still
     * reported with their own status instead of in the middle of a 200 response.
     */
    public void prefetch() throws SQLException {
        if (!prefetchPending && rowsRead == 0 && !exhausted) {
            prefetchedRow = resultSet.next();
            prefetchPending = true;
        }
    }

    /**
     * Makes a database error after the first row end the sequence instead of throwing; the error
     * is kept in {@link #failure()}. For formats that can report it after the data (VOTable's
     * trailing QUERY_STATUS=ERROR, DALI 1.1 §4.4).
     */
    public void stopAtError() {
        stopAtError = true;
    }

    /** The database error that ended the sequence early, if any (only with {@link #stopAtError()}). */
    public java.util.Optional<SQLException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    private boolean advance() throws SQLException {
        if (prefetchPending) {
            prefetchPending = false;
            return prefetchedRow;
        }
        return resultSet.next();
    }

    /**
     * Reads the cursor's next row into {@code target}: true, or false at the end (of the rows, at
     * {@code maxRows}, or at a database error kept by {@link #stopAtError()}).
     */
    private boolean read(Object[] target) throws IOException {
        try {
            if (exhausted) {
                return false;
            }
            if (rowsFetched >= maxRows) {
                exhausted = true;
                overflowed = advance();
                return false;
            }
            if (!advance()) {
                exhausted = true;
                return false;
            }
            for (int i = 0; i < readers.length; i++) {
                target[i] = readers[i].read(resultSet);
            }
            rowsFetched++;
            return true;
        } catch (SQLException e) {
            exhausted = true;
            if (stopAtError) {
                failure = e;
                return false;
            }
            throw new IOException(JdbcValues.describe(e), e);
        }
    }

    /** Stops the second reading thread, if any, and waits for it: the cursor is then the caller's again. */
    @Override
    public void close() {
        Fetcher f = fetcher;
        if (f != null) {
            f.stop();
        }
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IOException("A streamed query result can be read only once");
        }
        return new RowSequence() {
            private Object[] row = new Object[infos.length];
            private Batch batch;
            private int inBatch;

            @Override
            public boolean next() throws IOException {
                if (fetcher == null && (rowsRead < INLINE_ROWS || exhausted)) {
                    if (!read(row)) {
                        return false;
                    }
                } else {
                    if (fetcher == null) {
                        fetcher = new Fetcher();
                    }
                    while (batch == null || inBatch == batch.size()) {
                        if (batch != null && batch.last()) {
                            fetcher.stop();
                            if (batch.error() != null) {
                                throw batch.error();
                            }
                            return false;
                        }
                        batch = fetcher.take();
                        inBatch = 0;
                    }
                    row = batch.rows()[inBatch++];
                }
                if (++rowsRead % PROGRESS_EVERY == 0) {
                    progress.accept(rowsRead);
                }
                return true;
            }

            @Override
            public Object getCell(int icol) {
                return row[icol];
            }

            @Override
            public Object[] getRow() {
                return row;
            }

            @Override
            public void close() {
                // The cursor belongs to the caller, who closes statement and connection.
                ResultSetTable.this.close();
            }
        };
    }

    /** Rows read ahead by the fetching thread; {@code last} ends the result ({@code error} when it failed). */
    private record Batch(Object[][] rows, int size, boolean last, IOException error) {
    }

    /**
     * Reads the rest of a large result on a second thread, a few batches ahead of the writer, so
     * that the database (or H2 in this process) produces rows while the previous ones are encoded
     * and sent. The thread alone uses the cursor until {@link #stop} has returned.
     */
    private final class Fetcher {
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private final Thread thread;
        private volatile boolean stopped;

        Fetcher() {
            thread = new Thread(this::run, "pzvo-fetch");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            boolean last = false;
            while (!last && !stopped) {
                Object[][] rows = new Object[BATCH_ROWS][];
                int n = 0;
                IOException error = null;
                try {
                    while (n < BATCH_ROWS && !stopped) {
                        Object[] r = new Object[infos.length];
                        if (!read(r)) {
                            last = true;
                            break;
                        }
                        rows[n++] = r;
                    }
                } catch (IOException e) {
                    error = e;
                    last = true;
                } catch (RuntimeException e) {
                    error = new IOException("Reading the result failed: " + e, e);
                    last = true;
                }
                if (!put(new Batch(rows, n, last, error))) {
                    return;
                }
            }
        }

        /** Queues {@code batch}; false when the reader stopped waiting for it. */
        private boolean put(Batch batch) {
            try {
                while (!stopped) {
                    if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        Batch take() throws IOException {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IOException("Interrupted while reading the result", e);
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
