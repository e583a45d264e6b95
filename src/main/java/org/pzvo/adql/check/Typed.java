// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import org.pzvo.adql.ast.Node;

/** A resolved node with the metadata of its value (predicates have {@link Meta#BOOLEAN}). */
record Typed(Node node, Meta meta) {
}
