// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.feature;

import java.util.Optional;
import org.pzvo.adql.ast.Box;
import org.pzvo.adql.ast.BuiltinCall;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.Circle;
import org.pzvo.adql.ast.Coalesce;
import org.pzvo.adql.ast.DefaultVisitor;
import org.pzvo.adql.ast.InUnit;
import org.pzvo.adql.ast.Like;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Point;
import org.pzvo.adql.ast.Polygon;
import org.pzvo.adql.ast.Region;
import org.pzvo.adql.ast.SearchedCase;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.SetQuery;
import org.pzvo.adql.ast.SimpleCase;
import org.pzvo.adql.ast.UdfCall;
import org.pzvo.adql.ast.WithQuery;

/** Maps a node to the optional feature its own syntax uses (ADQL 2.1 §4 and TAPRegExt 1.0 §2.3). */
final class FeatureUses extends DefaultVisitor<Optional<Features.FeatureUse>> {
    static final FeatureUses INSTANCE = new FeatureUses();

    private static Optional<Features.FeatureUse> use(String type, String name) {
        return Optional.of(new Features.FeatureUse(type, name));
    }

    @Override
    protected Optional<Features.FeatureUse> visitNode(Node node) {
        return Optional.empty();
    }

    @Override
    public Optional<Features.FeatureUse> visitSelectQuery(SelectQuery node) {
        return node.offset() >= 0 ? use(Features.OFFSET, "OFFSET") : Optional.empty();
    }

    @Override
    public Optional<Features.FeatureUse> visitSetQuery(SetQuery node) {
        return node.offset() >= 0 ? use(Features.OFFSET, "OFFSET") : use(Features.SETS, node.operator().keyword());
    }

    @Override
    public Optional<Features.FeatureUse> visitWithQuery(WithQuery node) {
        return use(Features.COMMON_TABLE, "WITH");
    }

    @Override
    public Optional<Features.FeatureUse> visitLike(Like node) {
        return node.caseInsensitive() ? use(Features.STRING, "ILIKE") : Optional.empty();
    }

    @Override
    public Optional<Features.FeatureUse> visitBuiltinCall(BuiltinCall node) {
        return Features.builtin(node);
    }

    @Override
    public Optional<Features.FeatureUse> visitUdfCall(UdfCall node) {
        return use(Features.UDF, node.name());
    }

    @Override
    public Optional<Features.FeatureUse> visitCast(Cast node) {
        return use(Features.TYPE, "CAST");
    }

    @Override
    public Optional<Features.FeatureUse> visitInUnit(InUnit node) {
        return use(Features.UNIT, "IN_UNIT");
    }

    @Override
    public Optional<Features.FeatureUse> visitCoalesce(Coalesce node) {
        return use(Features.CONDITIONAL, "COALESCE");
    }

    @Override
    public Optional<Features.FeatureUse> visitSimpleCase(SimpleCase node) {
        return use(Features.CONDITIONAL, "CASE");
    }

    @Override
    public Optional<Features.FeatureUse> visitSearchedCase(SearchedCase node) {
        return use(Features.CONDITIONAL, "CASE");
    }

    @Override
    public Optional<Features.FeatureUse> visitPoint(Point node) {
        return use(Features.GEO, "POINT");
    }

    @Override
    public Optional<Features.FeatureUse> visitCircle(Circle node) {
        return use(Features.GEO, "CIRCLE");
    }

    @Override
    public Optional<Features.FeatureUse> visitBox(Box node) {
        return use(Features.GEO, "BOX");
    }

    @Override
    public Optional<Features.FeatureUse> visitPolygon(Polygon node) {
        return use(Features.GEO, "POLYGON");
    }

    @Override
    public Optional<Features.FeatureUse> visitRegion(Region node) {
        return use(Features.GEO, "REGION");
    }
}
