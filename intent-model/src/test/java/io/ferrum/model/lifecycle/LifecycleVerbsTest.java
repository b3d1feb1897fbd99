package io.ferrum.model.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.PortTemplate;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteService;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The named lifecycle moves of devices, ports and exchange connections, with their rules, on real PostgreSQL. */
@SpringBootTest
class LifecycleVerbsTest {

    private static final AtomicInteger SITES = new AtomicInteger();

    @Autowired
    SiteService sites;
    @Autowired
    DeviceTypeService types;
    @Autowired
    DeviceService devices;
    @Autowired
    CableService cables;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    JdbcTemplate jdbc;

    private String site;
    private Device border;

    @BeforeEach
    void aSiteWithABorderRouter() {
        site = "lc" + SITES.incrementAndGet();
        sites.create(new SiteDraft(site, "Lifecycle " + site, null, null, null, null));
        if (jdbc.queryForObject("SELECT count(*) FROM device_type WHERE slug = 'lc-router'", Integer.class) == 0) {
            types.create(new DeviceTypeDraft("lc-router", "Acme", "R1", 1, false, 100, 200,
                    List.of(new PortTemplate("Ethernet[1-4]", PortKind.DATA, 10000, "sfp+"))));
            exchanges.createExchange("XLCX", "Lifecycle Exchange");
        }
        border = devices.create(new DeviceDraft(site, null, site + "-border01", DeviceRole.BORDER, "lc-router", null,
                null, null, null, null, null, null));
    }

    @Test
    void aDeviceMovesFromPlannedThroughStagedToActiveAndBackFromFailed() {
        assertThat(devices.changeStatus(border.getId(), DeviceStatus.STAGED).getStatus()).isEqualTo(DeviceStatus.STAGED);
        assertThat(devices.changeStatus(border.getId(), DeviceStatus.ACTIVE).getStatus()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(devices.changeStatus(border.getId(), DeviceStatus.FAILED).getStatus()).isEqualTo(DeviceStatus.FAILED);
        assertThat(devices.changeStatus(border.getId(), DeviceStatus.ACTIVE).getStatus()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(devices.get(border.getId()).getStatus()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void aPlannedDeviceCannotSkipStagingAndTheRefusalNamesTheAllowedMoves() {
        assertThatThrownBy(() -> devices.changeStatus(border.getId(), DeviceStatus.ACTIVE))
                .isInstanceOfSatisfying(IntentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IntentException.Reason.CONFLICT);
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("status");
                        assertThat(p.reason()).contains(site + "-border01", "planned", "decommissioned, staged",
                                "not to active");
                    });
                });
        assertThat(devices.get(border.getId()).getStatus()).isEqualTo(DeviceStatus.PLANNED);
    }

    @Test
    void decommissionedIsFinal() {
        devices.changeStatus(border.getId(), DeviceStatus.DECOMMISSIONED);
        assertThatThrownBy(() -> devices.changeStatus(border.getId(), DeviceStatus.STAGED))
                .isInstanceOf(IntentException.class).hasMessageContaining("nowhere: it is final");
    }

    @Test
    void aPutThatSkipsALifecycleStepIsRefusedToo() {
        DeviceDraft jump = new DeviceDraft(site, null, border.getHostname(), DeviceRole.BORDER, "lc-router", null, null,
                null, DeviceStatus.ACTIVE, null, null, null);
        assertThatThrownBy(() -> devices.update(border.getId(), jump)).isInstanceOf(IntentException.class)
                .hasMessageContaining("not to active");
    }

    @Test
    void applyingADesignKeepsTheStatusOperationsSet() {
        devices.changeStatus(border.getId(), DeviceStatus.STAGED);
        DeviceDraft design = new DeviceDraft(site, null, border.getHostname(), DeviceRole.BORDER, "lc-router", null,
                "SN-NEW", null, DeviceStatus.PLANNED, null, null, null);
        Device updated = devices.applyDesign(border.getId(), design);
        assertThat(updated.getSerial()).isEqualTo("SN-NEW");
        assertThat(updated.getStatus()).isEqualTo(DeviceStatus.STAGED);
    }

    @Test
    void portsAreEnabledAndDisabledAndEachMoveIsInTheChangeLog() {
        Port port = border.port("Ethernet1").orElseThrow();
        assertThat(cables.setPortEnabled(port.getId(), false).isEnabled()).isFalse();
        assertThat(cables.setPortEnabled(port.getId(), true).isEnabled()).isTrue();
        Integer updates = jdbc.queryForObject("SELECT count(*) FROM change_log WHERE object_type = 'port' "
                + "AND object_id = ? AND action = 'update'", Integer.class, port.getId());
        assertThat(updates).isEqualTo(2);
    }

    @Test
    void onlyTheKillSwitchKillsAndReleasesAndAKilledConnectionStaysKilledUnderPlansAndEdits() {
        ExchangeConnectionDraft draft = new ExchangeConnectionDraft("XLCX", site, border.getHostname(),
                List.of("Ethernet2"), site + "-XLCX-1", "xlcx", null, null, null);
        ExchangeConnection connection = exchanges.create(draft);
        assertThat(exchanges.changeStatus(connection.getId(), ConnectionStatus.ACTIVE).getStatus())
                .isEqualTo(ConnectionStatus.ACTIVE);
        assertThatThrownBy(() -> exchanges.changeStatus(connection.getId(), ConnectionStatus.KILLED))
                .isInstanceOf(IntentException.class).hasMessageContaining("only the kill switch");

        assertThat(exchanges.kill(connection.getId()).getStatus()).isEqualTo(ConnectionStatus.KILLED);
        assertThat(exchanges.applyDesign(connection.getId(), draft.withStatus(ConnectionStatus.PLANNED)).getStatus())
                .isEqualTo(ConnectionStatus.KILLED);
        assertThatThrownBy(() -> exchanges.update(connection.getId(), draft.withStatus(ConnectionStatus.ACTIVE)))
                .isInstanceOf(IntentException.class).hasMessageContaining("is killed; only the kill switch");
        assertThatThrownBy(() -> exchanges.changeStatus(connection.getId(), ConnectionStatus.ACTIVE))
                .isInstanceOf(IntentException.class).hasMessageContaining("only the kill switch");

        assertThat(exchanges.release(connection.getId()).getStatus()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThatThrownBy(() -> exchanges.release(connection.getId()))
                .isInstanceOf(IntentException.class).hasMessageContaining("nothing to release");
    }
}
