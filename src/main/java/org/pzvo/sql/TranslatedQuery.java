// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Objects;
import org.pzvo.adql.check.ResultColumn;

/**
 * The result of {@link Translator#translate}: the SQL to execute, the metadata of each output
 * column (in SELECT order, for the VOTable FIELDs), and the query as normalised ADQL.
 */
public record TranslatedQuery(String sql, List<ResultColumn> columns, String normalizedAdql) {
    public TranslatedQuery {
        Objects.requireNonNull(sql, "sql");
        columns = List.copyOf(columns);
        Objects.requireNonNull(normalizedAdql, "normalizedAdql");
    }
}
