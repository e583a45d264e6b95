// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.scs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.FieldMeta;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.TableMeta;
import org.pzvo.tap.AdqlText;
import org.pzvo.tap.ResultTarget;
import org.pzvo.tap.TapQuery;
import org.pzvo.tap.TapService;

/**
 * Simple Cone Search 1.03 over every public table with a main position (tap-schema
 * {@code position:}). A cone becomes an ADQL query
 * {@code SELECT ... WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(ra0, dec0, sr))} that runs through
 * the TAP translator (so the HEALPix index rewrite applies) and streams like /tap/sync. The
 * identifier and position columns are declared with the UCD1 names SCS 1.03 §3 requires
 * ({@code ID_MAIN}, {@code POS_EQ_RA_MAIN}, {@code POS_EQ_DEC_MAIN}). Immutable, thread-safe.
 */
public final class ConeSearch {
    /** The largest cone radius served, in degrees (advertised as maxSR). */
    public static final double MAX_SR_DEG = 10;

    private final TapService tap;

    public ConeSearch(TapService tap) {
        this.tap = Objects.requireNonNull(tap);
    }

    /**
     * The tables served to a member of {@code groups}: those it may see (issue 9) with a main
     * position; by qualified name.
     */
    public List<TableMeta> tables(Set<String> groups) {
        return tap.metadata().tables().stream().filter(t -> TapService.visible(t, groups) && t.position().isPresent())
                .toList();
    }

    /** The table of this qualified name (exact, else ignoring case) served to a member of {@code groups}. */
    public Optional<TableMeta> table(String qualifiedName, Set<String> groups) {
        List<TableMeta> served = tables(groups);
        return served.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst()
                .or(() -> served.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(qualifiedName)).findFirst());
    }

    public long defaultMaxrec() {
        return tap.limits().defaultMaxrec();
    }

    public long hardMaxrec() {
        return tap.limits().hardMaxrec();
    }

    /** Runs one cone on {@code table} and streams the VOTable to {@code target}. */
    public void search(TableMeta table, ConeRequest cone, Set<String> groups, ResultTarget target)
            throws DaliException, IOException {
        PositionMeta pos = table.position().orElseThrow();
        String id = idColumn(table);
        TapQuery query = new TapQuery(adql(table, cone), cone.format(), cone.maxrec(), null);
        tap.runProtocolQuery(query, groups, fields -> scsUcds(fields, id, pos), target);
    }

    /** The ADQL text of a cone (package-private for tests). */
    static String adql(TableMeta table, ConeRequest cone) {
        PositionMeta pos = table.position().orElseThrow();
        StringBuilder sb = new StringBuilder("SELECT ");
        List<String> columns = columns(table, cone.verb());
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(AdqlText.ident(columns.get(i)));
        }
        sb.append(" FROM ").append(AdqlText.table(table.schema(), table.name()));
        if (cone.srDeg() == 0) {
            // SCS 1.03: SR=0 asks for the description of the columns, no rows.
            return sb.append(" WHERE 1 = 0").toString();
        }
        return sb.append(" WHERE 1 = CONTAINS(POINT(").append(AdqlText.ident(pos.ra())).append(", ")
                .append(AdqlText.ident(pos.dec())).append("), CIRCLE(").append(AdqlText.number(cone.raDeg()))
                .append(", ").append(AdqlText.number(cone.decDeg())).append(", ").append(AdqlText.number(cone.srDeg()))
                .append("))").toString();
    }

    /**
     * The output columns of a verbosity: the identifier and the position first, then (VERB=2) the
     * principal columns or (VERB=3) every column, in table order.
     */
    static List<String> columns(TableMeta table, int verb) {
        PositionMeta pos = table.position().orElseThrow();
        Set<String> names = new LinkedHashSet<>(List.of(idColumn(table), pos.ra(), pos.dec()));
        if (verb >= 2) {
            for (ColumnMeta c : table.columns()) {
                if (verb == 3 || c.principal()) {
                    names.add(c.name());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** The column identifying a row: the one whose UCD says meta.id;meta.main, else the first key column. */
    static String idColumn(TableMeta table) {
        return table.columns().stream().filter(c -> c.ucd() != null && c.ucd().startsWith("meta.id;meta.main"))
                .map(ColumnMeta::name).findFirst()
                .orElseGet(() -> table.primaryKey().isEmpty() ? table.columns().get(0).name() : table.primaryKey().get(0));
    }

    private static List<FieldMeta> scsUcds(List<FieldMeta> fields, String id, PositionMeta pos) {
        List<FieldMeta> out = new ArrayList<>(fields.size());
        for (FieldMeta f : fields) {
            String ucd = f.name().equals(id) ? "ID_MAIN" : f.name().equals(pos.ra()) ? "POS_EQ_RA_MAIN"
                    : f.name().equals(pos.dec()) ? "POS_EQ_DEC_MAIN" : f.ucd();
            out.add(new FieldMeta(f.name(), f.datatype(), f.arraysize(), f.xtype(), f.unit(), ucd, f.utype(),
                    f.description()));
        }
        return out;
    }
}
