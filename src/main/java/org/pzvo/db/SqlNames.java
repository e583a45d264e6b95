// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

/**
 * Quoted SQL identifiers. Every published name is created and referenced quoted with its exact
 * spelling (CONTRACTS.md "Identifiers end to end"), so engine case folding never applies and no
 * name needs to avoid SQL reserved words. Standard SQL delimited identifiers work the same on
 * H2 and PostgreSQL.
 */
public final class SqlNames {
    private SqlNames() {
    }

    /** {@code name} as an SQL delimited identifier: {@code "name"}, inner quotes doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."table"}. */
    public static String table(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** {@code "schema"."table"} of a table's metadata. */
    public static String table(TableMeta table) {
        return table(table.schema(), table.name());
    }
}
