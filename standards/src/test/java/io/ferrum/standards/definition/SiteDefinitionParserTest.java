package io.ferrum.standards.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.standards.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteDefinitionParserTest {

    private final SiteDefinitionParser parser = new SiteDefinitionParser();

    @Test
    void readsEverySectionOfTheSmallExample() {
        SiteDefinition definition = Examples.parse("small-site.yaml");

        assertThat(definition.standardName()).isEqualTo("colo-pod");
        assertThat(definition.standardVersion()).isEqualTo("1");
        assertThat(definition.site().code()).isEqualTo("ams1");
        assertThat(definition.site().timezone()).isEqualTo("Europe/Amsterdam");
        assertThat(definition.rackProfiles()).containsOnlyKeys("half-power", "full-power");
        assertThat(definition.rackProfiles().get("half-power")).isEqualTo(new SiteDefinition.RackProfile(42, 4000));
        assertThat(definition.racks()).extracting(SiteDefinition.Rack::name).containsExactly("r01", "r02", "r03");
        SiteDefinition.Servers servers = definition.racks().get(0).servers();
        assertThat(servers.model()).isEqualTo("dell-r660");
        assertThat(servers.count()).isEqualTo(12);
        assertThat(servers.serial(0)).isEqualTo("SRV0001");
        assertThat(servers.serial(4)).as("a ~ keeps the position of a serial not known yet").isNull();
        assertThat(servers.serial(5)).isEqualTo("SRV0006");
        assertThat(servers.serial(11)).isNull();
        assertThat(definition.racks().get(0).switchSerials()).containsEntry("leaf02", "LF0002");
        assertThat(definition.network().rack()).isEqualTo("n01");
        assertThat(definition.network().serials()).containsEntry("border01", "BR0001");
        assertThat(definition.uplinks()).extracting(SiteDefinition.Uplink::circuitId)
                .containsExactly("WAN-AMS-001", "WAN-AMS-002");
        assertThat(definition.exchanges().get(0).handoffs().get(0))
                .isEqualTo(new SiteDefinition.Handoff("border01", "Ethernet4/1", "XAMS-4411", "xams"));
        assertThat(definition.ipSpace().server()).hasToString("10.16.0.0/16");
        assertThat(definition.asnRange()).isEqualTo(new SiteDefinition.AsnRange(4200000000L, 4200000999L));
    }

    @Test
    void readsJsonWhenTheFileNameSaysSo() {
        String json = """
                {"standard": "colo-pod@2",
                 "site": {"code": "lon1", "name": "London 1"},
                 "rackProfiles": {"std": {"heightU": 42, "powerBudgetW": 8000}},
                 "racks": [{"name": "r01", "profile": "std", "servers": {"model": "dell-r660", "count": 2}}],
                 "network": {"rack": "n01", "profile": "std"},
                 "ipSpace": {"mgmt": "10.0.0.0/24", "bmc": "10.1.0.0/24", "loopback": "10.2.0.0/24",
                             "p2p": "10.3.0.0/24", "server": "10.4.0.0/20"},
                 "asnRange": "65000-65100",
                 "status": "active"}
                """;

        assertThatThrownBy(() -> parser.parse("lon1.json", json))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("lon1.json:9:2: status: is not a known field; expected one of asnRange, exchanges, "
                        + "ipSpace, network, rackProfiles, racks, site, standard, uplinks");
        SiteDefinition definition = parser.parse("lon1.json", json.replace(",\n \"status\": \"active\"", ""));
        assertThat(definition.standard()).isEqualTo("colo-pod@2");
        assertThat(definition.ipSpace().exchange()).as("optional without exchanges").isNull();
        assertThat(definition.uplinks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed.yaml             | bad/malformed.yaml:10:13: (document): malformed YAML: while parsing a flow mapping (line 9, column 15); expected ',' or '}', but got : (line 10, column 13)
            invalid-cidr.yaml          | bad/invalid-cidr.yaml:40:9: ipSpace.mgmt: '10.0.0.1/23' has host bits set; the network is 10.0.0.0/23
            overlapping-supernets.yaml | bad/overlapping-supernets.yaml:41:8: ipSpace.bmc: 10.0.1.0/24 overlaps ipSpace.mgmt 10.0.0.0/23; each supernet must be separate space
            bad-asn-range.yaml         | bad/bad-asn-range.yaml:46:11: asnRange: '4200000999-4200000000' runs backwards: 4200000999 is above 4200000000
            unknown-field.yaml         | bad/unknown-field.yaml:21:33: racks[1].servers.cout: is not a known field; expected one of count, model, serials
            """)
    void badExamplesAreRefusedWithFileLineColumnAndField(String example, String expected) {
        assertThatThrownBy(() -> Examples.parse("bad/" + example))
                .isInstanceOf(DefinitionException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).contains(expected));
    }

    @Test
    void reportsEveryMissingFieldNotJustTheFirst() {
        assertThatThrownBy(() -> Examples.parse("bad/missing-fields.yaml"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("""
                        bad/missing-fields.yaml:2:1: ipSpace: is required
                        bad/missing-fields.yaml:4:3: site.code: is required
                        bad/missing-fields.yaml:18:5: racks[1].profile: is required""");
    }

    @Test
    void reportsAnInvalidCidrAndAHostBitCidrTogether() {
        DefinitionException e = (DefinitionException) catchThrowable("bad/invalid-cidr.yaml");

        assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactly("ipSpace.mgmt", "ipSpace.loopback");
        assertThat(e.problems().get(1).message()).contains("'10.255.0.0/33' is not valid");
        assertThat(e.problems().get(1).line()).isEqualTo(42);
    }

    @Test
    void refusesDuplicateRackNamesAndUnknownProfilesPointingAtBoth() {
        DefinitionException e = (DefinitionException) catchThrowable("bad/duplicate-rack.yaml");

        assertThat(e.getMessage()).isEqualTo("""
                bad/duplicate-rack.yaml:19:11: racks[1].name: rack 'r01' is already defined at racks[0].name (line 12)
                bad/duplicate-rack.yaml:24:14: racks[2].profile: 'quarter-power' is not a rack profile; defined are half-power, full-power""");
    }

    @Test
    void aProfileWithABadValueIsStillAProfileSoRacksUsingItAreNotBlamedToo() {
        String text = Examples.text("small-site.yaml").replace("powerBudgetW: 4000", "powerBudgetW: -4000");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:10:43: rackProfiles.half-power.powerBudgetW: is -4000; expected 1 to 100000");
    }

    @Test
    void aProfileThatIsNotAMappingIsStillAProfileSoRacksUsingItAreNotBlamedToo() {
        String text = Examples.text("small-site.yaml")
                .replace("  full-power: {heightU: 48, powerBudgetW: 12000}", "  full-power: 12000");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:11:15: rackProfiles.full-power: expected a mapping, found a number");
    }

    @Test
    void anUnknownProfileIsStillReportedWithEveryProfileNamedIncludingBrokenOnes() {
        String text = Examples.text("small-site.yaml").replace("powerBudgetW: 4000", "powerBudgetW: -4000")
                .replace("    profile: half-power\n", "    profile: quarter-power\n");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("""
                        s.yaml:10:43: rackProfiles.half-power.powerBudgetW: is -4000; expected 1 to 100000
                        s.yaml:25:14: racks[2].profile: 'quarter-power' is not a rack profile; defined are half-power, full-power""");
    }

    @Test
    void refusesAnEmptySiteNameAndAnUnknownTimeZoneWhereTheyAreWritten() {
        String text = Examples.text("small-site.yaml").replace("name: Amsterdam 1", "name: ' '")
                .replace("timezone: Europe/Amsterdam", "timezone: Europe/Amsterdan");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("""
                        s.yaml:6:9: site.name: is empty; expected the site's name, such as Amsterdam 1
                        s.yaml:8:13: site.timezone: 'Europe/Amsterdan' is not a time zone; expected an IANA name such as Europe/Amsterdam""");
    }

    @Test
    void refusesAStandardNotOfTheFormNameAtVersion() {
        String text = Examples.text("small-site.yaml").replace("standard: colo-pod@1", "standard: colo-pod");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessageContaining("s.yaml:3:11: standard: 'colo-pod' is not valid; expected name@version such as colo-pod@1");
    }

    @Test
    void refusesKeysGivenTwiceBecauseYamlWouldSilentlyKeepOne() {
        String text = Examples.text("small-site.yaml").replace("  name: Amsterdam 1\n", "  name: Amsterdam 1\n  name: Amsterdam 2\n");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:7:3: site.name: is given twice (first at line 6)");
    }

    @Test
    void refusesWrongTypesMoreSerialsThanServersAndUnknownStatus() {
        String text = Examples.text("small-site.yaml")
                .replace("servers: {model: dell-r760, count: 8}", "servers: {model: dell-r760, count: eight}")
                .replace("servers: {model: dell-r660, count: 4}", "servers: {model: dell-r660, count: 1, serials: [A, B]}\n    status: broken");

        DefinitionException e = (DefinitionException) catchThrowable(() -> parser.parse("s.yaml", text));

        assertThat(e.problems()).extracting(DefinitionProblem::field, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("racks[1].servers.count", "expected a whole number, found a string"),
                org.assertj.core.groups.Tuple.tuple("racks[2].servers.serials", "lists 2 serials for 1 servers"),
                org.assertj.core.groups.Tuple.tuple("racks[2].status",
                        "'broken' is not one of planned, staged, active, failed, decommissioned"));
    }

    @Test
    void readsPerRackStatus() {
        String text = Examples.text("small-site.yaml").replace("    profile: half-power\n", "    profile: half-power\n    status: active\n");

        assertThat(parser.parse("s.yaml", text).racks().get(2).status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> parser.parse("empty.yaml", "# nothing here\n"))
                .hasMessage("empty.yaml:1:1: (document): the document is empty");
    }

    @Test
    void locatesSemanticErrorsFoundLaterFromTheRecordedSource() {
        SiteDefinition definition = Examples.parse("small-site.yaml");

        assertThat(definition.source().problem("racks[1].servers.model", "x"))
                .isEqualTo(new DefinitionProblem("small-site.yaml", 22, 22, "racks[1].servers.model", "x"));
        assertThat(definition.source().problem("racks[1].servers.nothing", "x").line())
                .as("an absent field is located at its nearest ancestor").isEqualTo(22);
    }

    private static Throwable catchThrowable(String example) {
        return catchThrowable(() -> Examples.parse(example));
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        return thrown;
    }
}
