package io.ferrum.provisioning.baremetal;

import io.ferrum.model.common.IntentException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What network-booting servers ask of Ferrum: the iPXE script for a MAC, then the deploy agent's calls under its
 * one-time token (what to write, progress, the result), and the installed OS's report of the image it booted.
 * Callers are unauthenticated machines on the provisioning network; the token (or, for the report, the MAC the
 * server booted with while Ferrum waits for that very report) is what ties a call to a server.
 */
public class AgentCallbacks {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ProvisioningStore store;
    private final OsImageCatalogue images;
    private final DeployWaits waits;
    private final String disk;
    private final Clock clock;

    /** @param disk the device the agent writes the image to, e.g. {@code /dev/vda} */
    public AgentCallbacks(ProvisioningStore store, OsImageCatalogue images, DeployWaits waits, String disk,
                          Clock clock) {
        this.store = store;
        this.images = images;
        this.waits = waits;
        this.disk = disk;
        this.clock = clock;
    }

    /** What the agent writes: key=value lines, which a busybox shell reads without a JSON parser. */
    public record DeployOrder(String imageId, String imageUrl, String sha256, long size, String format, String disk) {
        public String text() {
            return "image_id=" + imageId + "\nimage_url=" + imageUrl + "\nsha256=" + sha256 + "\nsize=" + size
                    + "\nformat=" + format + "\ndisk=" + disk + "\n";
        }
    }

    /** The iPXE script for the server booting with {@code mac}. */
    public String ipxe(String mac, String baseUrl) {
        String normal = mac(mac);
        Optional<ServerProvisioning> found = store.findByMac(normal);
        if (found.isEmpty()) {
            return BootScripts.unknown(normal);
        }
        ServerProvisioning server = found.get();
        if (server.state() == ProvisionState.WAIT_CALLBACK || server.state() == ProvisionState.DEPLOYING
                || server.state() == ProvisionState.REBUILDING) {
            Optional<String> token = store.mintToken(server.deviceId());
            if (token.isPresent()) {
                store.milestone(server.deviceId(), "ipxe", "iPXE fetched the deploy agent", "boot:" + normal);
                return BootScripts.agent(baseUrl, server.hostname(), normal, token.get());
            }
        }
        return BootScripts.localDisk(server.hostname(), server.state().wire());
    }

    /** The agent's first call: what to write where. The first call of a token is its "agent up" milestone. */
    public DeployOrder deploy(String token, String baseUrl) {
        ServerProvisioning server = deploying(token);
        OsImage image = images.find(server.deployingImageId()).orElseThrow(() -> IntentException.conflict("token",
                "the image of this deploy is no longer in the catalogue"));
        if (server.bytesTotal() == null) {
            store.milestone(server.deviceId(), "agent-callback", "the deploy agent asked for its image",
                    "agent:" + server.hostname());
            store.progress(server.deviceId(), 0, image.sizeBytes());
        }
        return new DeployOrder(image.ident(), baseUrl + "/boot/images/" + image.id() + "?token=" + token,
                image.sha256(), image.sizeBytes(), image.format(), disk);
    }

    public void progress(String token, long bytes) {
        if (bytes < 0) {
            throw IntentException.invalid("bytes", "expected a count of bytes written, found " + bytes);
        }
        ServerProvisioning server = deploying(token);
        store.progress(server.deviceId(), bytes, null);
    }

    /**
     * The agent's result. {@code ok} with the hash it computed moves the server to {@code verifying} (the worker
     * then reboots it into its disk); anything else fails the deploy with the agent's reason.
     */
    public ProvisionState result(String token, String status, String reason, String detail, String sha256,
                                 Long bytes) {
        ServerProvisioning server = deploying(token);
        OsImage image = images.find(server.deployingImageId()).orElseThrow();
        String actor = "agent:" + server.hostname();
        if ("ok".equals(status)) {
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw IntentException.invalid("sha256", "expected the 64 hex digits the agent computed");
            }
            if (!sha256.equals(image.sha256())) {
                store.fail(server.deviceId(), EnumSet.of(ProvisionState.WAIT_CALLBACK), "CHECKSUM_MISMATCH",
                        "the agent's stream hashed to " + sha256 + ", the image is " + image.sha256(), actor);
                return ProvisionState.DEPLOY_FAILED;
            }
            store.streamed(server.deviceId(), bytes == null ? image.sizeBytes() : bytes,
                    clock.instant().plus(waits.verify()), actor);
            return ProvisionState.VERIFYING;
        }
        if (!"failed".equals(status)) {
            throw IntentException.invalid("status", "expected ok or failed");
        }
        String why = reason == null || !reason.matches("[A-Z_]{1,40}") ? "AGENT_FAILED" : reason;
        store.fail(server.deviceId(), EnumSet.of(ProvisionState.WAIT_CALLBACK), why,
                detail == null ? "the deploy agent failed" : detail, actor);
        return ProvisionState.DEPLOY_FAILED;
    }

    /** The installed OS's report on boot: {@code image} is the {@code name@version} it was built as. */
    public ProvisionState report(String mac, String image) {
        String normal = mac(mac);
        if (image == null || image.isBlank() || image.length() > 200) {
            throw IntentException.invalid("image", "expected the name@version the OS was built as");
        }
        ServerProvisioning server = store.findByMac(normal).orElseThrow(() -> IntentException.notFound("mac",
                "no server has MAC " + normal));
        String expected = server.deployingImageId() == null ? null
                : images.find(server.deployingImageId()).map(OsImage::ident).orElse(null);
        return store.reported(server.deviceId(), image, expected, "os:" + server.hostname());
    }

    /** The bytes of image {@code imageId}, for the agent holding a token of a deploy of it. */
    public Path imageFile(long imageId, String token) {
        ServerProvisioning server = deploying(token);
        if (server.deployingImageId() == null || server.deployingImageId() != imageId) {
            throw IntentException.notFound("id", "this token's deploy is not of image " + imageId);
        }
        OsImage image = images.find(imageId).orElseThrow();
        return images.file(image).orElseThrow(() -> IntentException.conflict("id", "this node does not hold the "
                + "bytes of " + image.ident() + " (sha256 " + image.sha256() + ")"));
    }

    private ServerProvisioning deploying(String token) {
        ServerProvisioning server = store.findByToken(token).orElseThrow(() -> IntentException.notFound("token",
                "no deploy is waiting for this token (it is spent, or its deploy ended)"));
        if (server.state() != ProvisionState.WAIT_CALLBACK) {
            throw IntentException.conflict("token", server.hostname() + " is " + server.state().wire()
                    + ", not waiting for its agent");
        }
        return server;
    }

    static String mac(String mac) {
        String normal = mac == null ? "" : mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!MAC.matcher(normal).matches()) {
            throw IntentException.invalid("mac", "expected a MAC address like 52:54:00:12:34:56");
        }
        return normal;
    }
}
