// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.nio.file.Path;

/**
 * Input refused by {@code pzvo ingest}. The message is one line, for the user, and names the
 * file and, where it applies, the 1-based data row and the column:
 * {@code cat.csv: row 3, column dec: expected a declination in [-90, 90] deg, actual 95.0}.
 * Whenever it is thrown, the database has been left as it was before the load.
 */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code <file>: <what>}. */
    static IngestException of(Path file, String what) {
        return new IngestException(name(file) + ": " + what);
    }

    /** {@code <file>: column <c>: <what>}. */
    static IngestException column(Path file, String column, String what) {
        return new IngestException(name(file) + ": column " + column + ": " + what);
    }

    /** {@code <file>: row <n>, column <c>: <what>}, {@code row} 1-based. */
    static IngestException cell(Path file, long row, String column, String what) {
        return new IngestException(name(file) + ": row " + row + ", column " + column + ": " + what);
    }

    /** {@code <file>: row <n>: <what>}, {@code row} 1-based. */
    static IngestException row(Path file, long row, String what) {
        return new IngestException(name(file) + ": row " + row + ": " + what);
    }

    /** The file name as messages show it (the last path element). */
    static String name(Path file) {
        return file.getFileName().toString();
    }
}
