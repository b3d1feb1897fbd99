package io.ferrum.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets the CLI on this machine use the running server instead of starting Spring, Hibernate and PostgreSQL itself
 * for every {@code plan} (seconds of start-up, and a second process on the home's embedded database). Once the web
 * server listens, a token minted for this run is written with the URL to {@link LocalServerFile}; it exists only in
 * this process's memory and that owner-only file, and dies with the process. A request bearing it acts as
 * {@code cli:<user>} with the network engineer's role: what {@code ferrum plan} and {@code apply} need, no more.
 */
@Component
public class LocalCliAccess {

    private static final Logger log = LoggerFactory.getLogger(LocalCliAccess.class);
    static final List<Role> ROLES = List.of(Role.NETWORK_ENGINEER);
    /** Who a CLI call acts as, in the change log: standalone, or through this server with the local token. */
    public static final String CLI_ACTOR = "cli:" + System.getProperty("user.name");

    private final Path home;
    private final boolean enabled;
    private final byte[] token;
    private volatile LocalServerFile written;

    public LocalCliAccess(@Value("${ferrum.db.home}") Path home,
                          @Value("${ferrum.cli.local-server:true}") boolean enabled,
                          @Value("${ferrum.db.ephemeral:false}") boolean ephemeral) {
        this.home = home;
        // a server on a throw-away database (tests, the launcher's training run) is not the home's server
        this.enabled = enabled && !ephemeral;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = ("fer_local_" + HexFormat.of().formatHex(random)).getBytes(StandardCharsets.US_ASCII);
    }

    /** True when {@code presented} is this run's token (compared in constant time). */
    boolean accepts(String presented) {
        return written != null // only once this run's file is written, which it never is when disabled
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (!enabled || event.getWebServer().getPort() <= 0) {
            return;
        }
        LocalServerFile file = new LocalServerFile("http://127.0.0.1:" + event.getWebServer().getPort(),
                ProcessHandle.current().pid(), new String(token, StandardCharsets.US_ASCII));
        try {
            file.write(home);
            written = file;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write {} ({}); the CLI on this machine will start its own context instead of using "
                    + "this server", LocalServerFile.in(home), e.toString());
        }
    }

    @EventListener
    void closing(ContextClosedEvent event) {
        LocalServerFile file = written;
        if (file != null) {
            written = null;
            file.removeIfOurs(home);
        }
    }
}
