// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pzvo.sql.Golden.sql;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL written for typical queries, side by side for H2 and PostgreSQL, and each of them run on
 * a real H2 and a real PostgreSQL database (so a golden string that an engine rejects fails here).
 */
class GoldenSqlTest {
    private static Engines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = new Engines();
    }

    @AfterAll
    static void stop() throws Exception {
        engines.close();
    }

    /**
     * Runs the (already asserted) SQL of both dialects on their engines, and the H2 SQL with its
     * literals bound, which must return the same rows in the same order (random values aside).
     */
    private static void check(Golden golden) throws Exception {
        for (SqlDialect dialect : new SqlDialect[] {SqlDialects.H2, SqlDialects.POSTGRESQL}) {
            engines.rows(dialect, golden.translate(dialect));
        }
        // RAND() differs from run to run whatever the SQL.
        if (golden.bound().isPresent() && !golden.translate(SqlDialects.H2).contains("RAND(")) {
            BoundSql bound = golden.bound().get();
            assertEquals(engines.rows(SqlDialects.H2, golden.translate(SqlDialects.H2)), engines.rows(bound), bound.sql());
        }
    }

    @Test
    void topOrderedDescending() throws Exception {
        check(sql("SELECT TOP 10 id, ra, dec FROM sky.src ORDER BY mag DESC")
                .h2("SELECT \"src\".\"id\" AS \"id\", \"src\".\"ra\" AS \"ra\", \"src\".\"dec\" AS \"dec\" FROM \"sky\".\"src\" AS \"src\" ORDER BY \"src\".\"mag\" DESC NULLS FIRST FETCH FIRST 10 ROWS ONLY")
                .postgres("SELECT \"src\".\"id\" AS \"id\", \"src\".\"ra\" AS \"ra\", \"src\".\"dec\" AS \"dec\" FROM \"sky\".\"src\" AS \"src\" ORDER BY \"src\".\"mag\" DESC LIMIT 10"));
    }

    @Test
    void rowLimitAndOffset() throws Exception {
        check(sql("SELECT id FROM sky.src WHERE mag BETWEEN 18 AND 20 AND name LIKE 'src1%' OFFSET 5", 50)
                .h2("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (\"src\".\"mag\" BETWEEN 18 AND 20 AND \"src\".\"name\" LIKE 'src1%') OFFSET 5 ROWS FETCH FIRST 50 ROWS ONLY")
                .postgres("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (\"src\".\"mag\" BETWEEN 18 AND 20 AND \"src\".\"name\" LIKE E'src1%') LIMIT 50 OFFSET 5"));
    }

    @Test
    void smallerTopWinsOverRowLimit() throws Exception {
        check(sql("SELECT TOP 3 id FROM sky.src", 50)
                .h2("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" FETCH FIRST 3 ROWS ONLY")
                .postgres("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" LIMIT 3"));
    }

    @Test
    void caseInsensitiveLikeAndBooleanFlag() throws Exception {
        check(sql("SELECT id FROM sky.src WHERE name ILIKE 'SRC%' AND flag = 1")
                .h2("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (\"src\".\"name\" ILIKE 'SRC%' AND \"src\".\"flag\" = TRUE)")
                .postgres("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (\"src\".\"name\" ILIKE E'SRC%' AND \"src\".\"flag\" = TRUE)"));
    }

    @Test
    void mathematicalFunctions() throws Exception {
        check(sql("SELECT LOG(flux), LOG10(flux), EXP(1), POWER(2, 10), SQRT(flux), MOD(id, 3), MOD(flux, 3), ROUND(mag), ROUND(mag, 2), TRUNCATE(mag, 1), RAND(), ATAN2(dec, ra), PI(), CEILING(mag), FLOOR(mag), ABS(-id) FROM sky.src")
                .h2("SELECT LN(\"src\".\"flux\") AS \"log\", LOG10(\"src\".\"flux\") AS \"log10\", EXP(1) AS \"exp\", POWER(2, 10) AS \"power\", SQRT(\"src\".\"flux\") AS \"sqrt\", MOD(\"src\".\"id\", 3) AS \"mod\", CAST(MOD(CAST(\"src\".\"flux\" AS DOUBLE PRECISION), CAST(3 AS DOUBLE PRECISION)) AS DOUBLE PRECISION) AS \"mod_2\", CAST(ROUND(CAST(\"src\".\"mag\" AS DOUBLE PRECISION)) AS DOUBLE PRECISION) AS \"round\", CAST(ROUND(CAST(\"src\".\"mag\" AS DOUBLE PRECISION), 2) AS DOUBLE PRECISION) AS \"round_2\", CAST(TRUNC(CAST(\"src\".\"mag\" AS DOUBLE PRECISION), 1) AS DOUBLE PRECISION) AS \"truncate\", RAND() AS \"rand\", ATAN2(\"src\".\"dec\", \"src\".\"ra\") AS \"atan2\", PI() AS \"pi\", CAST(CEILING(\"src\".\"mag\") AS DOUBLE PRECISION) AS \"ceiling\", CAST(FLOOR(\"src\".\"mag\") AS DOUBLE PRECISION) AS \"floor\", ABS((-\"src\".\"id\")) AS \"abs\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT ln(\"src\".\"flux\") AS \"log\", log(CAST(\"src\".\"flux\" AS DOUBLE PRECISION)) AS \"log10\", EXP(1) AS \"exp\", POWER(2, 10) AS \"power\", SQRT(\"src\".\"flux\") AS \"sqrt\", mod(\"src\".\"id\", 3) AS \"mod\", CAST(mod(CAST(\"src\".\"flux\" AS NUMERIC), CAST(3 AS NUMERIC)) AS DOUBLE PRECISION) AS \"mod_2\", CAST(round(CAST(\"src\".\"mag\" AS NUMERIC)) AS DOUBLE PRECISION) AS \"round\", CAST(round(CAST(\"src\".\"mag\" AS NUMERIC), CAST(2 AS INTEGER)) AS DOUBLE PRECISION) AS \"round_2\", CAST(trunc(CAST(\"src\".\"mag\" AS NUMERIC), CAST(1 AS INTEGER)) AS DOUBLE PRECISION) AS \"truncate\", random() AS \"rand\", ATAN2(\"src\".\"dec\", \"src\".\"ra\") AS \"atan2\", PI() AS \"pi\", CAST(CEILING(\"src\".\"mag\") AS DOUBLE PRECISION) AS \"ceiling\", CAST(FLOOR(\"src\".\"mag\") AS DOUBLE PRECISION) AS \"floor\", ABS((-\"src\".\"id\")) AS \"abs\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void literalsAndIntegerDivision() throws Exception {
        check(sql("SELECT id / 2, 7 / 2, 1.0 / 3, 1e-3, 0x1F, -id, - -id, id - -1 FROM sky.src")
                .both("SELECT (\"src\".\"id\" / 2) AS \"expr\", (7 / 2) AS \"expr_2\", (CAST(1.0 AS DOUBLE PRECISION) / 3) AS \"expr_3\", CAST(1e-3 AS DOUBLE PRECISION) AS \"expr_4\", 31 AS \"expr_5\", (-\"src\".\"id\") AS \"expr_6\", (-(-\"src\".\"id\")) AS \"expr_7\", (\"src\".\"id\" - (-1)) AS \"expr_8\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void aggregates() throws Exception {
        check(sql("SELECT flag, COUNT(*), COUNT(DISTINCT name), AVG(id), SUM(mag), MIN(ra), MAX(dec) FROM sky.src GROUP BY flag HAVING COUNT(*) > 1")
                .both("SELECT \"src\".\"flag\" AS \"flag\", COUNT(*) AS \"count\", COUNT(DISTINCT \"src\".\"name\") AS \"count_2\", AVG(CAST(\"src\".\"id\" AS DOUBLE PRECISION)) AS \"avg\", SUM(\"src\".\"mag\") AS \"sum\", MIN(\"src\".\"ra\") AS \"min\", MAX(\"src\".\"dec\") AS \"max\" FROM \"sky\".\"src\" AS \"src\" GROUP BY \"src\".\"flag\" HAVING COUNT(*) > 1"));
    }

    @Test
    void casts() throws Exception {
        check(sql("SELECT CAST(id AS DOUBLE PRECISION), CAST(mag AS INTEGER), CAST(name AS VARCHAR(5)), CAST(ra AS CHAR(3)), CAST('2020-01-01' AS TIMESTAMP) FROM sky.src")
                .h2("SELECT CAST(\"src\".\"id\" AS DOUBLE PRECISION) AS \"id\", CAST(\"src\".\"mag\" AS INTEGER) AS \"mag\", CAST(\"src\".\"name\" AS VARCHAR(5)) AS \"name\", CAST(\"src\".\"ra\" AS CHAR(3)) AS \"ra\", CAST('2020-01-01' AS TIMESTAMP) AS \"cast\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT CAST(\"src\".\"id\" AS DOUBLE PRECISION) AS \"id\", CAST(\"src\".\"mag\" AS INTEGER) AS \"mag\", CAST(\"src\".\"name\" AS VARCHAR(5)) AS \"name\", CAST(\"src\".\"ra\" AS CHAR(3)) AS \"ra\", CAST(E'2020-01-01' AS TIMESTAMP) AS \"cast\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void conditionals() throws Exception {
        check(sql("SELECT CASE WHEN mag > 20 THEN 'faint' ELSE 'bright' END AS b, CASE flag WHEN TRUE THEN 1 ELSE 0 END, COALESCE(name, 'none') FROM sky.src")
                .h2("SELECT CASE WHEN \"src\".\"mag\" > 20 THEN 'faint' ELSE 'bright' END AS \"b\", CASE \"src\".\"flag\" WHEN TRUE THEN 1 ELSE 0 END AS \"case\", COALESCE(\"src\".\"name\", 'none') AS \"coalesce\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT CASE WHEN \"src\".\"mag\" > 20 THEN E'faint' ELSE E'bright' END AS \"b\", CASE \"src\".\"flag\" WHEN TRUE THEN 1 ELSE 0 END AS \"case\", COALESCE(\"src\".\"name\", E'none') AS \"coalesce\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void stringFunctions() throws Exception {
        check(sql("SELECT LOWER(name) || '-' || UPPER(name) AS n FROM sky.src")
                .h2("SELECT ((LOWER(\"src\".\"name\") || '-') || UPPER(\"src\".\"name\")) AS \"n\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT ((LOWER(\"src\".\"name\") || E'-') || UPPER(\"src\".\"name\")) AS \"n\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void geometryValues() throws Exception {
        check(sql("SELECT POINT(ra, dec) AS p, CIRCLE(ra, dec, 0.1) AS c, BOX(ra, dec, 1, 2) AS b, POLYGON(ra, dec, ra + 1, dec, ra, dec + 1) AS poly, pos FROM sky.src")
                .h2("SELECT CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\"] AS DOUBLE PRECISION ARRAY) AS \"p\", CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", CAST(0.1 AS DOUBLE PRECISION)] AS DOUBLE PRECISION ARRAY) AS \"c\", pzvo_box(\"src\".\"ra\", \"src\".\"dec\", 1, 2) AS \"b\", CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", (\"src\".\"ra\" + 1), \"src\".\"dec\", \"src\".\"ra\", (\"src\".\"dec\" + 1)] AS DOUBLE PRECISION ARRAY) AS \"poly\", \"src\".\"pos\" AS \"pos\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\"] AS DOUBLE PRECISION[]) AS \"p\", CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", CAST(0.1 AS DOUBLE PRECISION)] AS DOUBLE PRECISION[]) AS \"c\", pzvo_box(\"src\".\"ra\", \"src\".\"dec\", 1, 2) AS \"b\", CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", (\"src\".\"ra\" + 1), \"src\".\"dec\", \"src\".\"ra\", (\"src\".\"dec\" + 1)] AS DOUBLE PRECISION[]) AS \"poly\", \"src\".\"pos\" AS \"pos\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void geometryFunctions() throws Exception {
        check(sql("SELECT DISTANCE(POINT(ra, dec), POINT(10, 20)), AREA(CIRCLE(ra, dec, 1)), CENTROID(POLYGON(0, 0, 1, 0, 0, 1)), COORD1(pos), COORD2(POINT(ra, dec)), COORDSYS(pos) FROM sky.src")
                .h2("SELECT pzvo_distance(\"src\".\"ra\", \"src\".\"dec\", 10, 20) AS \"distance\", pzvo_area(CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", 1] AS DOUBLE PRECISION ARRAY)) AS \"area\", pzvo_centroid(CAST(ARRAY[0, 0, 1, 0, 0, 1] AS DOUBLE PRECISION ARRAY)) AS \"centroid\", (\"src\".\"pos\")[1] AS \"coord1\", \"src\".\"dec\" AS \"coord2\", 'ICRS' AS \"coordsys\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT pzvo_distance(\"src\".\"ra\", \"src\".\"dec\", 10, 20) AS \"distance\", pzvo_area(CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", 1] AS DOUBLE PRECISION[])) AS \"area\", pzvo_centroid(CAST(ARRAY[0, 0, 1, 0, 0, 1] AS DOUBLE PRECISION[])) AS \"centroid\", (\"src\".\"pos\")[1] AS \"coord1\", \"src\".\"dec\" AS \"coord2\", E'ICRS' AS \"coordsys\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void geometryPredicatesWithoutIndex() throws Exception {
        check(sql("SELECT id FROM sky.src WHERE INTERSECTS(CIRCLE(ra, dec, 0.1), POLYGON(0, 0, 1, 0, 0, 1)) = 1 AND CONTAINS(pos, CIRCLE(10, 20, 1)) = 1")
                .h2("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (pzvo_intersects(CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", CAST(0.1 AS DOUBLE PRECISION)] AS DOUBLE PRECISION ARRAY), CAST(ARRAY[0, 0, 1, 0, 0, 1] AS DOUBLE PRECISION ARRAY)) = 1 AND pzvo_contains((\"src\".\"pos\")[1], (\"src\".\"pos\")[2], CAST(ARRAY[10, 20, 1] AS DOUBLE PRECISION ARRAY)) = 1)")
                .postgres("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE (pzvo_intersects(CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\", CAST(0.1 AS DOUBLE PRECISION)] AS DOUBLE PRECISION[]), CAST(ARRAY[0, 0, 1, 0, 0, 1] AS DOUBLE PRECISION[])) = 1 AND pzvo_contains((\"src\".\"pos\")[1], (\"src\".\"pos\")[2], CAST(ARRAY[10, 20, 1] AS DOUBLE PRECISION[])) = 1)"));
    }

    @Test
    void negatedContainsHasOnlyTheExactTest() throws Exception {
        check(sql("SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1.0/3600)) = 0")
                .h2("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE pzvo_contains(\"src\".\"ra\", \"src\".\"dec\", CAST(ARRAY[10, 20, (CAST(1.0 AS DOUBLE PRECISION) / 3600)] AS DOUBLE PRECISION ARRAY)) = 0")
                .postgres("SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\" WHERE pzvo_contains(\"src\".\"ra\", \"src\".\"dec\", CAST(ARRAY[10, 20, (CAST(1.0 AS DOUBLE PRECISION) / 3600)] AS DOUBLE PRECISION[])) = 0"));
    }

    @Test
    void setOperationUnderRowLimit() throws Exception {
        check(sql("SELECT id, ra FROM sky.src UNION ALL SELECT id, ra FROM sky.ref ORDER BY 2 OFFSET 3", 50)
                .h2("SELECT \"pzvo_set\".\"id\" AS \"id\", \"pzvo_set\".\"ra\" AS \"ra\" FROM ((SELECT \"src\".\"id\" AS \"id\", \"src\".\"ra\" AS \"ra\" FROM \"sky\".\"src\" AS \"src\") UNION ALL (SELECT \"ref\".\"id\" AS \"id\", \"ref\".\"ra\" AS \"ra\" FROM \"sky\".\"ref\" AS \"ref\")) AS \"pzvo_set\" ORDER BY 2 ASC NULLS LAST OFFSET 3 ROWS FETCH FIRST 50 ROWS ONLY")
                .postgres("SELECT \"pzvo_set\".\"id\" AS \"id\", \"pzvo_set\".\"ra\" AS \"ra\" FROM ((SELECT \"src\".\"id\" AS \"id\", \"src\".\"ra\" AS \"ra\" FROM \"sky\".\"src\" AS \"src\") UNION ALL (SELECT \"ref\".\"id\" AS \"id\", \"ref\".\"ra\" AS \"ra\" FROM \"sky\".\"ref\" AS \"ref\")) AS \"pzvo_set\" ORDER BY 2 ASC LIMIT 50 OFFSET 3"));
    }

    @Test
    void setOperationsWithoutLimit() throws Exception {
        check(sql("SELECT id FROM sky.src INTERSECT SELECT id FROM sky.ref EXCEPT SELECT id FROM TAP_UPLOAD.mine")
                .both("((SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\") INTERSECT (SELECT \"ref\".\"id\" AS \"id\" FROM \"sky\".\"ref\" AS \"ref\")) EXCEPT (SELECT \"mine\".\"id\" AS \"id\" FROM \"TAP_UPLOAD\".\"mine\" AS \"mine\")"));
    }

    @Test
    void commonTableExpression() throws Exception {
        check(sql("WITH near AS (SELECT id, ra FROM sky.src WHERE ra < 10) SELECT n.id FROM near AS n WHERE n.ra > 1")
                .both("WITH \"near\" AS (SELECT \"src\".\"id\" AS \"id\", \"src\".\"ra\" AS \"ra\" FROM \"sky\".\"src\" AS \"src\" WHERE \"src\".\"ra\" < 10) SELECT \"n\".\"id\" AS \"id\" FROM \"near\" AS \"n\" WHERE \"n\".\"ra\" > 1"));
    }

    @Test
    void joinsUsingAndNatural() throws Exception {
        check(sql("SELECT id, s.ra FROM sky.src AS s JOIN (SELECT id, r_deg FROM sky.ref) AS r USING (id) NATURAL JOIN TAP_UPLOAD.mine")
                .both("SELECT \"s\".\"id\" AS \"id\", \"s\".\"ra\" AS \"ra\" FROM \"sky\".\"src\" AS \"s\" INNER JOIN (SELECT \"ref\".\"id\" AS \"id\", \"ref\".\"r_deg\" AS \"r_deg\" FROM \"sky\".\"ref\" AS \"ref\") AS \"r\" USING (\"id\") INNER JOIN \"TAP_UPLOAD\".\"mine\" AS \"mine\" USING (\"id\", \"ra\", \"dec\")"));
    }

    @Test
    void subqueries() throws Exception {
        check(sql("SELECT s.id, x.n FROM sky.src AS s LEFT OUTER JOIN (SELECT id, COUNT(*) AS n FROM sky.ref GROUP BY id) AS x ON x.id = s.id WHERE EXISTS (SELECT 1 FROM sky.ref AS r WHERE r.id = s.id) AND s.id IN (SELECT id FROM TAP_UPLOAD.mine) AND s.id NOT IN (1, 2) AND s.name IS NOT NULL")
                .both("SELECT \"s\".\"id\" AS \"id\", \"x\".\"n\" AS \"n\" FROM \"sky\".\"src\" AS \"s\" LEFT OUTER JOIN (SELECT \"ref\".\"id\" AS \"id\", COUNT(*) AS \"n\" FROM \"sky\".\"ref\" AS \"ref\" GROUP BY \"ref\".\"id\") AS \"x\" ON \"x\".\"id\" = \"s\".\"id\" WHERE (EXISTS (SELECT 1 AS \"expr\" FROM \"sky\".\"ref\" AS \"r\" WHERE \"r\".\"id\" = \"s\".\"id\") AND \"s\".\"id\" IN (SELECT \"mine\".\"id\" AS \"id\" FROM \"TAP_UPLOAD\".\"mine\" AS \"mine\") AND \"s\".\"id\" NOT IN (1, 2) AND \"s\".\"name\" IS NOT NULL)"));
    }

    @Test
    void userDefinedFunctions() throws Exception {
        check(sql("SELECT ivo_hasword(name, 'src'), ivo_nocasematch(name, 'SRC%'), ivo_healpix_center(5, 10) FROM sky.src")
                .h2("SELECT ivo_hasword(\"src\".\"name\", 'src') AS \"ivo_hasword\", ivo_nocasematch(\"src\".\"name\", 'SRC%') AS \"ivo_nocasematch\", ivo_healpix_center(5, 10) AS \"ivo_healpix_center\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT ivo_hasword(\"src\".\"name\", E'src') AS \"ivo_hasword\", ivo_nocasematch(\"src\".\"name\", E'SRC%') AS \"ivo_nocasematch\", ivo_healpix_center(5, 10) AS \"ivo_healpix_center\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void aggregateUserDefinedFunctions() throws Exception {
        check(sql("SELECT flag, ivo_string_agg(name, ','), ivo_histogram(mag, 10, 30, 4) FROM sky.src GROUP BY flag")
                .h2("SELECT \"src\".\"flag\" AS \"flag\", LISTAGG(CAST(\"src\".\"name\" AS VARCHAR), ',') AS \"ivo_string_agg\", pzvo_int_array(ivo_histogram(\"src\".\"mag\", 10, 30, 4)) AS \"ivo_histogram\" FROM \"sky\".\"src\" AS \"src\" GROUP BY \"src\".\"flag\"")
                .postgres("SELECT \"src\".\"flag\" AS \"flag\", string_agg(CAST(\"src\".\"name\" AS VARCHAR), E',') AS \"ivo_string_agg\", pzvo_int_array(ivo_histogram(\"src\".\"mag\", 10, 30, 4)) AS \"ivo_histogram\" FROM \"sky\".\"src\" AS \"src\" GROUP BY \"src\".\"flag\""));
    }

    @Test
    void healpixIndexOfTheIndexedPosition() throws Exception {
        check(sql("SELECT ivo_healpix_index(10, s.ra, s.dec) AS p, ivo_healpix_index(29, s.ra, s.dec) AS q, ivo_healpix_index(5, r.ra, s.dec) AS other FROM sky.src AS s, sky.ref AS r WHERE s.id < 5 AND r.id < 5")
                .both("SELECT (\"s\".\"hpx29\" / 274877906944) AS \"p\", \"s\".\"hpx29\" AS \"q\", ivo_healpix_index(5, \"r\".\"ra\", \"s\".\"dec\") AS \"other\" FROM \"sky\".\"src\" AS \"s\", \"sky\".\"ref\" AS \"r\" WHERE (\"s\".\"id\" < 5 AND \"r\".\"id\" < 5)"));
    }

    @Test
    void unitConversion() throws Exception {
        check(sql("SELECT IN_UNIT(ra, 'arcsec'), IN_UNIT(flux, 'mJy') FROM sky.src")
                .both("SELECT (\"src\".\"ra\" * CAST(3600.0 AS DOUBLE PRECISION)) AS \"ra\", (\"src\".\"flux\" * CAST(1.0E-6 AS DOUBLE PRECISION)) AS \"flux\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void bitwiseOperators() throws Exception {
        check(sql("SELECT id & 3, id | 3, id ^ 3, ~id FROM sky.src")
                .h2("SELECT BITAND(\"src\".\"id\", 3) AS \"expr\", BITOR(\"src\".\"id\", 3) AS \"expr_2\", BITXOR(\"src\".\"id\", 3) AS \"expr_3\", BITNOT(\"src\".\"id\") AS \"expr_4\" FROM \"sky\".\"src\" AS \"src\"")
                .postgres("SELECT (\"src\".\"id\" & 3) AS \"expr\", (\"src\".\"id\" | 3) AS \"expr_2\", (\"src\".\"id\" # 3) AS \"expr_3\", (~\"src\".\"id\") AS \"expr_4\" FROM \"sky\".\"src\" AS \"src\""));
    }

    @Test
    void positionalJoinWithPerRowRadius() throws Exception {
        check(sql("SELECT s.id, r.id FROM sky.ref AS r JOIN sky.src AS s ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg)) = 1")
                .h2("SELECT \"s\".\"id\" AS \"id\", \"r\".\"id\" AS \"id_2\" FROM \"sky\".\"ref\" AS \"r\" INNER JOIN \"sky\".\"src\" AS \"s\" ON pzvo_contains(\"s\".\"ra\", \"s\".\"dec\", CAST(ARRAY[\"r\".\"ra\", \"r\".\"dec\", \"r\".\"r_deg\"] AS DOUBLE PRECISION ARRAY)) = 1, SYSTEM_RANGE(1, 9) AS \"pzvo_k1\"(\"k\") WHERE (\"pzvo_k1\".\"k\" <= COALESCE((CARDINALITY(pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0))) / 2), 0) AND \"s\".\"hpx29\" >= CASE WHEN ((2 * \"pzvo_k1\".\"k\") - 1) <= CARDINALITY(pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0))) THEN (pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0)))[((2 * \"pzvo_k1\".\"k\") - 1)] END AND \"s\".\"hpx29\" < CASE WHEN (2 * \"pzvo_k1\".\"k\") <= CARDINALITY(pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0))) THEN (pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0)))[(2 * \"pzvo_k1\".\"k\")] END)")
                .postgres("SELECT \"s\".\"id\" AS \"id\", \"r\".\"id\" AS \"id_2\" FROM \"sky\".\"ref\" AS \"r\" INNER JOIN \"sky\".\"src\" AS \"s\" ON pzvo_contains(\"s\".\"ra\", \"s\".\"dec\", CAST(ARRAY[\"r\".\"ra\", \"r\".\"dec\", \"r\".\"r_deg\"] AS DOUBLE PRECISION[])) = 1, LATERAL (SELECT pzvo_cone_cells(\"r\".\"ra\", \"r\".\"dec\", GREATEST(\"r\".\"r_deg\", 0)) AS \"c\" OFFSET 0) AS \"pzvo_c1\", generate_series(1, 9) AS \"pzvo_k2\"(\"k\") WHERE (\"pzvo_k2\".\"k\" <= COALESCE((CARDINALITY(\"pzvo_c1\".\"c\") / 2), 0) AND \"s\".\"hpx29\" >= (\"pzvo_c1\".\"c\")[((2 * \"pzvo_k2\".\"k\") - 1)] AND \"s\".\"hpx29\" < (\"pzvo_c1\".\"c\")[(2 * \"pzvo_k2\".\"k\")])"));
    }

    @Test
    void crossMatchOfAnUpload() throws Exception {
        check(sql("SELECT m.id, s.id FROM TAP_UPLOAD.mine AS m JOIN sky.src AS s ON DISTANCE(POINT(m.ra, m.dec), POINT(s.ra, s.dec)) < 1.0 / 3600")
                .h2("SELECT \"m\".\"id\" AS \"id\", \"s\".\"id\" AS \"id_2\" FROM \"TAP_UPLOAD\".\"mine\" AS \"m\" INNER JOIN \"sky\".\"src\" AS \"s\" ON pzvo_distance(\"m\".\"ra\", \"m\".\"dec\", \"s\".\"ra\", \"s\".\"dec\") < (CAST(1.0 AS DOUBLE PRECISION) / 3600), SYSTEM_RANGE(1, 9) AS \"pzvo_k1\"(\"k\") WHERE (\"pzvo_k1\".\"k\" <= COALESCE((CARDINALITY(pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600))) / 2), 0) AND \"s\".\"hpx29\" >= CASE WHEN ((2 * \"pzvo_k1\".\"k\") - 1) <= CARDINALITY(pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600))) THEN (pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600)))[((2 * \"pzvo_k1\".\"k\") - 1)] END AND \"s\".\"hpx29\" < CASE WHEN (2 * \"pzvo_k1\".\"k\") <= CARDINALITY(pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600))) THEN (pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600)))[(2 * \"pzvo_k1\".\"k\")] END)")
                .postgres("SELECT \"m\".\"id\" AS \"id\", \"s\".\"id\" AS \"id_2\" FROM \"TAP_UPLOAD\".\"mine\" AS \"m\" INNER JOIN \"sky\".\"src\" AS \"s\" ON pzvo_distance(\"m\".\"ra\", \"m\".\"dec\", \"s\".\"ra\", \"s\".\"dec\") < (CAST(1.0 AS DOUBLE PRECISION) / 3600), LATERAL (SELECT pzvo_cone_cells(\"m\".\"ra\", \"m\".\"dec\", (CAST(1.0 AS DOUBLE PRECISION) / 3600)) AS \"c\" OFFSET 0) AS \"pzvo_c1\", generate_series(1, 9) AS \"pzvo_k2\"(\"k\") WHERE (\"pzvo_k2\".\"k\" <= COALESCE((CARDINALITY(\"pzvo_c1\".\"c\") / 2), 0) AND \"s\".\"hpx29\" >= (\"pzvo_c1\".\"c\")[((2 * \"pzvo_k2\".\"k\") - 1)] AND \"s\".\"hpx29\" < (\"pzvo_c1\".\"c\")[(2 * \"pzvo_k2\".\"k\")])"));
    }

    @Test
    void rightJoinUsingTakesTheRightColumn() throws Exception {
        check(sql("SELECT id FROM sky.src AS s RIGHT OUTER JOIN sky.ref AS r USING (id)")
                .both("SELECT \"r\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"s\" RIGHT OUTER JOIN \"sky\".\"ref\" AS \"r\" USING (\"id\")"));
    }

    @Test
    void naturalOuterJoin() throws Exception {
        check(sql("SELECT * FROM sky.ref AS r NATURAL LEFT OUTER JOIN TAP_UPLOAD.mine AS m")
                .both("SELECT \"r\".\"id\" AS \"id\", \"r\".\"ra\" AS \"ra\", \"r\".\"dec\" AS \"dec\", \"r\".\"hpx29\" AS \"hpx29\", \"r\".\"r_deg\" AS \"r_deg\" FROM \"sky\".\"ref\" AS \"r\" LEFT OUTER JOIN \"TAP_UPLOAD\".\"mine\" AS \"m\" USING (\"id\", \"ra\", \"dec\")"));
    }

    @Test
    void nullGeometryHasDoubleCoordinates() throws Exception {
        check(sql("SELECT COORD1(NULL), CONTAINS(NULL, CIRCLE(1, 2, 3)) FROM sky.src WHERE id = 1")
                .h2("SELECT CAST(NULL AS DOUBLE PRECISION) AS \"coord1\", pzvo_contains(CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), CAST(ARRAY[1, 2, 3] AS DOUBLE PRECISION ARRAY)) AS \"contains\" FROM \"sky\".\"src\" AS \"src\" WHERE \"src\".\"id\" = 1")
                .postgres("SELECT CAST(NULL AS DOUBLE PRECISION) AS \"coord1\", pzvo_contains(CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), CAST(ARRAY[1, 2, 3] AS DOUBLE PRECISION[])) AS \"contains\" FROM \"sky\".\"src\" AS \"src\" WHERE \"src\".\"id\" = 1"));
    }

    /** The first row of {@code adql} on {@code dialect}, each column as a double (NULL as NaN). */
    private static double[] firstRow(String adql, SqlDialect dialect) throws Exception {
        String sql = Engines.translate(adql, dialect);
        try (Statement st = engines.connection(dialect).createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            double[] out = new double[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                Object v = rs.getObject(i + 1);
                out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
            }
            return out;
        }
    }

    @Test
    void bothEnginesComputeTheSameNumbers() throws Exception {
        String adql = "SELECT 7 / 2, -7 / 2, 1 / 3.0, ROUND(-2.5), ROUND(2.5), ROUND(2.345, 2), TRUNCATE(-2.77, 1),"
                + " MOD(-7, 3), MOD(7.5, 2), LOG(EXP(2)), LOG10(1000), CEILING(1.2), FLOOR(-1.2), POWER(2, 10),"
                + " ABS(-3), ATAN2(1, 1), DEGREES(PI()), 0x10, id & 6, id | 1, id ^ 3, ~id"
                + " FROM sky.src WHERE id = 5";
        double[] want = {3, -3, 1 / 3.0, -3, 3, 2.35, -2.7, -1, 1.5, 2, 3, 2, -2, 1024, 3, Math.PI / 4, 180, 16,
            4, 5, 6, -6};
        double[] h2 = firstRow(adql, SqlDialects.H2);
        double[] pg = firstRow(adql, SqlDialects.POSTGRESQL);
        assertArrayEquals(want, h2, 1e-12, "H2");
        assertArrayEquals(want, pg, 1e-12, "PostgreSQL");
    }

    @Test
    void bothEnginesAverageIntegersAsDoubles() throws Exception {
        String adql = "SELECT AVG(id), SUM(id), COUNT(*) FROM sky.src WHERE id <= 4";
        double[] want = {2.5, 10, 4};
        assertArrayEquals(want, firstRow(adql, SqlDialects.H2), 0);
        assertArrayEquals(want, firstRow(adql, SqlDialects.POSTGRESQL), 0);
    }

    @Test
    void bothEnginesSortNullsLastAscendingAndFirstDescending() throws Exception {
        for (String order : new String[] {"ASC", "DESC"}) {
            String adql = "SELECT id FROM sky.src WHERE id > 5690 ORDER BY ra " + order + ", id";
            List<String> h2 = engines.rows(SqlDialects.H2, Engines.translate(adql, SqlDialects.H2));
            List<String> pg = engines.rows(SqlDialects.POSTGRESQL, Engines.translate(adql, SqlDialects.POSTGRESQL));
            assertEquals(h2, pg, order);
            SkyData.Src last = engines.data.sources.get(Integer.parseInt(h2.get(h2.size() - 1)) - 1);
            SkyData.Src first = engines.data.sources.get(Integer.parseInt(h2.get(0)) - 1);
            assertTrue(order.equals("ASC") ? last.ra() == null : first.ra() == null);
        }
    }

    @Test
    void setOperationUnderRowLimitKeepsItsOrder() throws Exception {
        String adql = "SELECT id FROM sky.src WHERE id < 20 UNION SELECT id FROM sky.ref WHERE id < 30 ORDER BY 1 DESC OFFSET 2";
        for (SqlDialect dialect : new SqlDialect[] {SqlDialects.H2, SqlDialects.POSTGRESQL}) {
            String sql = Translator.of(SkyCatalog.INSTANCE, dialect).translate(adql, 5).sql();
            assertEquals(List.of("27", "26", "25", "24", "23"),
                    engines.rows(dialect, sql), sql);
        }
        BoundSql bound = Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, 5).bound().orElseThrow();
        assertEquals(List.of("27", "26", "25", "24", "23"), engines.rows(bound), bound.sql());
    }
}
