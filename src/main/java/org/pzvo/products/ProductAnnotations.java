// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pzvo.db.ColumnMeta;
import org.pzvo.db.TableMeta;
import org.pzvo.sky.PositionNames;

/**
 * Column annotations of a product: the columns detected in its file and the owner's UCDs, units,
 * descriptions and aliases (the column roles of the PZ Server's column association step,
 * DOMAIN.md §1.4 step 4: an alias such as {@code z} also sets the usual UCD when none is given).
 */
final class ProductAnnotations {
    /** UCD given to a column by its alias when it has none (DOMAIN.md §1.4 step 4). */
    private static final Map<String, String> ALIAS_UCDS = Map.of(
            "id", "meta.id;meta.main", "ra", "pos.eq.ra;meta.main", "dec", "pos.eq.dec;meta.main",
            "z", "src.redshift", "z_err", "stat.error;src.redshift", "z_flag", "meta.code.qual;src.redshift",
            "survey", "meta.curation");
    private static final Map<String, String> ALIAS_UNITS = Map.of("ra", "deg", "dec", "deg");
    private static final Pattern UCD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*"
            + "(;[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*)*");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9.*/()^+%'\"\\[\\]-]{1,40}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final int MAX_DESCRIPTION = 2000;
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("short", "int", "long", "float", "double");

    private ProductAnnotations() {
    }

    /** The columns of {@code table} (without the HEALPix index), keeping the annotations of namesakes in {@code previous}. */
    static List<ProductColumn> detected(TableMeta table, List<ProductColumn> previous) {
        String healpix = table.position().map(p -> p.healpix()).orElse(null);
        List<ProductColumn> out = new ArrayList<>();
        int index = 1;
        for (ColumnMeta c : table.columns()) {
            if (c.name().equals(healpix)) {
                continue;
            }
            String type = c.datatype() + (c.arraysize() == null || c.datatype().equals("char") ? ""
                    : "[" + c.arraysize() + "]");
            ProductColumn old = previous.stream().filter(p -> p.name().equals(c.name())).findFirst().orElse(null);
            out.add(old != null ? new ProductColumn(index++, c.name(), type, old.ucd(), old.unit(), old.alias(),
                    old.description())
                    : new ProductColumn(index++, c.name(), type, c.ucd(), c.unit(), null, c.description()));
        }
        return withPosition(out);
    }

    /**
     * The columns with the position annotated when none is (by UCD or alias) and two numeric
     * columns have usual names ({@link PositionNames}): alias ra and dec, their UCDs, unit deg.
     */
    private static List<ProductColumn> withPosition(List<ProductColumn> columns) {
        if (ProductTables.aliased(columns, "ra", "pos.eq.ra") != null
                || ProductTables.aliased(columns, "dec", "pos.eq.dec") != null) {
            return columns;
        }
        int[] pos = PositionNames.find(columns.stream().map(ProductColumn::name).toList(),
                i -> NUMERIC.contains(columns.get(i).datatype()));
        if (pos[0] < 0) {
            return columns;
        }
        List<ProductColumn> out = new ArrayList<>(columns);
        for (int k = 0; k < 2; k++) {
            ProductColumn c = out.get(pos[k]);
            String alias = k == 0 ? "ra" : "dec";
            out.set(pos[k], c.annotated(ALIAS_UCDS.get(alias), c.unit() == null ? "deg" : c.unit(), alias,
                    c.description()));
        }
        return out;
    }

    /**
     * The columns with {@code changes} applied (by column name).
     *
     * @throws ProductException naming the column and the value when a change is invalid
     */
    static List<ProductColumn> apply(String id, List<ProductColumn> columns, Map<String, ProductService.ColumnChange>
            changes) throws ProductException {
        Map<String, ProductColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        for (var e : changes.entrySet()) {
            String name = e.getKey();
            ProductColumn c = byName.get(name);
            if (c == null) {
                throw ProductException.bad("Product " + id + " has no column '" + name + "'; its columns are "
                        + columns.stream().map(ProductColumn::name).collect(Collectors.joining(", ")));
            }
            ProductService.ColumnChange ch = e.getValue();
            String alias = value(ch.alias(), c.alias());
            if (alias != null && !ALIAS.matcher(alias).matches()) {
                throw ProductException.bad("Column " + name + ": bad alias '" + alias + "'; expected a short lower-case"
                        + " word such as id, ra, dec, z, z_err, z_flag or survey");
            }
            String ucd = value(ch.ucd(), c.ucd());
            if (ch.ucd() == null && alias != null && !alias.equals(c.alias()) && ALIAS_UCDS.containsKey(alias)) {
                ucd = ALIAS_UCDS.get(alias);
            }
            if (ucd != null && !UCD.matcher(ucd).matches()) {
                throw ProductException.bad("Column " + name + ": bad UCD '" + ucd + "'; expected UCD1+ words separated"
                        + " by ';', e.g. src.redshift or pos.eq.ra;meta.main");
            }
            String unit = value(ch.unit(), c.unit());
            if (ch.unit() == null && unit == null && alias != null) {
                unit = ALIAS_UNITS.get(alias);
            }
            if (unit != null && !UNIT.matcher(unit).matches()) {
                throw ProductException.bad("Column " + name + ": bad unit '" + unit + "'; expected a VOUnit such as"
                        + " deg, mag, nJy or km/s");
            }
            String description = ch.description() == null ? c.description() : ch.description().strip();
            if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
                throw ProductException.bad("Column " + name + ": a description must have 1 to " + MAX_DESCRIPTION
                        + " characters");
            }
            if (alias != null) {
                for (ProductColumn other : List.copyOf(byName.values())) {
                    if (!other.name().equals(name) && alias.equals(other.alias())) {
                        byName.put(other.name(), other.annotated(other.ucd(), other.unit(), null, other.description()));
                    }
                }
            }
            byName.put(name, c.annotated(ucd, unit, alias, description));
        }
        return new ArrayList<>(byName.values());
    }

    /** The new value: unchanged when null, cleared when blank. */
    private static String value(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isBlank() ? null : change.strip();
    }
}
