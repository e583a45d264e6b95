// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.ForeignKeyMeta;
import org.pzvo.db.SchemaMeta;
import org.pzvo.db.TableMeta;

/**
 * The VOSI 1.1 tables resource: a VODataService 1.2 {@code tableset} of every visible table, or
 * one {@code table} element for /tables/{schema.table}. Built from the same metadata as
 * TAP_SCHEMA, so the two cannot disagree.
 */
final class TablesDocument {
    private static final String NAMESPACES = " xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\""
            + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private TablesDocument() {
    }

    /**
     * @param rowCounts estimated row counts by qualified table name (absent: unknown)
     * @param detailed  false for VOSI 1.1 {@code detail=min}: tables without columns
     */
    static String tableset(List<SchemaMeta> schemas, Predicate<TableMeta> visible, Map<String, Long> rowCounts,
                           boolean detailed) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<vosi:tableset").append(NAMESPACES).append(">\n");
        for (SchemaMeta schema : schemas) {
            List<TableMeta> tables = schema.tables().stream().filter(visible).toList();
            if (tables.isEmpty()) {
                continue;
            }
            sb.append("<schema>").append(Xml.element("name", schema.name()))
                    .append(Xml.element("description", schema.description()))
                    .append(Xml.element("utype", schema.utype())).append('\n');
            for (TableMeta t : tables) {
                table(sb, "table", "", t, rowCounts.get(t.qualifiedName()), detailed);
            }
            sb.append("</schema>\n");
        }
        return sb.append("</vosi:tableset>\n").toString();
    }

    /** The VOSI 1.1 single-table document ({@code vosi:table}). */
    static String single(TableMeta t, Long rowCount) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        table(sb, "vosi:table", NAMESPACES, t, rowCount, true);
        return sb.toString();
    }

    private static void table(StringBuilder sb, String element, String namespaces, TableMeta t, Long rowCount,
                              boolean detailed) {
        sb.append('<').append(element).append(namespaces).append(" type=\"")
                .append(t.type().equals("view") ? "view" : "table").append("\">")
                .append(Xml.element("name", t.qualifiedName()))
                .append(Xml.element("description", t.description()))
                .append(Xml.element("utype", t.utype()));
        if (rowCount != null) {
            sb.append("<nrows>").append(rowCount).append("</nrows>");
        }
        sb.append('\n');
        if (detailed) {
            for (ColumnMeta c : t.columns()) {
                column(sb, c, t.primaryKey().contains(c.name()));
            }
            for (ForeignKeyMeta fk : t.foreignKeys()) {
                sb.append("<foreignKey>").append(Xml.element("targetTable", fk.targetTable()));
                for (int i = 0; i < fk.fromColumns().size(); i++) {
                    sb.append("<fkColumn>").append(Xml.element("fromColumn", fk.fromColumns().get(i)))
                            .append(Xml.element("targetColumn", fk.targetColumns().get(i))).append("</fkColumn>");
                }
                sb.append(Xml.element("description", fk.description())).append("</foreignKey>\n");
            }
        }
        sb.append("</").append(element).append(">\n");
    }

    private static void column(StringBuilder sb, ColumnMeta c, boolean primary) {
        sb.append(c.std() ? "<column std=\"true\">" : "<column>")
                .append(Xml.element("name", c.adqlName()))
                .append(Xml.element("description", c.description()))
                .append(Xml.element("unit", c.unit()))
                .append(Xml.element("ucd", c.ucd()))
                .append(Xml.element("utype", c.utype()))
                .append("<dataType xsi:type=\"vs:VOTableType\"");
        if (c.arraysize() != null) {
            sb.append(" arraysize=\"").append(Xml.text(c.arraysize())).append('"');
        }
        if (c.xtype() != null) {
            // VODataService 1.2 carries the VOTable xtype in the extendedType attribute.
            sb.append(" extendedType=\"").append(Xml.text(c.xtype())).append('"');
        }
        sb.append('>').append(c.datatype()).append("</dataType>");
        if (c.indexed()) {
            sb.append("<flag>indexed</flag>");
        }
        if (primary) {
            sb.append("<flag>primary</flag>");
        }
        if (c.nullable()) {
            sb.append("<flag>nullable</flag>");
        }
        sb.append("</column>\n");
    }
}
