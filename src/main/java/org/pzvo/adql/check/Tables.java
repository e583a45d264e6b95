// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.TableName;

/**
 * Finds a catalog table by a name as written (ADQL 2.1 §2.1.3): regular identifiers match
 * case-insensitively, delimited ones exactly; the schema may be omitted when only one schema has
 * a table of that name. There are no catalogs, so a catalog-qualified name is unknown.
 */
final class Tables {
    private Tables() {
    }

    static TableInfo find(Catalog catalog, TableName name) {
        String written = name.schema().map(s -> s.text() + ".").orElse("") + name.table().text();
        if (name.catalog().isPresent()) {
            throw new CheckFailure(name.span(), Messages.unknownTable(name.catalog().get().text() + "." + written, null));
        }
        List<TableInfo> tables = catalog.tables();
        List<TableInfo> candidates = tables;
        if (name.schema().isPresent()) {
            Identifier schema = name.schema().get();
            candidates = tables.stream().filter(t -> schema.matches(t.schema())).collect(Collectors.toList());
            if (candidates.isEmpty()) {
                Set<String> schemas = tables.stream().map(TableInfo::schema).collect(Collectors.toCollection(LinkedHashSet::new));
                throw new CheckFailure(schema.span(), Messages.unknownSchema(schema.text(),
                        Names.suggest(schema.text(), schemas)));
            }
        }
        List<TableInfo> found = new ArrayList<>();
        for (TableInfo t : candidates) {
            if (name.table().matches(t.name())) {
                found.add(t);
            }
        }
        if (found.size() > 1) {
            List<TableInfo> exact = found.stream().filter(t -> t.name().equals(name.table().text()))
                    .collect(Collectors.toList());
            if (exact.size() == 1) {
                return exact.get(0);
            }
            throw new CheckFailure(name.span(), Messages.ambiguousTable(written,
                    found.stream().map(TableInfo::qualifiedName).collect(Collectors.toList())));
        }
        if (found.isEmpty()) {
            List<String> names = candidates.stream()
                    .map(t -> name.schema().isPresent() ? t.qualifiedName() : t.name()).collect(Collectors.toList());
            List<String> qualified = candidates.stream().map(TableInfo::qualifiedName).collect(Collectors.toList());
            String suggestion = Names.suggest(written, name.schema().isPresent() ? qualified : names);
            throw new CheckFailure(name.span(), Messages.unknownTable(written, suggestion));
        }
        return found.get(0);
    }
}
