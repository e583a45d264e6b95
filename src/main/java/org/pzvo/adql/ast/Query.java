// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** A query expression: a select, a set operation, or a WITH query wrapping either. */
public sealed interface Query extends Node permits SelectQuery, SetQuery, WithQuery {
}
