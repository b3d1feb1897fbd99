package io.ferrum.standards.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.standards.Examples;
import io.ferrum.standards.builtin.ColoPodV1;
import io.ferrum.standards.builtin.ColoPodV2;
import io.ferrum.standards.definition.DefinitionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardRegistryTest {

    private final StandardRegistry registry = StandardRegistry.discover();

    @Test
    void findsBuiltInStandardsByNameAtVersion() {
        assertThat(registry.find("colo-pod@1")).isInstanceOf(ColoPodV1.class);
        assertThat(registry.find("colo-pod@2")).isInstanceOf(ColoPodV2.class);
    }

    @Test
    void discoversStandardsTeamsListInMetaInfServices() {
        assertThat(registry.ids()).containsExactly("colo-pod@1", "colo-pod@2", "colo-pod@3", "colo-pod@4", "tiny@1");
        assertThat(registry.design(Examples.parse("small-site.yaml").withStandard("tiny@1")).site().code())
                .isEqualTo("ams1");
    }

    @Test
    void anUnknownNameListsTheKnownStandards() {
        assertThatThrownBy(() -> registry.find("colo-rack@1"))
                .isInstanceOf(UnknownStandardException.class)
                .hasMessage("there is no standard named 'colo-rack'; known are colo-pod@1, colo-pod@2, colo-pod@3, colo-pod@4, tiny@1");
    }

    @Test
    void anUnknownVersionOfAKnownStandardListsItsVersions() {
        assertThatThrownBy(() -> registry.find("colo-pod@9"))
                .isInstanceOf(UnknownStandardException.class)
                .hasMessage("standard 'colo-pod' has no version '9'; known versions are 1, 2, 3, 4");
    }

    @Test
    void designingAnUnknownStandardPointsAtTheDefinitionsStandardField() {
        assertThatThrownBy(() -> registry.design(Examples.parse("bad/unknown-standard.yaml")))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("bad/unknown-standard.yaml:2:11: standard: there is no standard named 'colo-rack'; "
                        + "known are colo-pod@1, colo-pod@2, colo-pod@3, colo-pod@4, tiny@1");
        assertThatThrownBy(() -> registry.design(Examples.parse("bad/unknown-version.yaml")))
                .hasMessage("bad/unknown-version.yaml:2:11: standard: standard 'colo-pod' has no version '9'; "
                        + "known versions are 1, 2, 3, 4");
    }

    @Test
    void refusesTwoDifferentImplementationsClaimingOneId() {
        Standard impostor = new TinyStandard() {
            @Override
            public String name() {
                return "colo-pod";
            }
        };

        assertThatThrownBy(() -> new StandardRegistry(List.of(new ColoPodV1(), impostor)))
                .hasMessageStartingWith("two standards claim colo-pod@1");
    }
}
