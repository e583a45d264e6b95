// SPDX-License-Identifier: BSD-3-Clause
/**
 * The ANTLR 4 grammar ({@code src/main/antlr4/org/pzvo/adql/parse/Adql.g4}, generated code in
 * {@code target/}) and the package-private builder that turns its parse tree into the AST. The only
 * public entry point is {@link org.pzvo.adql.parse.ParseDriver}, used by
 * {@link org.pzvo.adql.AdqlParser}; the parse tree never leaves this package.
 */
package org.pzvo.adql.parse;
