// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.feature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.BuiltinFunction;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.check.FunctionInfo;

/**
 * The ADQL 2.1 optional features pzvo supports, declared once as data (VOLLT's
 * {@code FeatureSet} idea): the same list feeds {@code /tap/capabilities} (TAPRegExt 1.0
 * {@code languageFeatures}), the UDFs of the checker's catalog ({@link #udfs()}), and
 * {@link #check}, which rejects a query that uses anything not declared.
 */
public final class Features {
    /** TAPRegExt 1.0 §2.3: geometry functions ({@code features-adqlgeo}, no hyphen, unlike the ADQL 2.1 types). */
    public static final String GEO = "ivo://ivoa.net/std/TAPRegExt#features-adqlgeo";
    public static final String STRING = "ivo://ivoa.net/std/TAPRegExt#features-adql-string";
    public static final String OFFSET = "ivo://ivoa.net/std/TAPRegExt#features-adql-offset";
    public static final String TYPE = "ivo://ivoa.net/std/TAPRegExt#features-adql-type";
    public static final String UNIT = "ivo://ivoa.net/std/TAPRegExt#features-adql-unit";
    public static final String SETS = "ivo://ivoa.net/std/TAPRegExt#features-adql-sets";
    public static final String COMMON_TABLE = "ivo://ivoa.net/std/TAPRegExt#features-adql-common-table";
    public static final String CONDITIONAL = "ivo://ivoa.net/std/TAPRegExt#features-adql-conditional";
    /** TAPRegExt 1.0 §2.3: user-defined functions ({@code features-udf}, without "adql-"). */
    public static final String UDF = "ivo://ivoa.net/std/TAPRegExt#features-udf";

    /** The UDFs that aggregate over rows (the checker treats them like SUM or COUNT). */
    private static final Set<String> AGGREGATE_UDFS = Set.of("ivo_string_agg", "ivo_histogram");

    private static final List<LanguageFeature> SUPPORTED = List.of(
            geo("POINT", "a position on the sky: POINT([coordsys,] ra, dec) in degrees"),
            geo("CIRCLE", "a cone: CIRCLE([coordsys,] ra, dec, radius), all in degrees"),
            geo("BOX", "a box: BOX([coordsys,] ra, dec, width, height), all in degrees"),
            geo("POLYGON", "a spherical polygon with great-circle edges: POLYGON([coordsys,] ra1, dec1, ...)"),
            geo("REGION", "a geometry from an STC-S string"),
            geo("CENTROID", "the centre of a geometry, as a point"),
            geo("CONTAINS", "1 if the first geometry lies within the second, else 0"),
            geo("INTERSECTS", "1 if two geometries overlap, else 0"),
            geo("AREA", "the area of a geometry in square degrees"),
            geo("COORD1", "the first coordinate (RA) of a point, in degrees"),
            geo("COORD2", "the second coordinate (Dec) of a point, in degrees"),
            geo("COORDSYS", "the coordinate system of a geometry (always ICRS here)"),
            geo("DISTANCE", "the great-circle distance between two points, in degrees"),
            new LanguageFeature(STRING, "LOWER", "a string in lower case"),
            new LanguageFeature(STRING, "UPPER", "a string in upper case"),
            new LanguageFeature(STRING, "ILIKE", "case-insensitive LIKE"),
            new LanguageFeature(OFFSET, "OFFSET", "skip the first rows of the result"),
            new LanguageFeature(TYPE, "CAST", "convert a value to another ADQL type"),
            new LanguageFeature(UNIT, "IN_UNIT", "convert a value to another unit (VOUnits)"),
            new LanguageFeature(SETS, "UNION", "rows of either query"),
            new LanguageFeature(SETS, "EXCEPT", "rows of the first query not in the second"),
            new LanguageFeature(SETS, "INTERSECT", "rows of both queries"),
            new LanguageFeature(COMMON_TABLE, "WITH", "named subqueries before the main query"),
            new LanguageFeature(CONDITIONAL, "COALESCE", "the first non-NULL argument"),
            new LanguageFeature(CONDITIONAL, "CASE", "conditional values (simple and searched CASE)"),
            udf("ivo_healpix_index(order INTEGER, ra DOUBLE, dec DOUBLE) -> BIGINT",
                    "the NESTED HEALPix index at the given order of a position in degrees"),
            udf("ivo_healpix_center(order INTEGER, ipix BIGINT) -> POINT",
                    "the centre of a NESTED HEALPix cell at the given order"),
            udf("ivo_hasword(haystack VARCHAR, word VARCHAR) -> INTEGER",
                    "1 if word occurs in haystack as a whole word, ignoring case, else 0"),
            udf("ivo_nocasematch(value VARCHAR, pattern VARCHAR) -> INTEGER",
                    "1 if value matches the LIKE pattern ignoring case, else 0"),
            udf("ivo_string_agg(expr VARCHAR, delim VARCHAR) -> VARCHAR",
                    "aggregate: the values of a group joined with delim"),
            udf("ivo_histogram(value DOUBLE, lower DOUBLE, upper DOUBLE, nbins INTEGER) -> INTEGER[]",
                    "aggregate: counts in nbins equal bins between lower and upper, with underflow first"
                            + " and overflow last (nbins+2 elements)"));

    private Features() {
    }

    /** Every optional feature pzvo supports, UDFs last. */
    public static List<LanguageFeature> supported() {
        return SUPPORTED;
    }

    /** The same as {@link #supported()}. */
    public static List<LanguageFeature> all() {
        return SUPPORTED;
    }

    /** The UDF features as catalog {@link FunctionInfo}s (argument and return types from the forms). */
    public static List<FunctionInfo> udfs() {
        return UdfList.UDFS;
    }

    /** Holder so that the forms are parsed once, after {@code SUPPORTED} is initialised. */
    private static final class UdfList {
        static final List<FunctionInfo> UDFS = SUPPORTED.stream().filter(LanguageFeature::isUdf)
                .map(Features::functionInfo).toList();
    }

    /** Parses a UDF form {@code name(arg TYPE, ...) -> TYPE} into a {@link FunctionInfo}. */
    public static FunctionInfo functionInfo(LanguageFeature udf) {
        String form = udf.form();
        int open = form.indexOf('(');
        int close = form.lastIndexOf(')');
        List<String> types = new ArrayList<>();
        String args = form.substring(open + 1, close).trim();
        if (!args.isEmpty()) {
            for (String arg : args.split(",")) {
                String[] words = arg.trim().split("\\s+");
                types.add(words[words.length - 1]);
            }
        }
        String returnType = form.substring(form.indexOf("->", close) + 2).trim();
        return new FunctionInfo(udf.name(), types, returnType, udf.description());
    }

    /** Whether the named UDF is an aggregate function. */
    public static boolean isAggregateUdf(String name) {
        return AGGREGATE_UDFS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Throws, with the span of the first offending node, if {@code query} uses an optional feature
     * or a user-defined function that is not in {@code declared}.
     */
    public static void check(Query query, Collection<LanguageFeature> declared) throws AdqlException {
        AdqlException[] failure = new AdqlException[1];
        Nodes.walk(query, node -> {
            if (failure[0] != null) {
                return;
            }
            Optional<FeatureUse> use = node.accept(FeatureUses.INSTANCE);
            if (use.isPresent() && declared.stream().noneMatch(use.get()::matches)) {
                failure[0] = use.get().error(node);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The optional feature a node uses, if any (the node's own keyword, not its children's). */
    public static Optional<LanguageFeature> featureOf(Node node) {
        return node.accept(FeatureUses.INSTANCE).flatMap(use -> SUPPORTED.stream().filter(use::matches).findFirst());
    }

    /** Whether a built-in call belongs to an optional feature (geometry or string functions). */
    static Optional<FeatureUse> builtin(BuiltinCall call) {
        BuiltinFunction fn = call.function();
        return switch (fn.category()) {
            case GEOMETRY -> Optional.of(new FeatureUse(GEO, fn.adqlName()));
            case STRING -> Optional.of(new FeatureUse(STRING, fn.adqlName()));
            default -> Optional.empty();
        };
    }

    private static LanguageFeature geo(String form, String description) {
        return new LanguageFeature(GEO, form, description);
    }

    private static LanguageFeature udf(String form, String description) {
        return new LanguageFeature(UDF, form, description);
    }

    /** A (type, name) pair found in a query. */
    record FeatureUse(String typeUri, String name) {
        boolean matches(LanguageFeature feature) {
            return feature.typeUri().equals(typeUri) && feature.names(name);
        }

        AdqlException error(Node node) {
            String message = typeUri.equals(UDF) ? Messages.unknownFunction(name, null)
                    : Messages.unsupportedFeature(name);
            return new AdqlException(node.span(), message);
        }
    }
}
