package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle verbs over HTTP: device status, port enable/disable, exchange connection status. */
class LifecycleApiTest extends ApiTestBase {

    private static final AtomicInteger SITES = new AtomicInteger();
    private String site;
    private long device;

    @BeforeEach
    void aSiteWithARouter() {
        site = "life" + SITES.incrementAndGet();
        assertThat(admin.post("/api/v1/sites", map("code", site, "name", "Life " + site)).status()).isEqualTo(201);
        if (admin.get("/api/v1/device-types?slug=life-router").json().get("total").asInt() == 0) {
            assertThat(admin.post("/api/v1/device-types", map("slug", "life-router", "manufacturer", "Acme", "model",
                    "R4", "uHeight", 1, "portTemplates", List.of(map("namePattern", "Ethernet[1-4]", "kind", "data",
                            "speedMbps", 10000, "media", "sfp+")))).status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/exchanges", map("code", "XLIF", "name", "Life Exchange")).status())
                    .isEqualTo(201);
        }
        device = admin.post("/api/v1/devices", map("site", site, "hostname", site + "-border01", "role", "border",
                "deviceType", "life-router")).id();
    }

    @Test
    void aDeviceIsStagedThenActivatedAndAnIllegalMoveIsAConflictNamingTheStatus() {
        var skipped = admin.post("/api/v1/devices/" + device + "/status", map("status", "active"));
        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(409);
        assertThat(skipped.contentType()).startsWith("application/problem+json");
        assertThat(skipped.json().get("errors").get(0).get("field").asText()).isEqualTo("status");

        var staged = admin.post("/api/v1/devices/" + device + "/status", map("status", "staged"));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(200);
        assertThat(staged.json().get("status").asText()).isEqualTo("staged");
        assertThat(admin.post("/api/v1/devices/" + device + "/status", map("status", "active")).json()
                .get("status").asText()).isEqualTo("active");
        var unknown = admin.post("/api/v1/devices/" + device + "/status", map("status", "broken"));
        assertThat(unknown.status()).as(unknown.toString()).isBetween(400, 422);
        assertThat(admin.get("/api/v1/change-log?objectType=device&objectId=" + device).json().size())
                .isEqualTo(3);
    }

    @Test
    void aPortIsDisabledAndEnabled() {
        long port = admin.get("/api/v1/ports?device=" + site + "-border01&name=Ethernet1").json().get("items").get(0)
                .get("id").asLong();
        var disabled = admin.post("/api/v1/ports/" + port + "/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/ports/" + port + "/enable", null).json().get("enabled").asBoolean()).isTrue();
        var stale = admin.send("POST", "/api/v1/ports/" + port + "/disable", null, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aConnectionIsActivatedButOnlyTheKillSwitchKillsIt() {
        long connection = admin.post("/api/v1/exchange-connections", map("exchange", "XLIF", "site", site, "device",
                site + "-border01", "ports", List.of("Ethernet2"), "circuitId", site + "-XLIF-1",
                "killSwitchGroup", "xlif")).id();
        var active = admin.post("/api/v1/exchange-connections/" + connection + "/status", map("status", "active"));
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        assertThat(active.json().get("status").asText()).isEqualTo("active");
        var kill = admin.post("/api/v1/exchange-connections/" + connection + "/status", map("status", "killed"));
        assertThat(kill.status()).isEqualTo(409);
        assertThat(kill.body()).contains("only the kill switch");
    }
}
