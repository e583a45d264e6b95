// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks, before any row is loaded, that a FITS file holds all the data its headers declare
 * (FITS 4.0 §3.3 and §4.4.1: header blocks of 2880 bytes ending with END, data of
 * |BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × ... × NAXISn) bytes). Libraries report a truncated
 * file in various ways or not at all; this gives one message naming the first incomplete row.
 * The final padding to 2880 bytes is not required (some writers omit it).
 */
final class FitsCheck {
    private static final int BLOCK = 2880;
    private static final int CARD = 80;

    private FitsCheck() {
    }

    /** @throws IngestException naming the file and the first incomplete row if data are missing */
    static void requireComplete(Path file) throws IngestException, IOException {
        if (!Files.isRegularFile(file)) {
            throw IngestException.of(file, "no such file");
        }
        long length = Files.size(file);
        long offset = 0;
        int hdu = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (offset < length) {
                Map<String, Long> cards = new HashMap<>();
                long headerBytes = readHeader(file, in, cards, hdu);
                if (headerBytes < 0) {
                    return;
                }
                offset += headerBytes;
                long naxis = cards.getOrDefault("NAXIS", 0L);
                long bitpix = Math.abs(cards.getOrDefault("BITPIX", 8L));
                long elements = naxis == 0 ? 0 : 1;
                for (int i = 1; i <= naxis; i++) {
                    elements *= cards.getOrDefault("NAXIS" + i, 0L);
                }
                long dataBytes = bitpix / 8 * cards.getOrDefault("GCOUNT", 1L)
                        * (cards.getOrDefault("PCOUNT", 0L) + elements);
                if (offset + dataBytes > length) {
                    long rowBytes = naxis >= 1 ? cards.getOrDefault("NAXIS1", 1L) * bitpix / 8 : 1;
                    long rows = naxis >= 2 ? cards.getOrDefault("NAXIS2", 0L) : 0;
                    long completeRows = Math.max(0, length - offset) / Math.max(1, rowBytes);
                    if (rows > 0 && completeRows < rows) {
                        throw IngestException.row(file, completeRows + 1, "truncated file: HDU " + hdu + " declares "
                                + rows + " rows of " + rowBytes + " bytes but the file ends inside row "
                                + (completeRows + 1));
                    }
                    throw IngestException.of(file, "truncated file: HDU " + hdu + " declares " + dataBytes
                            + " data bytes but the file ends after " + Math.max(0, length - offset));
                }
                long padded = (dataBytes + BLOCK - 1) / BLOCK * BLOCK;
                in.skipNBytes(Math.min(padded, length - offset));
                offset += padded;
                hdu++;
            }
        }
    }

    /** Reads header blocks up to END; returns their byte count, or -1 if the file ends in padding. */
    private static long readHeader(Path file, InputStream in, Map<String, Long> cards, int hdu)
            throws IOException, IngestException {
        byte[] block = new byte[BLOCK];
        long bytes = 0;
        while (true) {
            int n = in.readNBytes(block, 0, BLOCK);
            if (n == 0 && bytes == 0) {
                return -1;
            }
            if (n < BLOCK) {
                if (bytes == 0 && hdu > 0 && isBlank(block, n)) {
                    return -1;
                }
                throw IngestException.of(file, "truncated file: header of HDU " + hdu + " is incomplete");
            }
            bytes += BLOCK;
            for (int i = 0; i < BLOCK; i += CARD) {
                String card = new String(block, i, CARD, StandardCharsets.US_ASCII);
                String key = card.substring(0, 8).strip();
                if (key.equals("END")) {
                    return bytes;
                }
                if (card.startsWith("= ", 8)) {
                    String value = card.substring(10);
                    int slash = value.indexOf('/');
                    value = (slash < 0 ? value : value.substring(0, slash)).strip();
                    try {
                        cards.put(key, Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        // Not an integer card; only integer cards size the data.
                    }
                }
            }
        }
    }

    private static boolean isBlank(byte[] block, int n) {
        for (int i = 0; i < n; i++) {
            if (block[i] != 0 && block[i] != ' ') {
                return false;
            }
        }
        return true;
    }
}
