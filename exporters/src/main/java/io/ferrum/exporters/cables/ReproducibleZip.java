package io.ferrum.exporters.cables;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML package with every entry stamped with one fixed time: POI stamps zip entries with the
 * wall clock, which would make two renders of the same intent differ. Entry order is kept because
 * {@code [Content_Types].xml} must stay first.
 */
final class ReproducibleZip {

    private ReproducibleZip() {
    }

    static byte[] withFixedTimes(byte[] zip, Instant time) {
        FileTime stamp = FileTime.from(time);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setLastModifiedTime(stamp);
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
