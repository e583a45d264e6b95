// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.RowFilter;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.ForeignKeyMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.TableMeta;

/**
 * The ADQL checker's view of the published metadata: the tables a user may see (public ones and
 * those of the user's groups), plus the tables uploaded with the request. Immutable.
 */
public final class MetadataCatalog implements Catalog {
    /** The ObsCore table, whose rows are filtered by product visibility. */
    static final String OBSCORE = "ivoa.obscore";
    private final List<TableInfo> tables;
    private final List<FunctionInfo> functions;

    private MetadataCatalog(List<TableInfo> tables, List<FunctionInfo> functions) {
        this.tables = List.copyOf(tables);
        this.functions = List.copyOf(functions);
    }

    /**
     * Public tables and those restricted to one of {@code groups}. The TAP_SCHEMA tables are
     * filtered too (issue 9): the rows describing a table the user may not see, its columns and
     * foreign keys (and a schema all of whose tables are hidden) are invisible.
     */
    public static MetadataCatalog forGroups(Metadata metadata, Set<String> groups, List<FunctionInfo> functions) {
        return forGroups(metadata, groups, functions, List.of());
    }

    /**
     * As {@link #forGroups(Metadata, Set, List)}, and the rows of {@code rowAccess} that none of
     * {@code groups} (access keys) may see are hidden too (issue 11).
     */
    public static MetadataCatalog forGroups(Metadata metadata, Set<String> groups, List<FunctionInfo> functions,
                                            List<RowAccess> rowAccess) {
        List<TableMeta> visibleMeta = metadata.tables().stream()
                .filter(t -> t.isPublic() || t.groups().stream().anyMatch(groups::contains)).toList();
        Map<String, List<RowFilter>> filters = tapSchemaFilters(metadata, visibleMeta);
        List<TableInfo> visible = new ArrayList<>();
        for (TableMeta t : visibleMeta) {
            TableInfo info = tableInfo(t);
            List<RowFilter> f = new ArrayList<>(t.schema().equalsIgnoreCase(SchemaInstaller.TAP_SCHEMA)
                    ? filters.getOrDefault(t.name().toLowerCase(Locale.ROOT), List.of())
                    : t.qualifiedName().equals(OBSCORE) ? List.of(obscoreFilter(metadata, visibleMeta, groups))
                    : List.of());
            for (RowAccess access : rowAccess) {
                if (access.table().equalsIgnoreCase(t.qualifiedName())) {
                    Set<String> hidden = new HashSet<>();
                    access.keysByValue().forEach((value, keys) -> {
                        if (keys.stream().noneMatch(groups::contains)) {
                            hidden.add(value);
                        }
                    });
                    if (!hidden.isEmpty()) {
                        f.add(new RowFilter.HiddenValues(access.column(), hidden));
                    }
                }
            }
            visible.add(f.isEmpty() ? info : info.withRowFilters(f));
        }
        return new MetadataCatalog(visible, functions);
    }

    /**
     * ivoa.obscore rows of products a member of {@code groups} may not see (ObsCore 1.1 rows are
     * one per product, keyed by obs_publisher_did): restricted to another group in the product
     * registry, or derived from a hidden table (issue 9, {@link org.pzvo.obscore.ProductAccess}).
     */
    private static RowFilter obscoreFilter(Metadata metadata, List<TableMeta> visible, Set<String> groups) {
        Set<String> hidden = new HashSet<>();
        metadata.tables().forEach(t -> hidden.add(t.qualifiedName()));
        visible.forEach(t -> hidden.remove(t.qualifiedName()));
        return new RowFilter.HiddenByLookup("obs_publisher_did", "files", "product", "publisher_did", "access_group",
                groups, "table_name", hidden);
    }

    /** Row filters of the TAP_SCHEMA tables (TAP 1.1 §4), by lower-case table name; empty when all is visible. */
    private static Map<String, List<RowFilter>> tapSchemaFilters(Metadata metadata, List<TableMeta> visible) {
        Set<String> visibleNames = new HashSet<>();
        visible.forEach(t -> visibleNames.add(t.qualifiedName()));
        Set<String> hiddenTables = new HashSet<>();
        Set<String> hiddenKeys = new HashSet<>();
        for (TableMeta t : metadata.tables()) {
            if (!visibleNames.contains(t.qualifiedName())) {
                hiddenTables.add(t.qualifiedName());
            }
        }
        if (hiddenTables.isEmpty()) {
            return Map.of();
        }
        for (ForeignKeyMeta k : metadata.foreignKeys()) {
            if (hiddenTables.contains(k.fromTable()) || hiddenTables.contains(k.targetTable())) {
                hiddenKeys.add(k.keyId());
            }
        }
        Set<String> hiddenSchemas = new HashSet<>();
        for (SchemaMeta s : metadata.schemas()) {
            if (s.tables().stream().allMatch(t -> hiddenTables.contains(t.qualifiedName()))) {
                hiddenSchemas.add(s.name());
            }
        }
        Map<String, List<RowFilter>> filters = new HashMap<>();
        filters.put("tables", List.of(new RowFilter.HiddenValues("table_name", hiddenTables)));
        filters.put("columns", List.of(new RowFilter.HiddenValues("table_name", hiddenTables)));
        if (!hiddenKeys.isEmpty()) {
            filters.put("keys", List.of(new RowFilter.HiddenValues("key_id", hiddenKeys)));
            filters.put("key_columns", List.of(new RowFilter.HiddenValues("key_id", hiddenKeys)));
        }
        if (!hiddenSchemas.isEmpty()) {
            filters.put("schemas", List.of(new RowFilter.HiddenValues("schema_name", hiddenSchemas)));
        }
        return filters;
    }

    /** This catalog plus extra tables (TAP_UPLOAD tables of one request). */
    public MetadataCatalog with(List<TableInfo> extra) {
        List<TableInfo> all = new ArrayList<>(tables);
        all.addAll(extra);
        return new MetadataCatalog(all, functions);
    }

    static TableInfo tableInfo(TableMeta t) {
        List<ColumnInfo> columns = new ArrayList<>(t.columns().size());
        for (ColumnMeta c : t.columns()) {
            columns.add(new ColumnInfo(c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(), c.utype(),
                    c.description()));
        }
        Optional<PositionIndex> position = t.position()
                .map(p -> new PositionIndex(p.ra(), p.dec(), p.healpix()));
        return new TableInfo(t.schema(), t.name(), t.description(), columns, position);
    }

    @Override
    public List<TableInfo> tables() {
        return tables;
    }

    @Override
    public List<FunctionInfo> functions() {
        return functions;
    }
}
