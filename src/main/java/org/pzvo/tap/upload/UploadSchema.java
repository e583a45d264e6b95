// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pzvo.dali.DaliException;
import org.pzvo.sky.PositionNames;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

/**
 * The stored layout of an uploaded table: its columns with names validated (regular identifiers;
 * an ADQL reserved word such as {@code value} is kept and must be written {@code "value"} in the
 * query, ADQL 2.1 §2.1.3) and types mapped
 * (boolean, short, int, long, float, double, strings and arrays of numbers), its main position
 * (found by UCD {@code pos.eq.ra}/{@code pos.eq.dec}, {@code meta.main} preferred, else by a
 * usual column name) and, when it has one, the added order-29 HEALPix column.
 *
 * @param raIndex  index into {@code columns} of the right ascension, or -1
 * @param decIndex index into {@code columns} of the declination, or -1
 * @param healpix  the name of the added HEALPix column, when there is a position
 */
record UploadSchema(List<UploadColumn> columns, int raIndex, int decIndex, Optional<String> healpix) {
    private static final Pattern REGULAR = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    UploadSchema {
        columns = List.copyOf(columns);
    }

    static UploadSchema of(String table, StarTable t) throws DaliException {
        List<UploadColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            ColumnInfo info = t.getColumnInfo(i);
            String name = info.getName() == null ? "" : info.getName().trim();
            if (!REGULAR.matcher(name).matches() || name.length() > 64) {
                throw DaliException.badRequest("UPLOAD: column " + (i + 1) + " of table '" + table + "' is named '"
                        + name + "', which is not a regular ADQL identifier (a letter followed by letters, digits or "
                        + "'_', at most 64 characters); rename it before uploading");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw DaliException.badRequest("UPLOAD: table '" + table + "' has two columns named '" + name
                        + "' (names are compared case-insensitively)");
            }
            String[] type = type(table, i + 1, name, info.getContentClass());
            // Only timestamps keep their xtype: an uploaded REGION string is loaded as plain text.
            String xtype = "char".equals(type[0]) && "timestamp".equals(info.getXtype()) ? "timestamp" : null;
            columns.add(new UploadColumn(i, name, type[0], type[1], xtype, info.getUnitString(), info.getUCD(),
                    info.getDescription()));
        }
        int[] position = byUcd(columns);
        if (position[0] < 0 || position[1] < 0) {
            position = byName(columns);
        }
        if (position[0] < 0 || position[1] < 0) {
            return new UploadSchema(columns, -1, -1, Optional.empty());
        }
        String healpix = seen.contains("hpx29") ? "pzvo_hpx29" : "hpx29";
        if (seen.contains(healpix)) {
            throw DaliException.badRequest("UPLOAD: table '" + table + "' already has columns hpx29 and pzvo_hpx29;"
                    + " one of them must be renamed so that the service can add its HEALPix index");
        }
        columns.add(new UploadColumn(-1, healpix, "long", null, null, null, "pos.healpix", "order-29 NESTED HEALPix index "
                + "of (" + columns.get(position[0]).name() + ", " + columns.get(position[1]).name() + "), added by the service"));
        return new UploadSchema(columns, position[0], position[1], Optional.of(healpix));
    }

    private static String[] type(String table, int number, String name, Class<?> c) throws DaliException {
        if (c == Boolean.class) {
            return new String[] {"boolean", null};
        } else if (c == Byte.class || c == Short.class) {
            return new String[] {"short", null};
        } else if (c == Integer.class) {
            return new String[] {"int", null};
        } else if (c == Long.class) {
            return new String[] {"long", null};
        } else if (c == Float.class) {
            return new String[] {"float", null};
        } else if (c == Double.class) {
            return new String[] {"double", null};
        } else if (c == String.class || c == Character.class) {
            return new String[] {"char", "*"};
        } else if (c == byte[].class || c == short[].class) {
            return new String[] {"short", "*"};
        } else if (c == int[].class) {
            return new String[] {"int", "*"};
        } else if (c == long[].class) {
            return new String[] {"long", "*"};
        } else if (c == float[].class) {
            return new String[] {"float", "*"};
        } else if (c == double[].class) {
            return new String[] {"double", "*"};
        }
        throw DaliException.badRequest("UPLOAD: column " + number + " ('" + name + "') of table '" + table + "' has the "
                + "type " + c.getSimpleName() + ", which cannot be stored; supported are boolean, integer and floating "
                + "point scalars, strings and arrays of numbers");
    }

    private static boolean isAngle(UploadColumn c) {
        return c.arraysize() == null && !"boolean".equals(c.datatype()) && !"char".equals(c.datatype());
    }

    private static int[] byUcd(List<UploadColumn> columns) {
        int ra = -1;
        int dec = -1;
        for (int i = 0; i < columns.size(); i++) {
            UploadColumn c = columns.get(i);
            String ucd = c.ucd() == null ? "" : c.ucd().toLowerCase(Locale.ROOT);
            boolean main = ucd.contains("meta.main");
            if (isAngle(c) && ucd.startsWith("pos.eq.ra") && (ra < 0 || main && !isMain(columns.get(ra)))) {
                ra = i;
            } else if (isAngle(c) && ucd.startsWith("pos.eq.dec") && (dec < 0 || main && !isMain(columns.get(dec)))) {
                dec = i;
            }
        }
        return new int[] {ra, dec};
    }

    private static boolean isMain(UploadColumn c) {
        return c.ucd() != null && c.ucd().toLowerCase(Locale.ROOT).contains("meta.main");
    }

    private static int[] byName(List<UploadColumn> columns) {
        return PositionNames.find(columns.stream().map(UploadColumn::name).toList(), i -> isAngle(columns.get(i)));
    }
}
