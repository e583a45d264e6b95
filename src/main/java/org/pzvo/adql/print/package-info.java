// SPDX-License-Identifier: BSD-3-Clause
/** Normalised ADQL printing ({@link org.pzvo.adql.print.AdqlPrinter}), for echoing queries and tests. */
package org.pzvo.adql.print;
