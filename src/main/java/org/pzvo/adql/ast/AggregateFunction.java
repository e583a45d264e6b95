// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

/** SQL set functions (ADQL 2.1 {@code <set_function_type>}). */
public enum AggregateFunction {
    COUNT, SUM, AVG, MIN, MAX
}
