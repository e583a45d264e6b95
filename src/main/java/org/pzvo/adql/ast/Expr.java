// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/**
 * A value expression. {@link ResolvedColumn} and {@link OutputColumnRef} appear only in trees
 * returned by the checker; {@link ColumnRef} appears only in unchecked trees.
 */
public sealed interface Expr extends Node
        permits ColumnRef, ResolvedColumn, OutputColumnRef, NumericLiteral, StringLiteral, BooleanLiteral,
        NullLiteral, Unary, Binary, BuiltinCall, Aggregate, UdfCall, Cast, SimpleCase, SearchedCase, Coalesce,
        InUnit, ScalarSubquery, Point, Circle, Box, Polygon, Region {
}
