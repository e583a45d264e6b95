// SPDX-License-Identifier: BSD-3-Clause
/**
 * ADQL 2.1 optional features and UDFs declared as data ({@link org.pzvo.adql.feature.Features}),
 * the single source for TAPRegExt {@code languageFeatures}, the checker's UDFs and the
 * declared-feature check.
 */
package org.pzvo.adql.feature;
