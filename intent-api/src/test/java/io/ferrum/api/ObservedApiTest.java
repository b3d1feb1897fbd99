package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.ObservationSnapshots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the collector saw, over HTTP: the latest picture with its age for any role, poll health by site. */
class ObservedApiTest extends ApiTestBase {

    @Autowired
    ObservationSnapshots snapshots;

    private long device(String site, String hostname) {
        assertThat(admin.post("/api/v1/sites", map("code", site, "name", "Observed " + site)).status())
                .isEqualTo(201);
        if (admin.get("/api/v1/device-types?slug=observed-switch").json().get("total").asInt() == 0) {
            assertThat(admin.post("/api/v1/device-types", map("slug", "observed-switch", "manufacturer", "Acme",
                    "model", "O4", "uHeight", 1, "portTemplates", List.of(map("namePattern", "Ethernet[1-4]", "kind",
                            "data", "speedMbps", 10000, "media", "sfp+")))).status()).isEqualTo(201);
        }
        return admin.post("/api/v1/devices", map("site", site, "hostname", hostname, "role", "leaf", "deviceType",
                "observed-switch")).id();
    }

    @Test
    void theLatestPictureWithItsAgeIsShownToAViewerWithTheRunningConfigByHashOnly() {
        long id = device("obs1", "obs1-leaf01");
        Instant seen = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        snapshots.record("obs1", new DeviceObservation("obs1-leaf01", seen.minusSeconds(60), null, "obs1-leaf01",
                "SN1", "1.0.0", "hostname = obs1-leaf01\n", List.of(new InterfaceObservation("Ethernet1", true,
                true, List.of())), List.of()));
        snapshots.record("obs1", new DeviceObservation("obs1-leaf01", seen, null, "obs1-leaf01", "SN1", "1.0.0",
                "hostname = obs1-leaf01\n", List.of(new InterfaceObservation("Ethernet1", true, true, List.of())),
                List.of()));
        assertThat(admin.post("/api/v1/users", map("username", "observer1", "password", "observer1-password-long",
                "roles", List.of("viewer"))).status()).isEqualTo(201);
        var observed = ApiClient.basic(port, "observer1", "observer1-password-long").get("/api/v1/devices/" + id
                + "/observed");
        assertThat(observed.status()).as(observed.body()).isEqualTo(200);
        var body = observed.json();
        assertThat(body.get("device").asText()).isEqualTo("obs1-leaf01");
        assertThat(Instant.parse(body.get("since").asText())).isEqualTo(seen.minusSeconds(60));
        assertThat(Instant.parse(body.get("lastSeen").asText())).isEqualTo(seen);
        assertThat(body.get("ageSeconds").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(body.get("observation").get("serial").asText()).isEqualTo("SN1");
        assertThat(body.get("observation").has("runningConfig")).isFalse();
        assertThat(body.get("observation").get("runningConfigLines").asInt()).isEqualTo(1);
    }

    @Test
    void aDeviceNeverObservedAndAnUnknownSiteAreNotFoundNamingTheField() {
        long id = device("obs2", "obs2-leaf01");
        var never = admin.get("/api/v1/devices/" + id + "/observed");
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.contentType()).startsWith("application/problem+json");
        assertThat(never.body()).contains("obs2-leaf01", "has not been observed");
        var site = admin.get("/api/v1/poll-health?site=no-such-site");
        assertThat(site.status()).isEqualTo(404);
        assertThat(site.json().get("errors").get(0).get("field").asText()).isEqualTo("site");
        var health = admin.get("/api/v1/poll-health?site=obs2");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().size()).isZero();
    }

    @Test
    void aComparisonOnANodeWhoseCollectorIsOffIsNotFoundSayingSo() {
        long id = device("obs3", "obs3-leaf01");
        snapshots.record("obs3", new DeviceObservation("obs3-leaf01", Instant.now(), null, "obs3-leaf01",
                "SN-RACKED", null, null, List.of(), List.of()));
        var compared = admin.get("/api/v1/devices/" + id + "/comparison");
        assertThat(compared.status()).isEqualTo(404);
        assertThat(compared.contentType()).startsWith("application/problem+json");
        assertThat(compared.body()).contains("the collector is off on this node");
    }
}
