// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pzvo.adql.Messages;
import org.pzvo.adql.ast.ColumnRef;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.ast.ResolvedColumn;
import org.pzvo.adql.print.AdqlPrinter;

/**
 * Resolves a column reference against a scope chain (ADQL 2.1 §2.1.3 and SQL scoping): innermost
 * query first, then enclosing queries (correlated subqueries). Unqualified names may match a
 * column merged by JOIN USING/NATURAL, or exactly one range variable; qualified names pick the
 * range variable by alias or by (schema-qualified) table name.
 */
final class ColumnResolution {
    private ColumnResolution() {
    }

    static Typed resolve(ColumnRef ref, Scope scope) {
        return ref.qualifier().isEmpty() ? unqualified(ref, scope) : qualified(ref, scope);
    }

    private static Typed unqualified(ColumnRef ref, Scope scope) {
        Identifier name = ref.column();
        for (Scope s = scope; s != null; s = s.parent) {
            for (Map.Entry<String, ColumnInfo> merged : s.merged.entrySet()) {
                if (name.matches(merged.getKey())) {
                    ColumnInfo info = merged.getValue();
                    return new Typed(new ResolvedColumn(ref.span(), Optional.empty(), info.name(), info), Meta.of(info));
                }
            }
            List<Scope.Entry> found = new ArrayList<>();
            List<ColumnInfo> columns = new ArrayList<>();
            for (Scope.Entry e : s.entries) {
                Optional<ColumnInfo> c = e.column(name);
                if (c.isPresent()) {
                    found.add(e);
                    columns.add(c.get());
                }
            }
            if (found.size() == 1) {
                return resolved(ref, found.get(0), columns.get(0));
            }
            if (found.size() > 1) {
                List<String> candidates = new ArrayList<>();
                for (int i = 0; i < found.size(); i++) {
                    candidates.add(found.get(i).display() + "." + columns.get(i).name());
                }
                throw new CheckFailure(ref.span(), Messages.ambiguousColumn(name.text(), candidates));
            }
        }
        throw new CheckFailure(ref.span(), Messages.unknownColumn(name.text(), Names.suggest(name.text(),
                columnNames(scope))));
    }

    private static Typed qualified(ColumnRef ref, Scope scope) {
        List<Identifier> qualifier = ref.qualifier();
        for (Scope s = scope; s != null; s = s.parent) {
            List<Scope.Entry> found = s.entries.stream().filter(e -> qualifier.size() <= 2 && e.matches(qualifier))
                    .collect(Collectors.toList());
            if (found.size() > 1) {
                throw new CheckFailure(ref.span(), Messages.ambiguousTable(qualifierText(ref),
                        found.stream().map(e -> e.table() != null ? e.table().qualifiedName() : e.name())
                                .collect(Collectors.toList())));
            }
            if (found.size() == 1) {
                Scope.Entry entry = found.get(0);
                Optional<ColumnInfo> c = entry.column(ref.column());
                if (c.isEmpty()) {
                    throw new CheckFailure(ref.column().span(), Messages.unknownColumnIn(ref.column().text(),
                            entry.display(), Names.suggest(ref.column().text(),
                                    entry.columns().stream().map(ColumnInfo::name).collect(Collectors.toList()))));
                }
                return resolved(ref, entry, c.get());
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (Scope s = scope; s != null; s = s.parent) {
            s.entries.forEach(e -> names.add(e.display()));
        }
        Identifier last = qualifier.get(qualifier.size() - 1);
        throw new CheckFailure(qualifier.get(0).span(), Messages.unknownQualifier(qualifierText(ref),
                Names.suggest(last.text(), names)));
    }

    private static Typed resolved(ColumnRef ref, Scope.Entry entry, ColumnInfo column) {
        ResolvedColumn r = new ResolvedColumn(ref.span(), Optional.of(entry.correlation()), column.name(), column);
        return new Typed(r, Meta.of(column));
    }

    private static String qualifierText(ColumnRef ref) {
        return ref.qualifier().stream().map(AdqlPrinter::identifier).collect(Collectors.joining("."));
    }

    private static Set<String> columnNames(Scope scope) {
        Set<String> names = new LinkedHashSet<>();
        for (Scope s = scope; s != null; s = s.parent) {
            for (Scope.Entry e : s.entries) {
                e.columns().forEach(c -> names.add(c.name()));
            }
        }
        return names;
    }
}
