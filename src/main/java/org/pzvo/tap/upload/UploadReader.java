// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pzvo.dali.DaliException;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.util.FileDataSource;

/**
 * Opens an uploaded file as a STIL table, the format detected from the content: VOTable (every
 * serialisation), FITS, Parquet (magic {@code PAR1}, read by STIL's Parquet handler), ECSV, and
 * CSV as the fallback. Rows that STIL must buffer (VOTable TABLEDATA) go to disk, not to the
 * heap, so large uploads fit in a small heap.
 */
final class UploadReader {
    private UploadReader() {
    }

    static StarTable open(String name, Path file) throws DaliException, IOException {
        byte[] head = head(file);
        if (head.length == 0) {
            throw DaliException.badRequest("UPLOAD: the file of table '" + name + "' is empty");
        }
        if (!startsWith(head, "SIMPLE  =") && !startsWith(head, "PAR1")) {
            // Whatever is not FITS or Parquet may be XML in some encoding: no DTD entities get to STIL's parser.
            XmlProlog.check(name, file);
        }
        StarTableFactory factory = new StarTableFactory(false);
        factory.setStoragePolicy(StoragePolicy.PREFER_DISK);
        FileDataSource source = new FileDataSource(file.toFile());
        if (startsWith(head, "PAR1")) {
            try {
                return factory.makeStarTable(source, "parquet");
            } catch (IOException | RuntimeException e) {
                throw DaliException.badRequest("UPLOAD: table '" + name + "' is not a readable Parquet file: "
                        + message(e, file));
            }
        }
        try {
            return factory.makeStarTable(source);
        } catch (TableFormatException e) {
            if (startsWith(head, "<")) {
                throw DaliException.badRequest("UPLOAD: table '" + name + "' is not a readable VOTable: "
                        + message(explicit(factory, source, "votable", e), file));
            }
            if (startsWith(head, "SIMPLE  =")) {
                throw DaliException.badRequest("UPLOAD: table '" + name + "' is not a readable FITS table: "
                        + message(explicit(factory, source, "fits", e), file));
            }
            if (!looksLikeText(head)) {
                throw DaliException.badRequest("UPLOAD: table '" + name + "' is in no supported format (VOTable, "
                        + "FITS, ECSV or CSV)");
            }
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD: table '" + name + "' could not be read: " + message(e, file));
        }
        if (lines(file) < 2) {
            throw DaliException.badRequest("UPLOAD: table '" + name + "' has no rows (read as CSV: a header line only)");
        }
        try {
            return factory.makeStarTable(source, "csv");
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD: table '" + name + "' is neither VOTable, FITS, ECSV nor CSV ("
                    + message(e, file) + ")");
        }
    }

    /** The error reading {@code source} as {@code format} gives (more precise than auto-detection's). */
    private static Exception explicit(StarTableFactory factory, FileDataSource source, String format,
                                      Exception fallback) {
        try {
            factory.makeStarTable(source, format);
            return fallback;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    /** The message of {@code e} without the server-side path of {@code file}. */
    static String message(Throwable e, Path file) {
        return message(e).replace("\"" + file + "\"", "the upload").replace(file.toString(), "the upload");
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Non-blank lines of a text file, counted up to 2. */
    private static int lines(Path file) throws IOException {
        int n = 0;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line; n < 2 && (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(512);
            return Arrays.copyOf(b, b.length);
        }
    }

    private static boolean startsWith(byte[] head, String prefix) {
        String s = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        return s.startsWith(prefix);
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
