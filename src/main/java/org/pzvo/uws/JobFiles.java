// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The job directories {@code <dataDir>/uws/<jobId>/}: one file per published result, plus
 * {@code <name>.part} files while a result is being written and a {@code work/} scratch
 * directory. Job ids are checked against {@link #JOB_ID} before any path is built.
 */
final class JobFiles {

    /** Job ids as generated: 20 lower-case hex digits. */
    static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{20}");

    private final Path root;

    JobFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path jobDir(String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("Not a job id: " + UwsException.shorten(jobId));
        }
        return root.resolve(jobId);
    }

    Path result(String jobId, String name) {
        return jobDir(jobId).resolve(Result.checkName(name));
    }

    Path partial(String jobId, String name) {
        return jobDir(jobId).resolve(Result.checkName(name) + ".part");
    }

    Path upload(String jobId, String name) {
        return jobDir(jobId).resolve("upload").resolve(Result.checkName(name));
    }

    /** Moves inline files (name → temporary file) into the job's upload directory. */
    void storeUploads(String jobId, Map<String, Path> uploads) {
        try {
            for (Map.Entry<String, Path> u : uploads.entrySet()) {
                Path target = upload(jobId, u.getKey());
                Files.createDirectories(target.getParent());
                Files.move(u.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteJob(jobId);
            throw new UncheckedIOException("Cannot store the inline files of job " + jobId, e);
        }
    }

    Path scratch(String jobId) {
        return jobDir(jobId).resolve("work");
    }

    /** Deletes the job directory and everything in it; missing is fine. */
    void deleteJob(String jobId) {
        deleteTree(jobDir(jobId));
    }

    /** Deletes everything in the job directory except the named files. */
    void deleteAllBut(String jobId, List<String> keep) {
        Path dir = jobDir(jobId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!keep.contains(p.getFileName().toString())) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the directories under the root that look like job directories. */
    List<String> jobDirectoryNames() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (JOB_ID.matcher(n).matches() && Files.isDirectory(p)) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
