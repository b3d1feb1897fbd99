package io.ferrum.provisioning.baremetal;

import java.time.Instant;

/**
 * One OS image of the catalogue: {@code name@version}, written to a server's disk as {@code format} ({@code raw}
 * bytes, or {@code gzip} decompressed on the way), the file as served hashing to {@code sha256}.
 */
public record OsImage(long id, String name, String version, String format, String sha256, long sizeBytes,
                      String uploadedBy, Instant uploadedAt) {

    /** What the installed OS reports on boot, and what a run names: {@code name@version}. */
    public String ident() {
        return name + "@" + version;
    }
}
