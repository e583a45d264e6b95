// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.List;
import java.util.Objects;
import org.pzvo.adql.ast.Query;

/**
 * The result of {@link Checker#check}: the resolved tree (canonical names, {@code *} expanded,
 * every select item aliased with its unique output name) and one {@link ResultColumn} per output
 * column, in order.
 */
public record CheckedQuery(Query resolved, List<ResultColumn> columns) {
    public CheckedQuery {
        Objects.requireNonNull(resolved, "resolved");
        columns = List.copyOf(columns);
    }
}
