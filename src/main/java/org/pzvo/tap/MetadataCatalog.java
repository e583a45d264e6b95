// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pzvo.adql.check.Catalog;
import org.pzvo.adql.check.ColumnInfo;
import org.pzvo.adql.check.FunctionInfo;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;

/**
 * The ADQL checker's view of the published metadata: the tables a user may see (public ones and
 * those of the user's groups), plus the tables uploaded with the request. Immutable.
 */
public final class MetadataCatalog implements Catalog {
    private final List<TableInfo> tables;
    private final List<FunctionInfo> functions;

    private MetadataCatalog(List<TableInfo> tables, List<FunctionInfo> functions) {
        this.tables = List.copyOf(tables);
        this.functions = List.copyOf(functions);
    }

    /** Public tables and those restricted to one of {@code groups}. */
    public static MetadataCatalog forGroups(Metadata metadata, Set<String> groups, List<FunctionInfo> functions) {
        List<TableInfo> visible = new ArrayList<>();
        for (TableMeta t : metadata.tables()) {
            if (t.isPublic() || t.groups().stream().anyMatch(groups::contains)) {
                visible.add(tableInfo(t));
            }
        }
        return new MetadataCatalog(visible, functions);
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
