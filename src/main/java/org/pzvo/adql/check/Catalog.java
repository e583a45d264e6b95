// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.List;

/**
 * The metadata the checker resolves names against: what the current user may see, including the
 * TAP_UPLOAD tables of the request. Implementations must return the same lists on every call
 * during one check and be safe to read from the checking thread.
 */
public interface Catalog {
    /** Every visible table, with canonical schema, table and column names. */
    List<TableInfo> tables();

    /** User-defined functions (ivo_*), with signature and return type. */
    List<FunctionInfo> functions();
}
