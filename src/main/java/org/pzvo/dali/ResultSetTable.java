// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A JDBC {@link ResultSet} seen as a one-pass STIL {@code StarTable}.
 *
 * <p>Beware: the row count is unknown (-1) and {@link #getRowSequence()} may be called only once;
 * a second call throws. Rows are read straight from the cursor (fetch size set by the caller), so
 * nothing is held in memory. At most {@code maxRows} rows are delivered; if the cursor had more,
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
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean overflowed;
    private volatile boolean exhausted;
    /** Whether {@link #prefetch()} has read the first row that the sequence has not delivered yet. */
    private boolean prefetchPending;
    private boolean prefetchedRow;
    private boolean stopAtError;
    private volatile SQLException failure;
    private volatile long rowsRead;

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

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IOException("A streamed query result can be read only once");
        }
        return new RowSequence() {
            private final Object[] row = new Object[infos.length];

            @Override
            public boolean next() throws IOException {
                try {
                    if (exhausted) {
                        return false;
                    }
                    if (rowsRead >= maxRows) {
                        exhausted = true;
                        overflowed = advance();
                        return false;
                    }
                    if (!advance()) {
                        exhausted = true;
                        return false;
                    }
                    for (int i = 0; i < readers.length; i++) {
                        row[i] = readers[i].read(resultSet);
                    }
                    if (++rowsRead % PROGRESS_EVERY == 0) {
                        progress.accept(rowsRead);
                    }
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
            }
        };
    }
}
