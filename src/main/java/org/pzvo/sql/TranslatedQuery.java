// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pzvo.adql.check.ResultColumn;

/**
 * The result of {@link Translator#translate}: the SQL to execute, the metadata of each output
 * column (in SELECT order, for the VOTable FIELDs), the query as normalised ADQL, the
 * cross-match engine's work when the SQL reads its pairs (two array parameters to bind), and the
 * most rows the query can return ({@link ResultBound}, -1 when unknown), and on H2 the same SQL
 * with its numeric literals as parameters ({@link BoundSql}; not when the SQL reads pairs).
 */
public record TranslatedQuery(String sql, List<ResultColumn> columns, String normalizedAdql,
                              Optional<PairRequest> pairs, long maxRows, Optional<BoundSql> bound) {
    public TranslatedQuery {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(bound, "bound");
        columns = List.copyOf(columns);
        Objects.requireNonNull(normalizedAdql, "normalizedAdql");
        Objects.requireNonNull(pairs, "pairs");
    }
}
