// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.check.FunctionInfo;

/** The declared features and the query check agree: each declared feature is needed by some query. */
class FeaturesTest {
    /** One query per declared form that uses it. */
    private static final Map<String, String> USES = Map.ofEntries(
            Map.entry("POINT", "SELECT POINT(1, 2) FROM t"),
            Map.entry("CIRCLE", "SELECT a FROM t WHERE 1 = CONTAINS(p, CIRCLE(p, 1))"),
            Map.entry("BOX", "SELECT AREA(BOX(p, 1, 2)) FROM t"),
            Map.entry("POLYGON", "SELECT POLYGON(p, q, r) FROM t"),
            Map.entry("REGION", "SELECT REGION('Circle ICRS 1 2 3') FROM t"),
            Map.entry("CENTROID", "SELECT CENTROID(c) FROM t"),
            Map.entry("CONTAINS", "SELECT a FROM t WHERE 1 = CONTAINS(p, c)"),
            Map.entry("INTERSECTS", "SELECT a FROM t WHERE 1 = INTERSECTS(p, c)"),
            Map.entry("AREA", "SELECT AREA(c) FROM t"),
            Map.entry("COORD1", "SELECT COORD1(p) FROM t"),
            Map.entry("COORD2", "SELECT COORD2(p) FROM t"),
            Map.entry("COORDSYS", "SELECT COORDSYS(p) FROM t"),
            Map.entry("DISTANCE", "SELECT DISTANCE(p, q) FROM t"),
            Map.entry("LOWER", "SELECT LOWER(a) FROM t"),
            Map.entry("UPPER", "SELECT UPPER(a) FROM t"),
            Map.entry("ILIKE", "SELECT a FROM t WHERE a ILIKE 'x%'"),
            Map.entry("OFFSET", "SELECT a FROM t OFFSET 3"),
            Map.entry("CAST", "SELECT CAST(a AS INTEGER) FROM t"),
            Map.entry("IN_UNIT", "SELECT IN_UNIT(a, 'm') FROM t"),
            Map.entry("UNION", "SELECT a FROM t UNION SELECT a FROM u"),
            Map.entry("EXCEPT", "SELECT a FROM t EXCEPT SELECT a FROM u"),
            Map.entry("INTERSECT", "SELECT a FROM t INTERSECT SELECT a FROM u"),
            Map.entry("WITH", "WITH x AS (SELECT a FROM t) SELECT a FROM x"),
            Map.entry("COALESCE", "SELECT COALESCE(a, 1) FROM t"),
            Map.entry("CASE", "SELECT CASE WHEN a = 1 THEN 2 END FROM t"),
            Map.entry("ivo_healpix_index", "SELECT ivo_healpix_index(6, ra, dec) FROM t"),
            Map.entry("ivo_healpix_center", "SELECT ivo_healpix_center(6, 5) FROM t"),
            Map.entry("ivo_hasword", "SELECT a FROM t WHERE 1 = ivo_hasword(a, 'x')"),
            Map.entry("ivo_nocasematch", "SELECT a FROM t WHERE 1 = ivo_nocasematch(a, 'x%')"),
            Map.entry("ivo_string_agg", "SELECT ivo_string_agg(a, ',') FROM t"),
            Map.entry("ivo_histogram", "SELECT ivo_histogram(a, 0, 1, 10) FROM t"));

    @Test
    void everyDeclaredFeatureIsUsedByItsSampleQueryAndNeededByIt() throws AdqlException {
        List<LanguageFeature> all = Features.supported();
        assertEquals(USES.keySet(), all.stream().map(LanguageFeature::name).collect(Collectors.toSet()));
        for (LanguageFeature feature : all) {
            Query q = AdqlParser.parseQuery(USES.get(feature.name()));
            Features.check(q, all);
            List<LanguageFeature> without = all.stream().filter(f -> f != feature).collect(Collectors.toList());
            assertThrows(AdqlException.class, () -> Features.check(q, without), feature.form());
        }
    }

    @Test
    void typeUrisAreThoseOfTapRegExt() {
        Set<String> types = Features.supported().stream().map(LanguageFeature::typeUri).collect(Collectors.toSet());
        String prefix = "ivo://ivoa.net/std/TAPRegExt#features-";
        assertEquals(Set.of(prefix + "adqlgeo", prefix + "adql-string", prefix + "adql-offset", prefix + "adql-type",
                prefix + "adql-unit", prefix + "adql-sets", prefix + "adql-common-table", prefix + "adql-conditional",
                prefix + "udf"), types);
    }

    @Test
    void udfFormsBecomeFunctionInfos() {
        Map<String, FunctionInfo> udfs = Features.udfs().stream()
                .collect(Collectors.toMap(FunctionInfo::name, f -> f));
        assertEquals(Set.of("ivo_healpix_index", "ivo_healpix_center", "ivo_hasword", "ivo_nocasematch",
                "ivo_string_agg", "ivo_histogram"), udfs.keySet());
        assertEquals(List.of("INTEGER", "DOUBLE", "DOUBLE"), udfs.get("ivo_healpix_index").argumentTypes());
        assertEquals("BIGINT", udfs.get("ivo_healpix_index").returnType());
        assertEquals("INTEGER[]", udfs.get("ivo_histogram").returnType());
        assertEquals(List.of("VARCHAR", "VARCHAR"), udfs.get("ivo_string_agg").argumentTypes());
        assertTrue(Features.isAggregateUdf("IVO_STRING_AGG"));
    }

    @Test
    void anUndeclaredFunctionIsRefusedAtItsPosition() throws AdqlException {
        Query q = AdqlParser.parseQuery("SELECT id,\n  my_undefined_function(ra, dec) FROM t");
        AdqlException e = assertThrows(AdqlException.class, () -> Features.check(q, Features.supported()));
        assertEquals("line 2, column 3: unknown function 'my_undefined_function'", e.getMessage());
    }

    @Test
    void featureOfNamesTheFeatureANodeUses() throws AdqlException {
        Query q = AdqlParser.parseQuery("SELECT a FROM t UNION SELECT a FROM u");
        assertEquals("UNION", Features.featureOf(q).orElseThrow().form());
        assertEquals(Features.SETS, Features.featureOf(q).orElseThrow().typeUri());
    }
}
