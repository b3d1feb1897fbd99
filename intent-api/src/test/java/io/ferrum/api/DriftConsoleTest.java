package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's drift page in a real browser: the unresolved events, then only the live feed (SSE) keeps it
 * current — a new drift appears, an acknowledgement and an acceptance made from the page come back through the
 * feed, a resolved drift leaves. Viewers read; they get no buttons.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
class DriftConsoleTest extends BrowserTestBase {

    @Autowired
    DriftEvents events;

    private static Drift portDown(String device) {
        return new Drift(DriftType.PORT_STATE, device, "Ethernet49", "up", "admin up, oper down", "cable C-7", null);
    }

    @Test
    void theFeedKeepsThePageCurrentAndOperatorsAcknowledgeAndAcceptFromIt() throws Exception {
        assertThat(admin.post("/api/v1/users", map("username", "dcop1", "password", "dcop1-password-long", "roles",
                List.of("operator"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/users", map("username", "dcview1", "password", "dcview1-password-long",
                "roles", List.of("viewer"))).status()).isEqualTo(201);
        events.reconcile("dcsite1", "dc-leaf01", List.of(portDown("dc-leaf01")), Instant.now());

        open("dcop1", "dcop1-password-long", "#drift");
        String first = awaitText(By.cssSelector("#drift-rows tr[data-fingerprint='dc-leaf01|port-state|Ethernet49']"),
                text -> text.contains("dc-leaf01"));
        assertThat(first).contains("major", "dcsite1", "port-state", "Ethernet49", "admin up, oper down", "open");
        awaitText(By.id("drift-live"), text -> text.equals("live"));

        // a drift found after the page loaded arrives over the feed
        events.reconcile("dcsite1", "dc-border01", List.of(new Drift(DriftType.KILLED_LINK_UP, "dc-border01",
                "Ethernet3/1", "down (killed)", "admin up, oper up", "exchange-connection XAMS-0001", null)),
                Instant.now());
        String killed = awaitText(By.cssSelector(
                "#drift-rows tr[data-fingerprint='dc-border01|killed-link-up|Ethernet3/1']"), text -> !text.isBlank());
        assertThat(killed).contains("critical", "down (killed)");
        assertThat(awaitText(By.id("drift-feed"), text -> text.contains("killed-link-up")))
                .contains("open: killed-link-up on dc-border01 Ethernet3/1");
        awaitText(By.id("drift-summary"), text -> text.equals(expectedSummary()));

        // acknowledge and accept from the page; the rows change when the feed says so
        browser.findElement(By.cssSelector(
                "#drift-rows tr[data-fingerprint='dc-leaf01|port-state|Ethernet49'] button.acknowledge")).click();
        assertThat(awaitText(By.cssSelector("#drift-rows tr[data-fingerprint='dc-leaf01|port-state|Ethernet49']"),
                text -> text.contains("acknowledged"))).doesNotContain("Acknowledge\n");
        browser.findElement(By.cssSelector(
                "#drift-rows tr[data-fingerprint='dc-border01|killed-link-up|Ethernet3/1'] button.accept")).click();
        browser.findElement(By.id("accept-reason")).sendKeys("venue test window");
        browser.findElement(By.id("accept-hours")).clear();
        browser.findElement(By.id("accept-hours")).sendKeys("2");
        browser.findElement(By.id("accept-button")).click();
        String accepted = awaitText(By.cssSelector(
                "#drift-rows tr[data-fingerprint='dc-border01|killed-link-up|Ethernet3/1']"),
                text -> text.contains("accepted until"));
        assertThat(accepted).contains("by dcop1", "venue test window");
        JsonState stored = state("dc-border01");
        assertThat(stored.state()).isEqualTo("accepted");
        assertThat(stored.acceptedBy()).isEqualTo("dcop1");

        // the port comes back: the event resolves and leaves the page
        events.reconcile("dcsite1", "dc-leaf01", List.of(), Instant.now());
        await(b -> b.findElements(By.cssSelector(
                "#drift-rows tr[data-fingerprint='dc-leaf01|port-state|Ethernet49']")).isEmpty() ? Boolean.TRUE : null);
        awaitText(By.id("drift-summary"), text -> text.equals(expectedSummary()));

        // a viewer reads the same page without buttons
        browser.quit();
        browser = null;
        start();
        open("dcview1", "dcview1-password-long", "#drift");
        awaitText(By.cssSelector("#drift-rows tr[data-fingerprint='dc-border01|killed-link-up|Ethernet3/1']"),
                text -> text.contains("accepted"));
        assertThat(browser.findElements(By.cssSelector("#drift-rows button"))).isEmpty();
    }

    /** The page's summary line as the API's unresolved events make it (other tests' drift may share the database). */
    private String expectedSummary() {
        int critical = 0;
        int major = 0;
        int minor = 0;
        for (var event : admin.get("/api/v1/drift-events?limit=1000").json()) {
            if (!event.get("state").asString().equals("resolved")) {
                switch (event.get("severity").asString()) {
                    case "critical" -> critical++;
                    case "major" -> major++;
                    default -> minor++;
                }
            }
        }
        int all = critical + major + minor;
        return all == 0 ? "No unresolved drift." : all + " unresolved: " + critical + " critical, " + major + " major, "
                + minor + " minor";
    }

    record JsonState(String state, String acceptedBy) {
    }

    private JsonState state(String device) {
        var event = admin.get("/api/v1/drift-events?device=" + device).json().get(0);
        return new JsonState(event.get("state").asString(), event.get("acceptedBy").asString());
    }
}
