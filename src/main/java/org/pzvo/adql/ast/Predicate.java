// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** A search condition (ADQL 2.1 §2.2.3): WHERE, HAVING, ON and CASE WHEN conditions. */
public sealed interface Predicate extends Node
        permits And, Or, Not, Comparison, Between, Like, InList, InSubquery, Exists, IsNull, BooleanValue {
}
