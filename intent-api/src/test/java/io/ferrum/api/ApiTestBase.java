package io.ferrum.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Boots the whole application on a random port with an ephemeral PostgreSQL; tests talk HTTP to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestBase {

    protected static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final List<String> TABLES = List.of("site", "rack", "device_type", "device", "port", "cable", "prefix",
            "ip_address", "vrf", "exchange", "exchange_connection", "change_log");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient admin;

    @BeforeEach
    void connect() {
        admin = ApiClient.basic(port, "admin", ADMIN_PASSWORD);
    }

    /** Row counts of every intent table and the change log: equal before and after means nothing was written. */
    protected Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
        }
        return counts;
    }

    protected static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
