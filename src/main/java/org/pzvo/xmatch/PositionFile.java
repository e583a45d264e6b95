// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The on-disk form of {@link Positions}: {@code <data>/index/<schema.table>.pos}, little-endian.
 * <pre>
 * offset 0   "PZVOPOS1"        magic
 *        8   int  version      {@value #VERSION}
 *        16  long size         rows in the file (rows with a position)
 *        24  long tableRows    } fingerprint of the table when the file was written:
 *        32  long minKey       } COUNT(*), MIN(key), MAX(key); a file whose fingerprint
 *        40  long maxKey       } differs from the table's is stale and rebuilt
 *        64  long hpx29[size], long key[size], double raDeg[size], double decDeg[size]
 * </pre>
 * Written to a temporary file and moved into place, so a reader never sees half a file. The
 * columns are mapped read-only (each below 2 GiB, so up to 268 million rows).
 */
final class PositionFile {
    static final int VERSION = 1;
    private static final long MAGIC = 0x3153_4F50_4F56_5A50L; // "PZVOPOS1" read little-endian
    private static final int HEADER = 64;

    /** The table state a file was built from. */
    record Fingerprint(long tableRows, long minKey, long maxKey) {
    }

    /** An opened file. */
    record Mapped(Positions positions, Fingerprint fingerprint) {
    }

    private PositionFile() {
    }

    static void write(Path file, Positions p, Fingerprint f) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(MAGIC).putInt(VERSION).putInt(0).putLong(p.size()).putLong(f.tableRows())
                    .putLong(f.minKey()).putLong(f.maxKey());
            head.position(HEADER).flip();
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int column = 0; column < 4; column++) {
                for (int i = 0; i < p.size(); i++) {
                    if (buf.remaining() < 8) {
                        buf.flip();
                        writeFully(ch, buf);
                        buf.clear();
                    }
                    switch (column) {
                        case 0 -> buf.putLong(p.hpx29(i));
                        case 1 -> buf.putLong(p.key(i));
                        case 2 -> buf.putDouble(p.raDeg(i));
                        default -> buf.putDouble(p.decDeg(i));
                    }
                }
            }
            buf.flip();
            writeFully(ch, buf);
            ch.force(false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** The mapped file, or empty when it is missing or not of this version. */
    static Optional<Mapped> open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < HEADER) {
                return Optional.empty();
            }
            ByteBuffer head = map(ch, 0, HEADER);
            if (head.getLong() != MAGIC || head.getInt() != VERSION) {
                return Optional.empty();
            }
            head.getInt();
            long size = head.getLong();
            Fingerprint f = new Fingerprint(head.getLong(), head.getLong(), head.getLong());
            if (size < 0 || size > Integer.MAX_VALUE / 8 || ch.size() != HEADER + 32 * size) {
                return Optional.empty();
            }
            long column = 8 * size;
            Positions p = new Positions((int) size, map(ch, HEADER, column).asLongBuffer(),
                    map(ch, HEADER + column, column).asLongBuffer(), map(ch, HEADER + 2 * column, column).asDoubleBuffer(),
                    map(ch, HEADER + 3 * column, column).asDoubleBuffer());
            return Optional.of(new Mapped(p, f));
        }
    }

    private static ByteBuffer map(FileChannel ch, long offset, long length) throws IOException {
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
        return m.order(ByteOrder.LITTLE_ENDIAN);
    }
}
