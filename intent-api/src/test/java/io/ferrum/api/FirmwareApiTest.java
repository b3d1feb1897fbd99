package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.firmware.ImageStore;
import io.ferrum.standards.fixtures.FreshSites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The firmware catalogue and desired firmware over REST: uploads are checksum-verified and stored by content,
 * intent may only desire versions the catalogue holds, an image still desired cannot be deleted, and firmware is
 * the network engineers' business.
 */
class FirmwareApiTest extends ApiTestBase {

    private static final String OCTETS = "application/octet-stream";

    @Autowired
    private ImageStore images;

    private static byte[] image(String version) {
        return ("FERRUM-FIRMWARE " + version + "\n" + "x".repeat(4096) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long platform(String name) {
        var created = admin.post("/api/v1/platforms", map("name", name, "osFamily", "linux"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private ApiClient.Response upload(ApiClient client, String name, String platform, String version, String sha,
                                      byte[] bytes) {
        return client.sendBytes("POST", "/api/v1/firmware-images?name=" + name + "&platform=" + platform + "&version="
                + version + "&sha256=" + sha, bytes, OCTETS);
    }

    private static void refused(ApiClient.Response response, int status, String field, String says) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.body()).contains(says);
    }

    @Test
    void anUploadIsVerifiedAgainstItsChecksumAndStoredOnce() throws Exception {
        platform("fwa-os");
        byte[] bytes = image("2.0.0");
        String sha = sha256(bytes);

        refused(upload(admin, "fwa-2.0.0.bin", "fwa-os", "2.0.0", "0".repeat(64), bytes), 422, "sha256",
                "the uploaded bytes hash to " + sha);
        assertThat(admin.get("/api/v1/firmware-images?platform=fwa-os").json()).isEmpty();

        var stored = upload(admin, "fwa-2.0.0.bin", "fwa-os", "2.0.0", sha, bytes);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(stored.json().get("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(stored.json().get("uploadedBy").asString()).isEqualTo("admin");

        var again = upload(admin, "fwa-2.0.0.bin", "fwa-os", "2.0.0", sha, bytes);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.id()).as("the same image again is the same entry").isEqualTo(stored.id());
        byte[] other = image("2.0.0-other");
        refused(upload(admin, "fwa-2.0.0.bin", "fwa-os", "2.0.0", sha256(other), other), 409, "version",
                "already has version 2.0.0");
        assertThat(admin.get("/api/v1/firmware-images?platform=fwa-os").json()).hasSize(1);
    }

    @Test
    void bytesSharedWithAnOsImageOutliveTheFirmwareEntry() throws Exception {
        // Regression: the firmware catalogue counted only its own rows before deleting shared bytes, so deleting a
        // firmware entry removed the file of an OS image with the same bytes.
        String unique = "fwd-" + System.nanoTime();
        platform(unique);
        byte[] bytes = image(unique);
        String sha = sha256(bytes);
        long firmware = upload(admin, "fwd.bin", unique, "1.0", sha, bytes).id();
        var os = admin.sendBytes("POST", "/api/v1/os-images?name=" + unique + "&version=1.0&format=raw&sha256=" + sha,
                bytes, OCTETS);
        assertThat(os.status()).as(os.body()).isEqualTo(201);

        assertThat(admin.delete("/api/v1/firmware-images/" + firmware, null).status()).isEqualTo(204);
        assertThat(images.find(sha)).as("the OS image still names these bytes").isPresent();

        assertThat(admin.delete("/api/v1/os-images/" + os.id(), null).status()).isEqualTo(204);
        assertThat(images.find(sha)).as("no entry names the bytes any more").isEmpty();
    }

    @Test
    void badUploadsNameTheirField() throws Exception {
        platform("fwb-os");
        byte[] bytes = image("1");
        String sha = sha256(bytes);

        refused(upload(admin, "a%20b", "fwb-os", "1", sha, bytes), 422, "name", "is not valid");
        refused(upload(admin, "ok.bin", "fwb-os", "1%3B%20reboot", sha, bytes), 422, "version", "not a firmware version");
        refused(upload(admin, "ok.bin", "no-such-os", "1", sha, bytes), 422, "platform", "no platform named 'no-such-os'");
        refused(upload(admin, "ok.bin", "fwb-os", "1", "XYZ", bytes), 422, "sha256", "64 lower-case hexadecimal");
        refused(upload(admin, "ok.bin", "fwb-os", "1", sha256(new byte[0]), new byte[0]), 422, "body", "empty");
        assertThat(admin.get("/api/v1/firmware-images?platform=fwb-os").json()).isEmpty();
    }

    @Test
    void intentDesiresOnlyCatalogueVersionsAndADesiredImageCannotBeDeleted() throws Exception {
        FreshSites.FreshSite site = FreshSites.freshSmallSite("colo-pod@4");
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site.definition(), null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);
        long eos = admin.get("/api/v1/platforms").json().valueStream()
                .filter(p -> p.get("name").asString().equals("eos")).findFirst().orElseThrow().get("id").asLong();
        String version = "fwc-" + site.code();
        byte[] bytes = image(version);
        long imageId = upload(admin, "eos-" + version + ".swi", "eos", version, sha256(bytes), bytes).id();

        refused(admin.put("/api/v1/platforms/" + eos + "/desired-firmware", map("version", "9.9.9-missing"), null),
                422, "version", "has no eos image of version '9.9.9-missing'");
        var desired = admin.put("/api/v1/platforms/" + eos + "/desired-firmware", map("version", version), null);
        assertThat(desired.status()).as(desired.body()).isEqualTo(200);
        assertThat(desired.json().get("desiredFirmware").asString()).isEqualTo(version);

        long leaf = admin.get("/api/v1/devices?hostname=" + site.code() + "-r01-leaf01").json().get("items").get(0)
                .get("id").asLong();
        var effective = admin.get("/api/v1/devices/" + leaf + "/desired-firmware").json();
        assertThat(effective.get("platform").asString()).isEqualTo("eos");
        assertThat(effective.get("effective").asString()).isEqualTo(version);
        assertThat(effective.hasNonNull("override")).isFalse();

        refused(admin.delete("/api/v1/firmware-images/" + imageId, null), 409, "id", "still desired by platform eos");
        assertThat(admin.put("/api/v1/platforms/" + eos + "/desired-firmware", map("version", null), null).status())
                .isEqualTo(200);
        assertThat(admin.delete("/api/v1/firmware-images/" + imageId, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/firmware-images/" + imageId).status()).isEqualTo(404);
    }

    @Test
    void firmwareIsTheNetworkEngineersBusiness() throws Exception {
        platform("fwd-os");
        for (String[] user : List.of(new String[] {"fwd-dce", "dc-engineer"}, new String[] {"fwd-viewer", "viewer"},
                new String[] {"fwd-ops", "operator"})) {
            assertThat(admin.post("/api/v1/users", map("username", user[0], "password", user[0] + "-password-long",
                    "roles", List.of(user[1]))).status()).isEqualTo(201);
            ApiClient client = ApiClient.basic(port, user[0], user[0] + "-password-long");
            byte[] bytes = image("3");
            assertThat(upload(client, "x.bin", "fwd-os", "3", sha256(bytes), bytes).status()).as(user[1]).isEqualTo(403);
            assertThat(client.get("/api/v1/firmware-images").status()).as(user[1]).isEqualTo(200);
            assertThat(client.put("/api/v1/platforms/1/desired-firmware", map("version", "3"), null).status())
                    .as(user[1]).isEqualTo(403);
        }
    }
}
