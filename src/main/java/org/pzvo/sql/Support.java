// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Cast;
import org.pzvo.adql.ast.CommonTableExpr;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.DerivedTable;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.Join;
import org.pzvo.adql.ast.JoinType;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.StringLiteral;

/**
 * Pass: refuses, with the span of the offending text, what the SQL translation does not support:
 * CAST of a string to a geometry, NUL characters in literals or names (neither engine
 * can store them in a statement), and FULL OUTER JOIN where the engine has none. Changes nothing, so it returns its argument.
 */
final class Support {
    private Support() {
    }

    static Query check(Query query, SqlDialect dialect) throws AdqlException {
        AdqlException[] failure = new AdqlException[1];
        Nodes.walk(query, node -> {
            if (failure[0] == null) {
                failure[0] = problem(node);
            }
            if (failure[0] == null && node instanceof Join j && j.type() == JoinType.FULL && !dialect.supportsFullJoin()) {
                failure[0] = new AdqlException(j.span(), SqlMessages.fullJoinUnsupported(dialect.engine().name()));
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return query;
    }

    private static AdqlException problem(Node node) {
        if (node instanceof Cast c && c.type().isGeometry() && Geometry.kind(c.value()) == Geometry.Kind.OTHER
                && !(c.value() instanceof org.pzvo.adql.ast.NullLiteral)) {
            return new AdqlException(c.span(), SqlMessages.geometryCastUnsupported(c.type().adql()));
        }
        if (node instanceof StringLiteral s && hasNul(s.value())) {
            return new AdqlException(s.span(), SqlMessages.nulCharacter());
        }
        if (node instanceof DerivedColumn d && d.alias().isPresent()) {
            return nul(d.alias().get());
        }
        if (node instanceof DerivedTable d) {
            return nul(d.alias());
        }
        if (node instanceof CommonTableExpr c) {
            AdqlException e = nul(c.name());
            for (Identifier column : c.columns()) {
                e = e == null ? nul(column) : e;
            }
            return e;
        }
        return null;
    }

    private static AdqlException nul(Identifier id) {
        return hasNul(id.text()) ? new AdqlException(id.span(),
                SqlMessages.nulCharacter()) : null;
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }
}
