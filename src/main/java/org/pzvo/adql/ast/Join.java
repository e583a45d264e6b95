// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code left [NATURAL] [type] JOIN right [ON cond | USING (cols)]}; a comma in FROM is a separate
 * FROM item, not a Join. A parsed join may have neither ON nor USING (a cross join, as the ADQL 2.1
 * BNF allows); in checked trees such a join has {@code ON TRUE}, so renderers always have one.
 */
public record Join(Span span, JoinType type, boolean natural, FromItem left, FromItem right, Optional<Predicate> on, List<Identifier> using) implements FromItem {
    public Join {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(on, "on");
        using = List.copyOf(using);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }
}
