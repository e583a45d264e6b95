// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined function: its name (matched case-insensitively), its argument types and its
 * return type. Types are ADQL type names as in TAPRegExt forms: SMALLINT INTEGER BIGINT REAL
 * DOUBLE VARCHAR TIMESTAMP POINT CIRCLE POLYGON REGION, an array written with {@code []} (for
 * example {@code INTEGER[]}), or {@code ANY}.
 */
public record FunctionInfo(String name, List<String> argumentTypes, String returnType, String description) {
    public FunctionInfo {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        Objects.requireNonNull(returnType, "returnType");
    }
}
