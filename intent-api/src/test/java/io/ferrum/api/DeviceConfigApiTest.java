package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/devices/{id}/config}: configs rendered from intent with the site standard's templates. */
class DeviceConfigApiTest extends ApiTestBase {

    private String applyFreshSite() {
        String[] site = SiteDefinitions.freshSmallSite();
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site[1], null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        var applied = admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        return site[0];
    }

    private long deviceId(String hostname) {
        return admin.get("/api/v1/devices?hostname=" + hostname).json().get("items").get(0).get("id").asLong();
    }

    @Test
    void aLeafsConfigNamesItsCablesAddressesAndBgpNeighbours() throws Exception {
        String site = applyFreshSite();
        long leaf = deviceId(site + "-r01-leaf01");

        var shell = admin.get("/api/v1/devices/" + leaf + "/config");
        assertThat(shell.status()).as(shell.body()).isEqualTo(200);
        assertThat(shell.contentType()).startsWith("text/plain");
        assertThat(shell.etag()).hasSize(66);
        assertThat(shell.body()).contains("hostname = " + site + "-r01-leaf01",
                "interface.Ethernet49.description = to " + site + "-border01 ",
                "interface.Ethernet1.description = to " + site + "-r01-srv01 eth0",
                "router.bgp.asn = 42", "router.bgp.neighbor.");
        assertThat(shell.body()).containsPattern("interface\\.Ethernet49\\.address = \\d+\\.\\d+\\.\\d+\\.\\d+/31");
        // rendering is deterministic: the same intent gives the same config and ETag
        assertThat(admin.get("/api/v1/devices/" + leaf + "/config").etag()).isEqualTo(shell.etag());

        var netconf = admin.get("/api/v1/devices/" + leaf + "/config?target=netconf");
        assertThat(netconf.status()).isEqualTo(200);
        assertThat(netconf.contentType()).startsWith("application/xml");
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                ("<config>" + netconf.body() + "</config>").getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("hostname").item(0).getTextContent()).isEqualTo(site + "-r01-leaf01");
    }

    @Test
    void aPlanMovingToAnotherStandardNamesTheDevicesWhoseConfigsItsTemplatesChange() {
        io.ferrum.standards.fixtures.FreshSites.FreshSite site =
                io.ferrum.standards.fixtures.FreshSites.freshSmallSite("colo-pod@3");
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site.definition(), null);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);

        var same = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site.definition(), null);
        assertThat(same.json().get("plan").get("notes").toString()).doesNotContain("templates:");
        var bump = admin.send("POST", "/api/v1/plans?fileName=site.yaml",
                site.definition().replace("colo-pod@3", "colo-pod@4"), null);
        assertThat(bump.status()).as(bump.body()).isEqualTo(201);
        // every config names the standard that rendered it, so each network device's changes
        assertThat(bump.json().get("plan").get("notes").toString())
                .contains("templates: moving from colo-pod@3 to colo-pod@4 changes the rendered config of")
                .contains(site.code() + "-border01");
    }

    @Test
    void aConfigChangesWhenIntentDoes() {
        String site = applyFreshSite();
        long border = deviceId(site + "-border01");
        String before = admin.get("/api/v1/devices/" + border + "/config").body();
        long port = admin.get("/api/v1/ports?device=" + site + "-border01&name=Ethernet4/1").json().get("items").get(0)
                .get("id").asLong();

        assertThat(admin.post("/api/v1/ports/" + port + "/disable", "").status()).isEqualTo(200);
        String after = admin.get("/api/v1/devices/" + border + "/config").body();

        assertThat(before).contains("interface.Ethernet4/1.enabled = true");
        assertThat(after).contains("interface.Ethernet4/1.enabled = false");
    }

    @Test
    void badTargetsUnknownDevicesAndViewersAreRefused() {
        String site = applyFreshSite();
        long leaf = deviceId(site + "-r01-leaf01");

        var badTarget = admin.get("/api/v1/devices/" + leaf + "/config?target=junos");
        assertThat(badTarget.status()).isEqualTo(422);
        assertThat(badTarget.contentType()).startsWith("application/problem+json");
        assertThat(badTarget.body()).contains("target", "expected shell or netconf");
        assertThat(admin.get("/api/v1/devices/999999999/config").status()).isEqualTo(404);

        admin.post("/api/v1/users", map("username", "cfgviewer", "password", "cfgviewer-password", "roles",
                List.of("viewer")));
        assertThat(ApiClient.basic(port, "cfgviewer", "cfgviewer-password").get("/api/v1/devices/" + leaf + "/config")
                .status()).isEqualTo(403);
    }
}
