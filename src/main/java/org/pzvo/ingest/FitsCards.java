// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A FITS header written card by card in fixed format (FITS 4.0 §4.1–4.2): keyword in columns
 * 1–8, "= " in 9–10, integers and logicals right-justified to column 30, strings quoted and
 * left-justified, then an optional comment. Deterministic: no DATE or other clock-dependent
 * card is ever added. Used for streamed binary tables whose rows are written after the header.
 */
final class FitsCards {
    /** FITS block size in bytes (FITS 4.0 §3.1). */
    static final int BLOCK = 2880;

    private final List<String> cards = new ArrayList<>();

    FitsCards add(String key, long value, String comment) {
        return card(key, String.format(Locale.ROOT, "%20d", value), comment);
    }

    FitsCards add(String key, boolean value, String comment) {
        return card(key, String.format(Locale.ROOT, "%20s", value ? "T" : "F"), comment);
    }

    FitsCards add(String key, String value, String comment) {
        String quoted = "'" + String.format(Locale.ROOT, "%-8s", value.replace("'", "''")) + "'";
        return card(key, String.format(Locale.ROOT, "%-20s", quoted), comment);
    }

    private FitsCards card(String key, String value, String comment) {
        String card = String.format(Locale.ROOT, "%-8s= %s", key, value);
        if (comment != null && !comment.isEmpty()) {
            card += " / " + comment;
        }
        if (card.length() > 80) {
            card = card.substring(0, 80);
        }
        cards.add(card);
        return this;
    }

    /** Writes the cards, END and blank padding to a whole number of blocks. */
    void write(OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            sb.append(String.format(Locale.ROOT, "%-80s", c));
        }
        sb.append(String.format(Locale.ROOT, "%-80s", "END"));
        while (sb.length() % BLOCK != 0) {
            sb.append(' ');
        }
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The primary header of a file whose data are in extensions (FITS 4.0 §4.4.1.1). */
    static void writeEmptyPrimary(OutputStream out) throws IOException {
        new FitsCards().add("SIMPLE", true, "conforms to FITS standard").add("BITPIX", 8, "")
                .add("NAXIS", 0, "no data in the primary HDU").add("EXTEND", true, "extensions follow").write(out);
    }

    /** Zero bytes completing a data unit of {@code dataBytes} to whole blocks. */
    static void pad(OutputStream out, long dataBytes) throws IOException {
        int rest = (int) (dataBytes % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }
}
