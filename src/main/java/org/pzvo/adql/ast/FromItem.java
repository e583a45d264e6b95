// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** One table reference of a FROM clause; the last two permitted records appear only in checked trees. */
public sealed interface FromItem extends Node permits TableRef, DerivedTable, Join, ResolvedTable, CteTable {
}
