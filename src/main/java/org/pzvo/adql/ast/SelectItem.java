// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** One entry of a select list. */
public sealed interface SelectItem extends Node permits DerivedColumn, AllColumns {
}
