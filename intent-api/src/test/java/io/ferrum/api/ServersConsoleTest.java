package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.baremetal.ProvisionState;
import io.ferrum.provisioning.baremetal.ProvisioningStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's Servers page in a real browser: each server of the site with its provisioning state, its desired
 * image, a deploy's bytes written as they grow (the page polls while a deploy is under way), and a failed deploy's
 * reason. The deploy's steps are written through the provisioning store, as the deploy agent's calls would.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
class ServersConsoleTest extends BrowserTestBase {

    @Autowired
    ProvisioningStore store;

    @Test
    void theServersPageFollowsEachServersProvisioning() throws Exception {
        assertThat(admin.post("/api/v1/sites", map("code", "uibm1", "name", "Console bare-metal site")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/device-types", map("slug", "uibm-server", "manufacturer", "Acme",
                "model", "B1", "uHeight", 1, "portTemplates", List.of(map("namePattern", "eth[0-1]", "kind",
                        "data", "speedMbps", 25000, "media", "sfp28")))).status()).isEqualTo(201);
        for (String host : List.of("uibm1-srv01", "uibm1-srv02")) {
            var created = admin.post("/api/v1/devices", map("site", "uibm1", "hostname", host, "role", "server",
                    "deviceType", "uibm-server", "serial", "SN-" + host));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        byte[] bytes = "console os".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        var image = admin.sendBytes("POST", "/api/v1/os-images?name=uibm-os&version=1.0&format=raw&sha256=" + sha,
                bytes, "application/octet-stream");
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        long srv01 = admin.get("/api/v1/servers?site=uibm1").json().get(0).get("id").asLong();
        var enrolled = admin.put("/api/v1/servers/" + srv01 + "/provisioning", map("pxeMac", "52:54:00:ab:cd:01",
                "desiredImage", "uibm-os@1.0"), null);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);

        open("admin", ADMIN_PASSWORD, "#servers/uibm1");
        String row = awaitText(By.cssSelector("#server-rows tr[data-server='uibm1-srv01']"),
                text -> text.contains("uibm-os@1.0"));
        assertThat(row).contains("uibm1-srv01", "enrolled", "uibm-os@1.0");
        assertThat(browser.findElement(By.cssSelector("#server-rows tr[data-server='uibm1-srv02']")).getText())
                .contains("enrolled");

        // a deploy under way: the page polls and shows the bytes the agent has written
        long imageId = image.json().get("id").asLong();
        store.startDeploy(srv01, imageId, 0, Instant.now().plusSeconds(600), "test");
        store.powered(srv01, Instant.now().plusSeconds(600), "test", 0);
        store.progress(srv01, 0, 10_000_000L);
        awaitText(By.cssSelector("#server-rows tr[data-server='uibm1-srv01']"), text -> text.contains("wait-callback"));
        store.progress(srv01, 4_000_000L, null);
        row = awaitText(By.cssSelector("#server-rows tr[data-server='uibm1-srv01']"), text -> text.contains("4.0 /"));
        assertThat(row).contains("wait-callback", "4.0 / 10.0 MB");
        assertThat(browser.findElement(By.id("servers-summary")).getText()).contains("1 wait-callback", "1 enrolled");

        store.fail(srv01, EnumSet.of(ProvisionState.WAIT_CALLBACK), "CHECKSUM_MISMATCH", "expected a got b", "test");
        row = awaitText(By.cssSelector("#server-rows tr[data-server='uibm1-srv01']"),
                text -> text.contains("deploy-failed"));
        assertThat(row).contains("CHECKSUM_MISMATCH: expected a got b");
    }
}
