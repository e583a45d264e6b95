// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import java.util.Objects;
import java.util.Optional;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.CheckedQuery;
import org.pzvo.adql.check.Checker;
import org.pzvo.adql.print.AdqlPrinter;
import org.pzvo.db.Engine;

/**
 * ADQL text to SQL for one engine (DESIGN.md "Architecture: one way through"): parse, check
 * against the catalog, run the rewriting {@link Passes}, render with the {@link SqlDialect}.
 * Every error a user can cause is an {@link AdqlException} with the position of the offending
 * text. Immutable and thread-safe as long as the catalog is; one instance serves any number of
 * requests (build one per request when the catalog includes that request's uploads).
 */
public final class Translator {
    private final Catalog catalog;
    private final SqlDialect dialect;

    private Translator(Catalog catalog, SqlDialect dialect) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** A translator resolving names against {@code catalog} and writing SQL for {@code dialect}. */
    public static Translator of(Catalog catalog, SqlDialect dialect) {
        return new Translator(catalog, dialect);
    }

    /**
     * Translates one ADQL query.
     *
     * @param adql the query text
     * @param rowLimit the row cap to impose on the outermost query (MAXREC+1 for overflow
     *     detection), or -1 for none; a smaller TOP in the query wins
     * @return the SQL, the output columns and the normalised ADQL
     * @throws AdqlException for a syntax error, an unknown name, a type error or an unsupported
     *     construct, with its line and column
     */
    public TranslatedQuery translate(String adql, long rowLimit) throws AdqlException {
        return translate(adql, rowLimit, MatchPlanner.NONE);
    }

    /**
     * Translates one ADQL query, handing its positional join to the cross-match engine when
     * {@code planner} knows both tables ({@link TranslatedQuery#pairs()} then says what to match).
     */
    public TranslatedQuery translate(String adql, long rowLimit, MatchPlanner planner) throws AdqlException {
        Query parsed = AdqlParser.parseQuery(adql);
        CheckedQuery checked = Checker.check(parsed, catalog);
        EnginePairs enginePairs = new EnginePairs(planner);
        Query rewritten = Passes.run(Passes.standard(dialect, rowLimit, checked.columns(), enginePairs),
                checked.resolved());
        String sql = new SqlRenderer(dialect).render(rewritten);
        Optional<PairRequest> pairs = enginePairs.request();
        Optional<BoundSql> bound = dialect.engine() == Engine.H2 && pairs.isEmpty()
                ? Optional.of(SqlRenderer.renderBound(dialect, rewritten)) : Optional.empty();
        return new TranslatedQuery(sql, checked.columns(), AdqlPrinter.print(parsed), pairs,
                ResultBound.of(rewritten), bound);
    }

    /** The dialect this translator writes. */
    public SqlDialect dialect() {
        return dialect;
    }
}
