package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The intent model end to end through HTTP: the happy path, and every refusal leaving the database as it was. */
class IntentApiFlowTest extends ApiTestBase {

    private static final AtomicInteger SITES = new AtomicInteger();
    private String site;

    @BeforeEach
    void freshSite() {
        site = "flow" + SITES.incrementAndGet();
        ensureDeviceTypes();
        assertThat(admin.post("/api/v1/sites", map("code", site, "name", "Flow " + site, "timezone", "Europe/Amsterdam"))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/racks", map("site", site, "name", site + "-r01", "heightU", 42,
                "powerBudgetW", 6000)).status()).isEqualTo(201);
    }

    private void ensureDeviceTypes() {
        if (admin.get("/api/v1/device-types?slug=test-leaf").json().get("total").asInt() == 0) {
            assertThat(admin.post("/api/v1/device-types", map("slug", "test-leaf", "manufacturer", "Acme", "model", "L48",
                    "uHeight", 1, "fullDepth", true, "typicalPowerW", 200, "maxPowerW", 300, "portTemplates", List.of(
                            map("namePattern", "Ethernet[1-48]", "kind", "data", "speedMbps", 25000, "media", "sfp28"),
                            map("namePattern", "Management1", "kind", "mgmt", "speedMbps", 1000, "media", "rj45"))))
                    .status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/device-types", map("slug", "test-server", "manufacturer", "Acme", "model",
                    "S2", "uHeight", 2, "fullDepth", true, "typicalPowerW", 400, "portTemplates", List.of(
                            map("namePattern", "eth[0-1]", "kind", "data", "speedMbps", 25000, "media", "sfp28"))))
                    .status()).isEqualTo(201);
        }
    }

    private ApiClient.Response device(String hostname, String type, int u, String serial) {
        return admin.post("/api/v1/devices", map("site", site, "rack", site + "-r01", "hostname", hostname, "role",
                type.equals("test-leaf") ? "leaf" : "server", "deviceType", type, "serial", serial, "face", "front",
                "positionU", u));
    }

    private ApiClient.Response cable(String label, String a, String aPort, String b, String bPort) {
        return admin.post("/api/v1/cables", map("label", label, "a", map("device", a, "port", aPort),
                "b", map("device", b, "port", bPort), "type", "dac", "colour", "black", "lengthM", 2.0));
    }

    @Test
    void buildsSiteRackDeviceCablePrefixAndAddress() {
        var leaf = device(site + "-leaf01", "test-leaf", 42, site + "-SN-L1");
        assertThat(leaf.status()).as(leaf.toString()).isEqualTo(201);
        assertThat(leaf.etag()).isEqualTo("\"0\"");
        var server = device(site + "-srv01", "test-server", 1, site + "-SN-S1");
        assertThat(server.status()).isEqualTo(201);

        JsonNode ports = admin.get("/api/v1/ports?device=" + site + "-leaf01&size=100").json();
        assertThat(ports.get("total").asInt()).isEqualTo(49);
        assertThat(admin.get("/api/v1/ports?device=" + site + "-leaf01&kind=mgmt").json().get("items").get(0)
                .get("name").asText()).isEqualTo("Management1");

        var cable = cable(site + "-c1", site + "-srv01", "eth0", site + "-leaf01", "Ethernet1");
        assertThat(cable.status()).as(cable.toString()).isEqualTo(201);
        assertThat(cable.json().get("a").get("port").asText()).isEqualTo("eth0");

        var prefix = admin.post("/api/v1/prefixes", map("prefix", "10." + SITES.get() + ".0.0/24", "role", "mgmt",
                "site", site));
        assertThat(prefix.status()).as(prefix.toString()).isEqualTo(201);
        var ip = admin.post("/api/v1/ip-addresses", map("address", "10." + SITES.get() + ".0.10/24", "device",
                site + "-leaf01", "port", "Management1", "dnsName", site + "-leaf01.example.net"));
        assertThat(ip.status()).as(ip.toString()).isEqualTo(201);
        assertThat(ip.json().get("prefix").asText()).isEqualTo("10." + SITES.get() + ".0.0/24");
        var allocated = admin.post("/api/v1/prefixes/" + prefix.id() + "/available-ips", map("allocationKey", site + "/x"));
        assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
        assertThat(allocated.json().get("address").asText()).isEqualTo("10." + SITES.get() + ".0.1/24");

        assertThat(admin.get("/api/v1/devices?site=" + site + "&role=server").json().get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/cables?site=" + site).json().get("items").get(0).get("label").asText())
                .isEqualTo(site + "-c1");
    }

    @Test
    void racksSitInNestedLocations() {
        assertThat(admin.post("/api/v1/locations", map("site", site, "name", site + "-room1")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/locations", map("site", site, "name", site + "-cage7", "parent", site + "-room1"))
                .status()).isEqualTo(201);
        var rack = admin.post("/api/v1/racks", map("site", site, "location", site + "-cage7", "name", site + "-r09",
                "heightU", 47, "powerBudgetW", 3000));
        assertThat(rack.status()).as(rack.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/racks?location=" + site + "-cage7").json().get("total").asInt()).isEqualTo(1);
        assertProblem(admin.post("/api/v1/locations", map("site", site, "name", "x", "parent", "nowhere")), 422,
                "parent", "nowhere");
    }

    @Test
    void refusesOverlappingRackUnitsAndWritesNothing() {
        assertThat(device(site + "-srv01", "test-server", 10, null).status()).isEqualTo(201);
        Map<String, Integer> before = rowCounts();
        var overlap = device(site + "-srv02", "test-server", 11, null);
        assertProblem(overlap, 409, "positionU", site + "-srv01");
        var outside = device(site + "-srv03", "test-server", 42, null);
        assertProblem(outside, 422, "positionU", "does not fit");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesSecondCableOnAPort() {
        device(site + "-leaf01", "test-leaf", 42, null);
        device(site + "-srv01", "test-server", 1, null);
        device(site + "-srv02", "test-server", 3, null);
        assertThat(cable(site + "-c1", site + "-srv01", "eth0", site + "-leaf01", "Ethernet1").status()).isEqualTo(201);
        Map<String, Integer> before = rowCounts();
        assertProblem(cable(site + "-c2", site + "-srv02", "eth0", site + "-leaf01", "Ethernet1"), 409, "b.port",
                site + "-c1");
        assertProblem(cable(site + "-c3", site + "-srv02", "eth9", site + "-leaf01", "Ethernet2"), 422, "a.port",
                "eth9");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesAddressOutsideItsPrefix() {
        int n = SITES.get();
        assertThat(admin.post("/api/v1/prefixes", map("prefix", "10.1" + n + ".0.0/24", "role", "server")).status())
                .isEqualTo(201);
        Map<String, Integer> before = rowCounts();
        assertProblem(admin.post("/api/v1/ip-addresses", map("address", "10.2" + n + ".0.5/24", "prefix",
                "10.1" + n + ".0.0/24")), 422, "address", "outside its prefix");
        assertProblem(admin.post("/api/v1/prefixes", map("prefix", "10.1" + n + ".0.0/24", "role", "server")), 409,
                "prefix", "overlaps");
        assertProblem(admin.post("/api/v1/prefixes", map("prefix", "10.1" + n + ".0.7/24", "role", "server")), 422,
                "prefix", "host bits");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesDuplicateSerial() {
        assertThat(device(site + "-srv01", "test-server", 1, site + "-DUP").status()).isEqualTo(201);
        Map<String, Integer> before = rowCounts();
        assertProblem(device(site + "-srv02", "test-server", 3, site + "-DUP"), 409, "serial", site + "-srv01");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesDeletingARackThatHoldsDevices() {
        device(site + "-srv01", "test-server", 1, null);
        long rackId = admin.get("/api/v1/racks?site=" + site).json().get("items").get(0).get("id").asLong();
        Map<String, Integer> before = rowCounts();
        assertProblem(admin.delete("/api/v1/racks/" + rackId, null), 409, "id", "still holds devices");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        Map<String, Integer> before = rowCounts();
        var bulk = admin.post("/api/v1/devices/bulk", List.of(
                map("site", site, "rack", site + "-r01", "hostname", site + "-a", "role", "server", "deviceType",
                        "test-server", "positionU", 1),
                map("site", site, "rack", site + "-r01", "hostname", site + "-b", "role", "server", "deviceType",
                        "test-server", "positionU", 2)));
        assertProblem(bulk, 409, "[1].positionU", site + "-a");
        assertThat(rowCounts()).isEqualTo(before);

        var good = admin.post("/api/v1/devices/bulk", List.of(
                map("site", site, "rack", site + "-r01", "hostname", site + "-a", "role", "server", "deviceType",
                        "test-server", "positionU", 1),
                map("site", site, "rack", site + "-r01", "hostname", site + "-b", "role", "server", "deviceType",
                        "test-server", "positionU", 3)));
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.json().size()).isEqualTo(2);
    }

    @Test
    void malformedInputNamesTheField() {
        Map<String, Integer> before = rowCounts();
        assertProblem(admin.post("/api/v1/devices", map("site", site, "hostname", site + "-x", "role", "toaster",
                "deviceType", "test-server")), 400, "role", "toaster");
        assertProblem(admin.post("/api/v1/sites", "{\"code\": "), 400, "body", "");
        assertProblem(admin.post("/api/v1/sites", map("code", "Bad Code!", "name", "x")), 422, "code", "lowercase");
        assertProblem(admin.get("/api/v1/devices?colour=red"), 422, "colour", "not a filter");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        var created = device(site + "-srv01", "test-server", 1, null);
        String path = "/api/v1/devices/" + created.id();
        Map<String, Object> body = map("site", site, "rack", site + "-r01", "hostname", site + "-srv01", "role", "server",
                "deviceType", "test-server", "positionU", 1, "serial", "NEW-" + site);
        var updated = admin.put(path, body, created.etag());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.etag()).isEqualTo("\"1\"");
        var stale = admin.put(path, body, created.etag());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
    }

    @Test
    void changeLogRecordsActorAndBeforeAfter() {
        var created = device(site + "-srv01", "test-server", 1, "CL-" + site);
        admin.put("/api/v1/devices/" + created.id(), map("site", site, "rack", site + "-r01", "hostname", site + "-srv01",
                "role", "server", "deviceType", "test-server", "positionU", 5, "serial", "CL2-" + site), null);
        admin.delete("/api/v1/devices/" + created.id(), null);

        JsonNode log = admin.get("/api/v1/change-log?objectType=device&objectId=" + created.id()).json();
        assertThat(log.size()).isEqualTo(3);
        JsonNode delete = log.get(0);
        JsonNode update = log.get(1);
        JsonNode create = log.get(2);
        assertThat(create.get("action").asText()).isEqualTo("create");
        assertThat(create.get("actor").asText()).isEqualTo("admin");
        assertThat(create.get("requestId").asText()).isNotBlank();
        assertThat(create.get("after").get("serial").asText()).isEqualTo("CL-" + site);
        assertThat(update.get("before").get("positionU").asInt()).isEqualTo(1);
        assertThat(update.get("after").get("positionU").asInt()).isEqualTo(5);
        assertThat(update.get("after").get("serial").asText()).isEqualTo("CL2-" + site);
        assertThat(delete.get("action").asText()).isEqualTo("delete");
        assertThat(delete.get("before").get("hostname").asText()).isEqualTo(site + "-srv01");
        assertThat(delete.has("after")).isFalse();
        int portLogs = jdbc.queryForObject("SELECT count(*) FROM change_log WHERE object_type = 'port' AND action = 'create' "
                + "AND after->>'device' = ?", Integer.class, String.valueOf(created.id()));
        assertThat(portLogs).isEqualTo(2);
    }

    @Test
    void exchangeConnectionPortChangesAreLogged() {
        device(site + "-border01", "test-leaf", 40, null);
        if (admin.get("/api/v1/exchanges").json().valueStream().noneMatch(e -> e.get("code").asText().equals("XTST"))) {
            assertThat(admin.post("/api/v1/exchanges", map("code", "XTST", "name", "Test exchange")).status())
                    .isEqualTo(201);
        }
        Map<String, Object> body = map("exchange", "XTST", "site", site, "device", site + "-border01",
                "ports", List.of("Ethernet1"), "circuitId", site + "-XTST-1", "killSwitchGroup", "xtst");
        var created = admin.post("/api/v1/exchange-connections", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        body.put("ports", List.of("Ethernet1", "Ethernet2"));
        var updated = admin.put("/api/v1/exchange-connections/" + created.id(), body, created.etag());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("ports").size()).isEqualTo(2);
        JsonNode log = admin.get("/api/v1/change-log?objectType=exchange-connection&objectId=" + created.id()).json();
        assertThat(log.valueStream().map(e -> e.get("action").asText())).containsExactly("update", "create");
        assertThat(log.get(0).get("after").get("ports").size()).isEqualTo(2);
        assertThat(log.get(0).get("before").get("ports").size()).isEqualTo(1);
    }

    static void assertProblem(ApiClient.Response response, int status, String field, String reasonContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.valueStream().anyMatch(e -> e.get("field").asText().equals(field)
                && e.get("reason").asText().contains(reasonContains))).as(response.toString()).isTrue();
    }
}
