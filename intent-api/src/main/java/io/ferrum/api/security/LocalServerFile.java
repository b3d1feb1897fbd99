package io.ferrum.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code FERRUM_HOME/run/server.json}: how the CLI on this machine finds the server running on the same home, as
 * kubectl finds its cluster in a kubeconfig or Gradle its daemon. It holds the server's URL, its process id and a
 * token minted for this run of the server; the file is readable by its owner only, who can read the home's database
 * files anyway, so it grants nothing that owner does not already have.
 *
 * @param url   the server's base URL on loopback
 * @param pid   the server's process id, so a file left by a killed server is recognised as stale
 * @param token the bearer token of this run (see {@link LocalCliAccess})
 */
public record LocalServerFile(String url, long pid, String token) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Path in(Path home) {
        return home.resolve("run").resolve("server.json");
    }

    /** The file of a server that is still running (its process alive), if any. */
    public static Optional<LocalServerFile> find(Path home) {
        Path file = in(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            LocalServerFile found = new LocalServerFile(node.path("url").asString(""), node.path("pid").asLong(-1),
                    node.path("token").asString(""));
            if (found.url().isEmpty() || found.token().isEmpty()
                    || ProcessHandle.of(found.pid()).map(p -> !p.isAlive()).orElse(true)) {
                return Optional.empty();
            }
            return Optional.of(found);
        } catch (IOException | RuntimeException unreadable) {
            // a half-written or foreign file: the CLI works without a server, as it always could
            return Optional.empty();
        }
    }

    /** Writes the file atomically, owner-only before the token is in it. */
    void write(Path home) throws IOException {
        Path file = in(home);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("server.json.partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it is still this server's (another server may have started on the home since). */
    void removeIfOurs(Path home) {
        Path file = in(home);
        find(home).filter(f -> f.pid() == pid && f.token().equals(token)).ifPresent(f -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next server replaces it; the CLI checks the pid before trusting it
            }
        });
    }
}
