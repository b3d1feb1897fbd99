package io.ferrum.standards.policy;

import static io.ferrum.standards.policy.SiteEdits.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRole;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per built-in check: a clean design passes; one broken rule gives one clear violation. */
class PolicyChecksTest {

    @Test
    void aCleanDesignPassesEveryCheck() {
        assertThat(PolicyChecks.discover().run(SMALL)).isEmpty();
    }

    @Test
    void rackUnitOverlap() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r02-srv02", d -> SiteEdits.at(d, 2));

        assertThat(new RackUnitOverlapCheck().check(site)).containsExactly(new PolicyViolation("rack-unit-overlap",
                "ams1-r02-srv02", "U2-U3 in rack r02 overlaps ams1-r02-srv01 at U1-U2"));
    }

    @Test
    void rackHeight() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r03-mgmt01", d -> SiteEdits.at(d, 43));

        assertThat(new RackHeightCheck().check(site)).containsExactly(new PolicyViolation("rack-height",
                "ams1-r03-mgmt01", "occupies U43-U43 but rack r03 has U1-U42"));
    }

    @Test
    void powerBudget() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r03-srv04", d -> SiteEdits.type(d, "dell-r760"));

        assertThat(new PowerBudgetCheck().check(site)).containsExactly(new PolicyViolation("power-budget", "r03",
                "devices draw up to 4350 W but the rack's budget is 4000 W (350 W over)"));
    }

    @Test
    void speedMismatchOnACable() {
        DesiredSite site = SiteEdits.cable(SMALL, "ams1-r01-srv01-eth0",
                c -> SiteEdits.endB(c, "ams1-r01-leaf01", "Ethernet55"));

        assertThat(new CableMediaCheck().check(site)).containsExactly(new PolicyViolation("cable-media",
                "ams1-r01-srv01-eth0", "speed mismatch: 25000 Mb/s to 100000 Mb/s (ams1-r01-srv01 eth0 25000 Mb/s "
                + "sfp28 to ams1-r01-leaf01 Ethernet55 100000 Mb/s qsfp28)"));
    }

    @Test
    void mediaMismatchOnACable() {
        DesiredSite copperIntoACage = SiteEdits.cable(SMALL, "ams1-r01-srv01-eth0",
                c -> SiteEdits.typeAndLength(c, CableType.CAT6A, "3"));
        DesiredSite consoleToData = SiteEdits.cable(SMALL, "ams1-border01-console",
                c -> SiteEdits.endB(c, "ams1-mgmt01", "Ethernet10"));

        assertThat(new CableMediaCheck().check(copperIntoACage)).extracting(PolicyViolation::message)
                .containsExactly("a cat6a cable cannot plug into sfp28 (ams1-r01-srv01 eth0 25000 Mb/s sfp28 to "
                        + "ams1-r01-leaf01 Ethernet1 25000 Mb/s sfp28)");
        assertThat(new CableMediaCheck().check(consoleToData)).extracting(PolicyViolation::message)
                .containsExactly("joins a console port to a data port (ams1-border01 Console rj45 to ams1-mgmt01 "
                        + "Ethernet10 1000 Mb/s rj45)");
    }

    @Test
    void cableLongerThanItsMediaAllows() {
        DesiredSite site = SiteEdits.cable(SMALL, "ams1-r01-srv01-eth0",
                c -> SiteEdits.typeAndLength(c, CableType.DAC, "7"));

        assertThat(new CableLengthCheck().check(site)).containsExactly(new PolicyViolation("cable-length",
                "ams1-r01-srv01-eth0", "7 m of dac is longer than the 5 m it carries"));
    }

    @Test
    void cableEndpointsMustExistAndTakeOneCableEach() {
        DesiredSite missingPort = SiteEdits.cable(SMALL, "ams1-r01-srv01-eth0",
                c -> SiteEdits.endB(c, "ams1-r01-leaf01", "Ethernet99"));
        DesiredSite sharedPort = SiteEdits.cable(SMALL, "ams1-r01-srv01-eth0",
                c -> SiteEdits.endB(c, "ams1-r01-leaf01", "Ethernet2"));

        assertThat(new CableEndpointCheck().check(missingPort)).extracting(PolicyViolation::message)
                .containsExactly("ends on ams1-r01-leaf01 Ethernet99, a port its device type does not have");
        assertThat(new CableEndpointCheck().check(sharedPort)).containsExactly(new PolicyViolation("cable-endpoints",
                "ams1-r01-srv02-eth0", "ams1-r01-leaf01 Ethernet2 already takes cable ams1-r01-srv01-eth0"));
    }

    @Test
    void prefixOverlap() {
        DesiredSite site = SiteEdits.addPrefix(SMALL, new PrefixDraft(null, "10.16.4.0/24", PrefixRole.OTHER, "ams1",
                IpStatus.ACTIVE, "hand-made", List.of()));

        assertThat(new PrefixOverlapCheck().check(site)).containsExactly(new PolicyViolation("prefix-overlap",
                "10.16.4.0/24", "(other) overlaps 10.16.0.0/16 (server)"));
    }

    @Test
    void prefixesInOtherVrfsMayOverlap() {
        DesiredSite site = SiteEdits.addPrefix(SMALL, new PrefixDraft("customer", "10.16.4.0/24", PrefixRole.OTHER,
                "ams1", IpStatus.ACTIVE, null, List.of()));

        assertThat(new PrefixOverlapCheck().check(site)).isEmpty();
    }

    @Test
    void duplicateSerial() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r02-srv01", d -> SiteEdits.serial(d, "SRV0003"));

        assertThat(new DuplicateSerialCheck().check(site)).containsExactly(new PolicyViolation("duplicate-serial",
                "ams1-r02-srv01", "serial SRV0003 is also the serial of ams1-r01-srv03"));
    }

    @Test
    void duplicateHostname() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r02-srv01", d -> SiteEdits.hostname(d, "ams1-r01-srv01"));

        assertThat(new DuplicateHostnameCheck().check(site)).containsExactly(new PolicyViolation(
                "duplicate-hostname", "ams1-r01-srv01", "is the hostname of more than one device (in rack r02 again)"));
    }

    @Test
    void serverWithoutAnUplink() {
        DesiredSite site = SiteEdits.cables(SMALL, SMALL.cables().stream()
                .filter(c -> !c.a().device().equals("ams1-r03-srv02") || c.a().port().equals("bmc")).toList());

        assertThat(new ServerUplinkCheck().check(site)).containsExactly(new PolicyViolation("server-uplink",
                "ams1-r03-srv02", "has no data port cabled to a leaf, spine or border, so it cannot reach the network"));
    }

    @Test
    void exchangeHandoffNotOnABorder() {
        DesiredSite site = SiteEdits.connections(SMALL, c -> c.circuitId().equals("XAMS-4412")
                ? new io.ferrum.model.exchange.ExchangeConnectionDraft(c.exchange(), c.site(), "ams1-r01-leaf01",
                List.of("Ethernet47"), c.circuitId(), c.killSwitchGroup(), c.status(), c.description(), c.tags())
                : c);

        assertThat(new ExchangeHandoffCheck().check(site)).containsExactly(new PolicyViolation(
                "exchange-handoff-border", "XAMS XAMS-4412", "lands on ams1-r01-leaf01, a leaf; exchange hand-offs "
                + "must land on a border device"));
        assertThat(SMALL.devices()).anyMatch(d -> d.role() == DeviceRole.LEAF);
    }

    @Test
    void enforceBlocksApplyAndSaysWhy() {
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r02-srv01", d -> SiteEdits.serial(d, "SRV0003"));

        assertThatThrownBy(() -> PolicyChecks.discover().enforce(site))
                .isInstanceOf(PolicyException.class)
                .hasMessage("1 policy violation(s) block apply:\n"
                        + "duplicate-serial: ams1-r02-srv01: serial SRV0003 is also the serial of ams1-r01-srv03");
    }

    @Test
    void runsChecksTeamsListInMetaInfServices() {
        PolicyChecks checks = PolicyChecks.discover();

        assertThat(checks.names()).contains("rack-unit-overlap", "power-budget", "no-do-not-ship-hostnames");
        DesiredSite site = SiteEdits.device(SMALL, "ams1-r02-srv01", d -> SiteEdits.hostname(d, "ams1-do-not-ship"));
        assertThat(checks.run(site)).filteredOn(v -> v.check().equals("no-do-not-ship-hostnames"))
                .containsExactly(new PolicyViolation("no-do-not-ship-hostnames", "ams1-do-not-ship",
                "is marked do-not-ship"));
    }
}
