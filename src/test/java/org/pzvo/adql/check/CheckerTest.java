// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.ColumnRef;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.OutputColumnRef;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.ast.ResolvedTable;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.TableRef;
import org.pzvo.adql.print.AdqlPrinter;

/** The checker against a small in-memory catalog. */
class CheckerTest {

    static CheckedQuery check(String adql) throws AdqlException {
        return Checker.check(AdqlParser.parseQuery(adql), TestCatalog.INSTANCE);
    }

    static List<String> names(CheckedQuery q) {
        return q.columns().stream().map(ResultColumn::name).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        SELECT coord_rx FROM lsst.object                    | line 1, column 8: unknown column 'coord_rx'; did you mean 'coord_ra'?
        SELECT objectId FROM lsst.object, pz.photoz         | line 1, column 8: ambiguous column name 'objectId': could be lsst.object.objectId or pz.photoz.objectId; qualify it with a table name or alias
        SELECT o.z_mode FROM lsst.object AS o               | line 1, column 10: unknown column 'z_mode' in 'o'
        SELECT object.coord_ra FROM lsst.object AS o        | line 1, column 8: unknown table or alias 'object'
        SELECT x.ra FROM lsst.object AS o                   | line 1, column 8: unknown table or alias 'x'; did you mean 'o'?
        SELECT * FROM lsst.objet                            | line 1, column 15: unknown table 'lsst.objet'; did you mean 'lsst.object'?
        SELECT * FROM lst.object                            | line 1, column 15: unknown schema 'lst'; did you mean 'lsst'?
        SELECT * FROM photo                                 | line 1, column 15: unknown table 'photo'; did you mean 'photoz'?
        SELECT "COORD_RA" FROM lsst.object                  | line 1, column 8: unknown column 'COORD_RA'; did you mean 'coord_ra'?
        SELECT * FROM lsst.object AS a, pz.photoz AS a      | line 1, column 46: table name or alias 'a' used twice in the same FROM clause; give one of them an alias
        SELECT * FROM lsst.object, lsst.object              | line 1, column 28: table name or alias 'lsst.object' used twice in the same FROM clause; give one of them an alias
        SELECT LOWER(coord_ra) FROM lsst.object             | line 1, column 14: argument 1 of LOWER must be a string, not a number
        SELECT SQRT(obs_id) FROM ivoa.obscore               | line 1, column 13: argument 1 of SQRT must be a number, not a string
        SELECT coord_ra + 'a' FROM lsst.object              | line 1, column 19: argument 2 of + must be a number, not a string
        SELECT * FROM lsst.object WHERE coord_ra = 'x'      | line 1, column 33: cannot compare a number with a string
        SELECT AREA(coord_ra) FROM lsst.object              | line 1, column 13: argument 1 of AREA must be a geometry, not a number
        SELECT DISTANCE(s_region, POINT(1, 2)) FROM ivoa.obscore | line 1, column 17: argument 1 of DISTANCE must be a point, not a region
        SELECT POINT('GALACTIC', 1, 2) FROM lsst.object     | line 1, column 14: unsupported coordinate system 'GALACTIC': this service supports only ICRS
        SELECT CIRCLE('FK5', 1, 2, 3) FROM lsst.object      | line 1, column 15: unsupported coordinate system 'FK5': this service supports only ICRS
        SELECT REGION('Circle FK4 10 10 1') FROM lsst.object | line 1, column 15: unsupported coordinate system 'FK4': this service supports only ICRS
        SELECT ivo_hasw(obs_id, 'x') FROM ivoa.obscore      | line 1, column 8: unknown function 'ivo_hasw'; did you mean 'ivo_hasword'?
        SELECT ivo_hasword(obs_id) FROM ivoa.obscore        | line 1, column 8: ivo_hasword takes 2 arguments, not 1
        SELECT ivo_healpix_index(6, obs_id, 1) FROM ivoa.obscore | line 1, column 29: argument 2 of ivo_healpix_index must be a number, not a string
        SELECT * FROM lsst.object WHERE COUNT(*) > 1        | line 1, column 33: aggregate functions are not allowed in WHERE
        SELECT coord_ra FROM lsst.object ORDER BY 2         | line 1, column 43: ORDER BY position 2 is not in the select list (1 to 1)
        SELECT ra FROM pz.photoz UNION SELECT ra, dec FROM pz.photoz | line 1, column 32: UNION needs the same number of columns on both sides, not 1 and 2
        SELECT * FROM pz.photoz WHERE ra IN (SELECT ra, dec FROM pz.photoz) | line 1, column 38: subquery must return exactly one column, not 2
        SELECT * FROM lsst.object JOIN pz.photoz USING (ra) | line 1, column 49: column 'ra' of USING is not in the left side of the join
        SELECT * FROM lsst.object AS o WHERE o.coord_ra > (SELECT MAX(p.ra) FROM pz.photoz AS p WHERE p.objectId = q.objectId) | line 1, column 108: unknown table or alias 'q'; did you mean 'p'?
        WITH a AS (SELECT ra FROM pz.photoz), a AS (SELECT ra FROM pz.photoz) SELECT * FROM a | line 1, column 39: common table expression 'a' defined twice
        SELECT t_min FROM ivoa.obscore WHERE t_min LIKE 1   | line 1, column 49: argument 2 of LIKE must be a string, not a number
        SELECT objectId, COUNT(*) FROM lsst.object          | line 1, column 8: column 'objectId' must appear in GROUP BY or be used in an aggregate function
        SELECT g_cModelMag + 1, COUNT(*) FROM lsst.object GROUP BY g_cModelMag HAVING MAX(coord_ra) > coord_dec | line 1, column 95: column 'coord_dec' must appear in GROUP BY or be used in an aggregate function
        SELECT ra FROM pz.photoz WHERE is_training = 2      | line 1, column 46: cannot compare a boolean with the number 2
        SELECT IN_UNIT(z_mode, 'm') FROM pz.photoz          | line 1, column 16: IN_UNIT needs a value whose unit is known (a column with a unit, or such a column in +, -, ABS, MIN, MAX, SUM or AVG)
        SELECT IN_UNIT(ra, 'm') FROM pz.photoz              | line 1, column 20: IN_UNIT: 'deg' cannot be converted to 'm'
        SELECT ra FROM pz.photoz UNION SELECT ra FROM pz.photoz ORDER BY rb | line 1, column 66: unknown column 'rb'; did you mean 'ra'?
        SELECT ra FROM pz.photoz UNION SELECT ra FROM pz.photoz ORDER BY ra + 1 | line 1, column 66: ORDER BY of a set operation must name an output column or give its position
        SELECT POINT('ICRS', 1, 'x') FROM lsst.object       | line 1, column 25: argument 3 of POINT must be a number, not a string
        SELECT CIRCLE(1, 2, 'x') FROM lsst.object           | line 1, column 21: argument 3 of CIRCLE must be a number, not a string
        SELECT CAST(s_region AS INTEGER) FROM ivoa.obscore  | line 1, column 13: argument 1 of CAST must be convertible to INTEGER, not a geometry
        """)
    void errors(String adql, String message) {
        AdqlException e = assertThrows(AdqlException.class, () -> check(adql));
        assertEquals(message, e.getMessage());
    }

    @Test
    void namesResolveCaseInsensitivelyToCanonicalNames() throws AdqlException {
        CheckedQuery q = check("select COORD_RA, \"coord_dec\" from LSST.OBJECT where OBJECTID > 3");
        String printed = AdqlPrinter.print(q.resolved());
        assertEquals("SELECT \"object\".\"coord_ra\" AS \"coord_ra\", \"object\".\"coord_dec\" AS \"coord_dec\""
                + " FROM \"lsst\".\"object\" AS \"object\" WHERE \"object\".\"objectId\" > 3", printed);
        assertEquals(List.of("coord_ra", "coord_dec"), names(q));
        ResultColumn ra = q.columns().get(0);
        assertEquals(new ResultColumn("coord_ra", "double", null, null, "deg", "pos.eq.ra;meta.main", null,
                "coord_ra description"), ra);
    }

    @Test
    void schemaIsOptionalAndTheResolvedTableCarriesItsPositionIndex() throws AdqlException {
        CheckedQuery q = check("SELECT * FROM object");
        List<ResolvedTable> tables = collect(q.resolved(), ResolvedTable.class);
        assertEquals(1, tables.size());
        assertSame(TestCatalog.OBJECT, tables.get(0).table());
        assertEquals("hpx29", tables.get(0).table().position().orElseThrow().healpixColumn());
        assertTrue(collect(q.resolved(), ColumnRef.class).isEmpty());
        assertTrue(collect(q.resolved(), TableRef.class).isEmpty());
    }

    @Test
    void starExpandsIntoExplicitColumnsInTableOrder() throws AdqlException {
        CheckedQuery q = check("SELECT * FROM lsst.object AS o, TAP_UPLOAD.mine");
        assertEquals(List.of("objectId", "coord_ra", "coord_dec", "g_cModelMag", "hpx29", "id", "ra", "dec", "Name"),
                names(q));
        CheckedQuery qualified = check("SELECT m.*, o.objectId FROM lsst.object AS o, TAP_UPLOAD.mine AS m");
        assertEquals(List.of("id", "ra", "dec", "Name", "objectId"), names(qualified));
    }

    @Test
    void usingMergesColumnsOnceAndRefersToThemUnqualified() throws AdqlException {
        CheckedQuery q = check("SELECT * FROM lsst.object JOIN pz.photoz USING (objectId)");
        assertEquals("objectId", names(q).get(0));
        assertEquals(1, names(q).stream().filter(n -> n.equalsIgnoreCase("objectid")).count());
        SelectQuery select = (SelectQuery) q.resolved();
        ResolvedColumn first = (ResolvedColumn) ((DerivedColumn) select.items().get(0)).expr();
        assertTrue(first.correlation().isEmpty());
        check("SELECT objectId FROM lsst.object NATURAL JOIN pz.photoz");
    }

    @Test
    void duplicateOutputNamesGetSuffixes() throws AdqlException {
        CheckedQuery q = check("SELECT p.ra, m.ra, COUNT(*), COUNT(*) AS \"count\" FROM pz.photoz AS p, TAP_UPLOAD.mine AS m"
                + " GROUP BY p.ra, m.ra");
        assertEquals(List.of("ra", "ra_2", "count", "count_2"), names(q));
    }

    @Test
    void expressionTypesAreInferred() throws AdqlException {
        CheckedQuery q = check("SELECT COUNT(*), AVG(g_cModelMag), coord_ra * 2, objectId + 1, LOWER('A') || 'b',"
                + " POINT(coord_ra, coord_dec), CIRCLE('ICRS GEOCENTER', coord_ra, coord_dec, 1),"
                + " POLYGON('', 1, 2, 3, 4, 5, 6), CAST(coord_ra AS INTEGER), CAST('x' AS VARCHAR(10)),"
                + " DISTANCE(POINT(coord_ra, coord_dec), POINT(1, 2)), ivo_healpix_index(6, coord_ra, coord_dec),"
                + " ivo_histogram(g_cModelMag, 10, 30, 20), MAX(g_cModelMag), IN_UNIT(coord_ra, 'arcsec')"
                + " FROM lsst.object GROUP BY coord_ra, coord_dec, objectId");
        List<String> types = q.columns().stream()
                .map(c -> c.datatype() + "[" + c.arraysize() + "]" + c.xtype() + "/" + c.unit())
                .collect(Collectors.toList());
        assertEquals(List.of("long[null]null/null", "double[null]null/mag", "double[null]null/null",
                "long[null]null/null", "char[*]null/null", "double[2]point/deg", "double[3]circle/deg",
                "double[*]polygon/deg", "int[null]null/null", "char[10*]null/null", "double[null]null/deg",
                "long[null]null/null", "int[*]null/null", "float[null]null/mag", "double[null]null/arcsec"), types);
        assertEquals(List.of("count", "avg", "expr", "expr_2", "expr_3", "point", "circle", "polygon", "coord_ra",
                "cast", "distance", "ivo_healpix_index", "ivo_histogram", "max", "coord_ra_2"), names(q));
    }

    @Test
    void orderByAliasAndOrdinalBecomeOutputColumnReferences() throws AdqlException {
        CheckedQuery q = check("SELECT coord_ra AS x, coord_dec FROM lsst.object ORDER BY x DESC, 2, g_cModelMag");
        SelectQuery s = (SelectQuery) q.resolved();
        assertEquals(new OutputColumnRef(s.orderBy().get(0).key().span(), 1, "x"), s.orderBy().get(0).key());
        assertEquals(2, ((OutputColumnRef) s.orderBy().get(1).key()).position());
        assertEquals("g_cModelMag", ((ResolvedColumn) s.orderBy().get(2).key()).column());
    }

    @Test
    void subqueriesSeeOuterColumnsAndDerivedTablesTheirOwnNames() throws AdqlException {
        check("SELECT * FROM lsst.object AS o WHERE EXISTS (SELECT 1 FROM pz.photoz AS p WHERE p.objectId = o.objectId)");
        CheckedQuery q = check("SELECT d.m FROM (SELECT MAX(ra) AS m FROM pz.photoz) AS d");
        assertEquals(List.of("m"), names(q));
        CheckedQuery cte = check("WITH bright AS (SELECT objectId, g_cModelMag FROM lsst.object WHERE g_cModelMag < 20)"
                + " SELECT b.objectId, z_mode FROM bright AS b JOIN pz.photoz AS p ON b.objectId = p.objectId");
        assertEquals(List.of("objectId", "z_mode"), names(cte));
    }

    @Test
    void groupByMayNameASelectAlias() throws AdqlException {
        CheckedQuery q = check("SELECT FLOOR(g_cModelMag) AS bin, COUNT(*) FROM lsst.object GROUP BY bin");
        SelectQuery s = (SelectQuery) q.resolved();
        assertEquals(((DerivedColumn) s.items().get(0)).expr(), s.groupBy().get(0));
        SelectQuery byPosition = (SelectQuery) check("SELECT FLOOR(g_cModelMag), COUNT(*) FROM lsst.object GROUP BY 1")
                .resolved();
        assertEquals(((DerivedColumn) byPosition.items().get(0)).expr(), byPosition.groupBy().get(0));
        AdqlException e = assertThrows(AdqlException.class,
                () -> check("SELECT COUNT(*) FROM lsst.object GROUP BY 2"));
        assertEquals("line 1, column 43: GROUP BY position 2 is not in the select list (1 to 1)", e.getMessage());
    }

    @Test
    void catalogUdfsAndFeatureUdfsAreKnown() throws AdqlException {
        CheckedQuery q = check("SELECT PZVO_TEST(ra) FROM pz.photoz");
        assertEquals("double", q.columns().get(0).datatype());
        CheckedQuery agg = check("SELECT ivo_string_agg(CAST(ra AS VARCHAR), ',') FROM pz.photoz");
        assertEquals("char", agg.columns().get(0).datatype());
    }

    @Test
    void correlationNamesAreUniqueAcrossTheWholeQuery() throws AdqlException {
        CheckedQuery q = check("SELECT * FROM lsst.object WHERE EXISTS (SELECT 1 FROM pz.photoz AS object"
                + " WHERE coord_ra > 0)");
        String printed = AdqlPrinter.print(q.resolved());
        assertTrue(printed.contains("FROM \"pz\".\"photoz\" AS \"object_2\" WHERE \"object\".\"coord_ra\" > 0"),
                printed);
    }

    @Test
    void booleanFlagsComparedWithZeroOrOneBecomeBooleanComparisons() throws AdqlException {
        CheckedQuery q = check("SELECT ra FROM pz.photoz WHERE is_training = 1 OR 0 = is_training OR is_training = TRUE");
        String printed = AdqlPrinter.print(q.resolved());
        assertTrue(printed.endsWith("WHERE \"photoz\".\"is_training\" = TRUE OR FALSE = \"photoz\".\"is_training\""
                + " OR \"photoz\".\"is_training\" = TRUE"), printed);
    }

    @Test
    void inUnitBecomesAMultiplicationByTheConversionFactor() throws AdqlException {
        CheckedQuery q = check("SELECT IN_UNIT(ra - 1, 'arcsec') AS ra_arcsec FROM pz.photoz");
        assertEquals("SELECT (\"photoz\".\"ra\" - 1) * 3600.0 AS \"ra_arcsec\" FROM \"pz\".\"photoz\" AS \"photoz\"",
                AdqlPrinter.print(q.resolved()));
        assertEquals("arcsec", q.columns().get(0).unit());
    }

    @Test
    void cteColumnListsAndSetOperationsResolve() throws AdqlException {
        CheckedQuery q = check("WITH a (i, r) AS (SELECT objectId, coord_ra FROM lsst.object),"
                + " b AS (SELECT i FROM a WHERE r > 10)"
                + " SELECT i FROM a UNION SELECT i FROM b ORDER BY i DESC");
        assertEquals(List.of("i"), names(q));
        assertEquals("deg", check("WITH a (i, r) AS (SELECT objectId, coord_ra FROM lsst.object) SELECT r FROM a")
                .columns().get(0).unit());
        AdqlException e = assertThrows(AdqlException.class,
                () -> check("WITH a (i) AS (SELECT objectId, coord_ra FROM lsst.object) SELECT i FROM a"));
        assertEquals("line 1, column 6: common table expression 'a' names 1 columns but its query has 2",
                e.getMessage());
    }

    @Test
    void naturalJoinStarListsTheCommonColumnOnce() throws AdqlException {
        CheckedQuery q = check("SELECT * FROM pz.photoz NATURAL JOIN TAP_UPLOAD.mine");
        assertEquals(List.of("ra", "dec", "objectId", "z_mode", "pdf", "is_training", "id", "Name"), names(q));
        assertEquals("float", q.columns().get(4).datatype());
        assertEquals("*", q.columns().get(4).arraysize());
    }

    @Test
    void metadataFlowsThroughDerivedTables() throws AdqlException {
        CheckedQuery q = check("SELECT q.coord_ra, q.mag FROM (SELECT coord_ra, g_cModelMag AS mag FROM lsst.object) AS q");
        assertEquals(new ResultColumn("coord_ra", "double", null, null, "deg", "pos.eq.ra;meta.main", null,
                "coord_ra description"), q.columns().get(0));
        assertEquals("mag", q.columns().get(1).unit());
    }

    @Test
    void aJoinWithoutSpecificationBecomesOnTrue() throws AdqlException {
        CheckedQuery q = check("SELECT o.objectId FROM lsst.object AS o LEFT OUTER JOIN pz.photoz AS p");
        assertTrue(AdqlPrinter.print(q.resolved()).endsWith(
                "FROM \"lsst\".\"object\" AS \"o\" LEFT OUTER JOIN \"pz\".\"photoz\" AS \"p\" ON TRUE"));
    }

    private static <T> List<T> collect(Node root, Class<T> type) {
        List<T> out = new java.util.ArrayList<>();
        Nodes.walk(root, n -> {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        });
        return out;
    }
}
