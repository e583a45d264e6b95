// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.IOException;
import java.io.OutputStream;
import org.pzvo.dali.OutputFormat;

/**
 * Where a query result goes: an HTTP response (sync) or a UWS result file (async). {@link #open}
 * is called only once the query has started without error, so errors found earlier can still be
 * reported with their own status; the caller owns and closes nothing it did not open.
 */
@FunctionalInterface
public interface ResultTarget {
    OutputStream open(OutputFormat format) throws IOException;
}
