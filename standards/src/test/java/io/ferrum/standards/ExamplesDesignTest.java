package io.ferrum.standards;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.policy.PolicyChecks;
import io.ferrum.standards.spi.StandardRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExamplesDesignTest {

    private final StandardRegistry registry = StandardRegistry.discover();

    @ParameterizedTest
    @ValueSource(strings = {"small-site.yaml", "small-site-v2.yaml", "large-site.yaml", "lab-site.yaml"})
    void everyExampleDesignsAndPassesAllPolicyChecks(String example) {
        DesiredSite site = registry.design(Examples.parse(example));

        assertThat(PolicyChecks.discover().run(site)).isEmpty();
        assertThat(site.devices()).isNotEmpty();
    }

    @Test
    void theLargeExampleHasFortyRacksOfFortyServers() {
        DesiredSite site = registry.design(Examples.parse("large-site.yaml"));

        assertThat(site.devices()).filteredOn(d -> d.role() == DeviceRole.SERVER).hasSize(1600);
        assertThat(site.racks()).hasSize(41);
    }

    @Test
    void theLargeExampleHasRoomForTheV2UpgradeInEveryRack() {
        DesiredSite site = registry.design(Examples.parse("large-site.yaml").withStandard("colo-pod@2"));

        assertThat(PolicyChecks.discover().run(site)).isEmpty();
        assertThat(site.devices()).filteredOn(d -> d.role() == DeviceRole.CONSOLE_SERVER).hasSize(41);
    }
}
