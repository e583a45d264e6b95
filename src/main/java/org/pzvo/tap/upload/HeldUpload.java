// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import org.pzvo.xmatch.HeldTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * An uploaded table as the cross-match engine reads it, straight from STIL (checked already):
 * the values {@link UploadLoader} would store, the HEALPix column as computed by the check, rows
 * numbered as the stored table's row key.
 */
final class HeldUpload implements HeldTable {
    private final StarTable table;
    private final UploadSchema schema;
    private final UploadLoader.Checked checked;

    HeldUpload(StarTable table, UploadSchema schema, UploadLoader.Checked checked) {
        this.table = table;
        this.schema = schema;
        this.checked = checked;
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
            public Object value(int column) {
                return UploadLoader.value(number, row, schema, checked, column);
            }

            @Override
            public void close() throws IOException {
                seq.close();
            }
        };
    }
}
