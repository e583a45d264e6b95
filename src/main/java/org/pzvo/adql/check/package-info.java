// SPDX-License-Identifier: BSD-3-Clause
/**
 * Semantic checking (CONTRACTS.md "org.pzvo.adql.check"): the {@link org.pzvo.adql.check.Catalog}
 * metadata model, {@link org.pzvo.adql.check.Checker#check} (names, scopes, types, frames, result
 * metadata) and {@link org.pzvo.adql.check.Units} (IN_UNIT factors). Everything but the public
 * records and the checker is package-private.
 */
package org.pzvo.adql.check;
