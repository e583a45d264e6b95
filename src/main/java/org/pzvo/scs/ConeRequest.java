// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.scs;

import java.util.Optional;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.OutputFormat;

/**
 * The parameters of one cone search (Simple Cone Search 1.03 §2), validated.
 *
 * @param raDeg  ICRS right ascension of the centre, normalised into [0, 360)
 * @param decDeg ICRS declination of the centre, in [-90, 90]
 * @param srDeg  search radius, in [0, maxSR]; 0 asks for the columns only
 * @param verb   1 (identifier and position), 2 (principal columns, the default) or 3 (all)
 * @param maxrec the row limit (MAXREC, clamped to the service's hard limit)
 * @param format the VOTable serialization (RESPONSEFORMAT; TABLEDATA unless asked otherwise)
 */
public record ConeRequest(double raDeg, double decDeg, double srDeg, int verb, long maxrec, OutputFormat format) {
    /** Default VERB (SCS 1.03 §2: the service chooses). */
    public static final int DEFAULT_VERB = 2;

    /**
     * @param maxSrDeg  the largest radius served (advertised as maxSR)
     * @param defaultMaxrec rows returned when MAXREC is absent
     * @param hardMaxrec the most rows ever returned (advertised as maxRecords)
     */
    public static ConeRequest parse(DaliParams params, double maxSrDeg, long defaultMaxrec, long hardMaxrec)
            throws DaliException {
        double ra = number(params, "RA", "the right ascension of the cone centre in decimal degrees (ICRS)");
        double dec = number(params, "DEC", "the declination of the cone centre in decimal degrees (ICRS)");
        double sr = number(params, "SR", "the cone radius in decimal degrees");
        if (ra < -360 || ra > 360) {
            throw DaliException.badRequest("RA=" + ra + " is out of range; give a right ascension in [0, 360] deg");
        }
        if (dec < -90 || dec > 90) {
            throw DaliException.badRequest("DEC=" + dec + " is out of range; give a declination in [-90, 90] deg");
        }
        if (sr < 0 || sr > maxSrDeg) {
            throw DaliException.badRequest("SR=" + sr + " is out of range; give a radius in [0, " + maxSrDeg
                    + "] deg (maxSR of this service; SR=0 returns the columns only)");
        }
        int verb = DEFAULT_VERB;
        Optional<String> verbText = params.single("VERB");
        if (verbText.isPresent() && !verbText.get().isBlank()) {
            String v = verbText.get().trim();
            if (!v.equals("1") && !v.equals("2") && !v.equals("3")) {
                throw DaliException.badRequest("VERB=" + v + " is not understood; give 1 (identifier and position),"
                        + " 2 (principal columns) or 3 (all columns)");
            }
            verb = Integer.parseInt(v);
        }
        long maxrec = Math.min(params.nonNegativeLong("MAXREC", defaultMaxrec), hardMaxrec);
        OutputFormat format = OutputFormat.VOTABLE_TABLEDATA;
        Optional<String> formatName = params.single("RESPONSEFORMAT");
        if (formatName.isPresent() && !formatName.get().isBlank()) {
            format = OutputFormat.of(formatName.get()).filter(ConeRequest::isVotable).orElseThrow(() ->
                    DaliException.badRequest("RESPONSEFORMAT=" + formatName.get() + " is not served; a cone search"
                            + " answers a VOTable: votable (BINARY2), votable/b, votable/td (the default)"));
        }
        double normalisedRa = ra >= 0 && ra < 360 ? ra : ((ra % 360) + 360) % 360;
        return new ConeRequest(normalisedRa, dec, sr, verb, maxrec, format);
    }

    private static boolean isVotable(OutputFormat f) {
        return f == OutputFormat.VOTABLE_BINARY2 || f == OutputFormat.VOTABLE_BINARY
                || f == OutputFormat.VOTABLE_TABLEDATA;
    }

    private static double number(DaliParams params, String name, String what) throws DaliException {
        String text = params.required(name, "give " + what);
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DaliException.badRequest("Bad value of " + name + ": '" + text.trim() + "'; expected " + what);
    }
}
