// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.products;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * File names, formats and zip archives of uploaded product files. A product's main file is a
 * table in one of the formats the catalog ingest reads; a zip archive must hold exactly one such
 * table (DOMAIN.md §1.4 step 2), which is extracted by its bare name, so no entry can write
 * outside the product's directory.
 */
final class ProductUploads {
    /** MIME types of the accepted table formats, by lower-case extension. */
    private static final Map<String, String> TYPES = Map.of(
            "fits", "application/fits", "fit", "application/fits", "fts", "application/fits",
            "vot", "application/x-votable+xml", "xml", "application/x-votable+xml",
            "votable", "application/x-votable+xml", "csv", "text/csv", "ecsv", "text/x-ecsv",
            "parquet", "application/vnd.apache.parquet");
    private static final String ACCEPTED = ".fits, .fit, .vot, .xml, .csv, .ecsv, .parquet, or a .zip holding one of"
            + " these";

    private ProductUploads() {
    }

    /**
     * The name an uploaded file is stored under: its last path segment with characters other
     * than letters, digits and {@code . _ -} replaced by '_'.
     *
     * @throws ProductException if the name has no accepted extension
     */
    static String storedName(String original) throws ProductException {
        String base = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).strip();
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
        if (safe.isEmpty()) {
            throw ProductException.bad("The uploaded file has no name; send it as the multipart part 'file' with a"
                    + " file name ending in " + ACCEPTED);
        }
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100).replaceAll("^[._-]+", "x");
        }
        String ext = extension(safe);
        if (!ext.equals("zip") && !TYPES.containsKey(ext)) {
            throw ProductException.bad("File " + base + ": unknown table format; expected a name ending in "
                    + ACCEPTED);
        }
        return safe;
    }

    /** The MIME type served for a stored table file. */
    static String contentType(String storedName) {
        return TYPES.getOrDefault(extension(storedName), "application/octet-stream");
    }

    /** The file extension for a job result of MIME type {@code mime} (STIL reads by extension). */
    static String extensionOf(String mime) {
        String m = mime == null ? "" : mime.toLowerCase(Locale.ROOT);
        return m.contains("fits") ? "fits" : m.contains("csv") ? "csv" : "vot";
    }

    /**
     * Extracts the one table file of a zip archive into {@code dir} (which must not hold it yet),
     * at most {@code maxBytes} uncompressed.
     *
     * @return the extracted file
     * @throws ProductException if the archive is unreadable, holds no or several tables, or is too large
     */
    static Path unzip(Path zip, String zipName, Path dir, long maxBytes) throws ProductException, IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> tables = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                String bare = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || bare.startsWith(".")) {
                    continue;
                }
                if (TYPES.containsKey(extension(bare))) {
                    tables.add(entry);
                }
            }
            if (tables.size() != 1) {
                throw ProductException.bad("File " + zipName + ": a zip archive must hold exactly one table file ("
                        + ACCEPTED.replace(", or a .zip holding one of these", "") + "), actual " + tables.size()
                        + (tables.isEmpty() ? "" : " " + tables.stream().map(ZipEntry::getName).toList()));
            }
            ZipEntry entry = tables.get(0);
            Path out = dir.resolve(storedName(entry.getName()));
            long written = 0;
            try (InputStream in = z.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    written += n;
                    if (written > maxBytes) {
                        throw new ProductException(413, "File " + zipName + ": " + entry.getName() + " is larger than "
                                + maxBytes + " bytes uncompressed, the most a product file may be");
                    }
                    os.write(buf, 0, n);
                }
            }
            return out;
        } catch (ZipException e) {
            throw ProductException.bad("File " + zipName + ": not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
