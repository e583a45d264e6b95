// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import org.pzvo.dali.DaliException;
import org.pzvo.xmatch.HeldTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * An uploaded table as the cross-match engine reads it, straight from STIL (validated already):
 * the values {@link UploadLoader} would store, the HEALPix column computed, rows numbered as the
 * stored table's row key.
 */
final class HeldUpload implements HeldTable {
    private final String name;
    private final StarTable table;
    private final UploadSchema schema;

    HeldUpload(String name, StarTable table, UploadSchema schema) {
        this.name = name;
        this.table = table;
        this.schema = schema;
    }

    @Override
    public Rows rows() throws IOException {
        RowSequence seq = table.getRowSequence();
        return new Rows() {
            private long number;
            private Object[] row;

            @Override
            public boolean next() throws IOException {
                row = null;
                if (!seq.next()) {
                    return false;
                }
                number++;
                row = seq.getRow();
                return true;
            }

            @Override
            public Object value(int column) throws IOException {
                try {
                    return UploadLoader.value(name, number, row, schema, column);
                } catch (DaliException e) {
                    // validate() refused such rows before any query ran.
                    throw new IllegalStateException("Upload " + name + " changed after it was checked", e);
                }
            }

            @Override
            public void close() throws IOException {
                seq.close();
            }
        };
    }
}
