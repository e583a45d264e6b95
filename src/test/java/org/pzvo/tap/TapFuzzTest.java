// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.feature.Features;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.db.Metadata;
import org.pzvo.sql.SqlDialects;
import org.pzvo.sql.Translator;

/**
 * Seeded fuzzing of the parameter layer and of the ADQL front end (issue 9): thousands of
 * mutated example queries, token soups and random parameter sets. The only acceptable outcomes
 * are a translation or a user error ({@link AdqlException}, {@link DaliException}); any other
 * exception would be a 500, and every case must finish quickly (no hang, no runaway
 * backtracking).
 */
class TapFuzzTest {
    private static final long SEED = 9_2026_11_23L;
    private static final String[] TOKENS = {"SELECT", "TOP", "DISTINCT", "FROM", "WHERE", "AND", "OR", "NOT", "(",
        ")", ",", "*", "+", "-", "/", "||", "=", "<", ">", "<=", ">=", "<>", "!=", "1", "0", "-1", "1e308", "1e-400",
        "9223372036854775808", "0.5", "'x'", "''", "'''", "\"a\"", "\"\"", "NULL", "TRUE", "IS", "IN", "LIKE",
        "ILIKE", "BETWEEN", "EXISTS", "JOIN", "LEFT", "OUTER", "NATURAL", "ON", "USING", "AS", "GROUP", "BY",
        "HAVING", "ORDER", "ASC", "DESC", "OFFSET", "UNION", "INTERSECT", "EXCEPT", "WITH", "CASE", "WHEN",
        "THEN", "ELSE", "END", "CAST", "INTEGER", "POINT", "CIRCLE", "BOX", "POLYGON", "CONTAINS", "INTERSECTS",
        "DISTANCE", "COORD1", "AREA", "REGION", "ivo_healpix_index", "ivo_healpix_center", "COUNT", "AVG", "MAX",
        "pz.photoz", "lsst.object", "spec.specz", "spec.specz_private", "TAP_SCHEMA.tables", "z_mode", "ra", "dec",
        "objectId", "p", "o", "p.ra", "o.coord_ra", "'ICRS'", "'GALACTIC'", ";", "--", "/*", "*/", "\\", "$$",
        "\u0000", "\u00e9", "😀", "IN_UNIT", "'deg'", "LOWER", "MOD", "POWER", "SQRT", "LOG10", "GREATEST"};

    private final Metadata metadata = Metadata.load(Path.of("tap-schema"));
    private final MetadataCatalog catalog = MetadataCatalog.forGroups(metadata, Set.of(), Features.udfs());

    TapFuzzTest() throws Exception {
    }

    private static String mutate(String query, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(query);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
                case 2 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
                default -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(12)));
            }
        }
        return sb.toString();
    }

    private static String soup(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("SELECT ");
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(5) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    @Test
    void mutatedQueriesGiveATranslationOrAnAdqlErrorAndNeverHang() {
        List<String> seeds = new ArrayList<>();
        Examples.load().all().forEach(e -> seeds.add(e.query()));
        SplittableRandom r = new SplittableRandom(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < 6000; i++) {
                String q = i % 3 == 0 ? soup(r) : mutate(seeds.get(r.nextInt(seeds.size())), r);
                for (var dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
                    long start = System.nanoTime();
                    try {
                        Translator.of(catalog, dialect).translate(q, 1001);
                        outcomes[0]++;
                    } catch (AdqlException e) {
                        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), q);
                        outcomes[1]++;
                    } catch (RuntimeException | StackOverflowError e) {
                        throw new AssertionError("case " + i + " on " + dialect + " threw " + e + " for: " + q, e);
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(millis < 2000, "case " + i + " took " + millis + " ms: " + q);
                }
            }
        });
        assertTrue(outcomes[0] > 100 && outcomes[1] > 1000, "both outcomes exercised: " + outcomes[0] + " translated, "
                + outcomes[1] + " refused");
    }

    @Test
    void randomParameterSetsGiveAQueryOrADaliError() {
        String[] names = {"LANG", "QUERY", "MAXREC", "RESPONSEFORMAT", "FORMAT", "REQUEST", "VERSION", "RUNID", "UPLOAD",
            "lang", "query", "maxrec", "Lang", "X", ""};
        String[] values = {"ADQL", "adql", "ADQL-2.1", "SQL", "", " ", "SELECT 1", "-1", "0", "1", "abc", "1e9",
            "99999999999999999999", "votable", "csv", "application/x-votable+xml", "text/html", "doQuery", "1.0",
            "1.1", "t,http://example.org/x", "t,param:f", "a;b,c", ",", "t,file:///etc/passwd", "\u0000", "😀",
            "x".repeat(5000)};
        TapQuery.Limits limits = new TapQuery.Limits(1000, 100_000, 2000);
        SplittableRandom r = new SplittableRandom(SEED + 1);
        int[] outcomes = new int[2];
        for (int i = 0; i < 20_000; i++) {
            Map<String, String[]> raw = new LinkedHashMap<>();
            if (r.nextBoolean()) {
                // Half the cases start valid, so that the optional parameters are reached too.
                raw.put("LANG", new String[] {"ADQL"});
                raw.put("QUERY", new String[] {"SELECT 1 AS x"});
            }
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                String[] v = new String[1 + r.nextInt(2)];
                for (int j = 0; j < v.length; j++) {
                    v[j] = values[r.nextInt(values.length)];
                }
                raw.put(names[r.nextInt(names.length)], v);
            }
            try {
                TapQuery.parse(DaliParams.of(raw), limits);
                outcomes[0]++;
            } catch (DaliException e) {
                assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 500, e.getMessage());
                outcomes[1]++;
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " threw " + e + " for " + describe(raw), e);
            }
        }
        assertTrue(outcomes[0] > 100 && outcomes[1] > 1000, outcomes[0] + " accepted, " + outcomes[1] + " refused");
    }

    private static String describe(Map<String, String[]> raw) {
        StringBuilder sb = new StringBuilder();
        raw.forEach((k, v) -> sb.append(k).append('=').append(String.join("|", v)).append(' '));
        return sb.toString();
    }
}
