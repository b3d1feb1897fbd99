package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: deleting a device unbound its addresses through a database cascade, so the addresses changed with no
 * change-log entry and no new version. Every effect of a write must be in the change log.
 */
class DeviceDeletionApiTest extends ApiTestBase {

    @Test
    void deletingADeviceUnbindsItsAddressesThroughTheChangeLog() {
        String site = "unbind1";
        assertThat(admin.post("/api/v1/sites", map("code", site, "name", "Unbind 1", "timezone", "UTC")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/device-types", map("slug", "unbind-box", "manufacturer", "Acme", "model", "U1",
                "uHeight", 1, "fullDepth", false, "typicalPowerW", 50, "portTemplates", List.of(
                        map("namePattern", "eth[0-1]", "kind", "data", "speedMbps", 10000, "media", "sfp+"))))
                .status()).isEqualTo(201);
        var device = admin.post("/api/v1/devices", map("site", site, "hostname", "unbind1-srv01", "role", "server",
                "deviceType", "unbind-box"));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/prefixes", map("prefix", "198.19.141.0/24", "role", "server", "site", site))
                .status()).isEqualTo(201);
        long first = bind("198.19.141.10/24", "eth0");
        long second = bind("198.19.141.11/24", "eth1");
        long unbound = admin.post("/api/v1/ip-addresses", map("address", "198.19.141.12/24")).id();

        var delete = admin.delete("/api/v1/devices/" + device.id(), null);
        assertThat(delete.status()).as(delete.toString()).isEqualTo(204);

        for (long id : List.of(first, second)) {
            var address = admin.get("/api/v1/ip-addresses/" + id);
            assertThat(address.status()).as("the address outlives its device").isEqualTo(200);
            assertThat(address.json().has("port")).as(address.toString()).isFalse();
            assertThat(address.json().has("device")).isFalse();
            assertThat(address.etag()).as("its version moved on").isEqualTo("\"1\"");

            JsonNode log = admin.get("/api/v1/change-log?objectType=ip-address&objectId=" + id).json();
            assertThat(log.size()).as(log.toString()).isEqualTo(2);
            JsonNode unbinding = log.get(0);
            assertThat(unbinding.get("action").asText()).isEqualTo("update");
            assertThat(unbinding.get("actor").asText()).isEqualTo("admin");
            assertThat(unbinding.get("before").hasNonNull("port")).isTrue();
            assertThat(unbinding.get("after").hasNonNull("port")).isFalse();
            assertThat(unbinding.get("requestId").asText())
                    .as("logged by the request that deleted the device")
                    .isEqualTo(admin.get("/api/v1/change-log?objectType=device&objectId=" + device.id()).json()
                            .get(0).get("requestId").asText());
        }
        assertThat(admin.get("/api/v1/ip-addresses/" + unbound).etag()).as("an unbound address is left alone")
                .isEqualTo("\"0\"");
    }

    private long bind(String address, String port) {
        var response = admin.post("/api/v1/ip-addresses", map("address", address, "device", "unbind1-srv01",
                "port", port));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }
}
