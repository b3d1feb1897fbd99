package io.ferrum.standards.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ferrum.standards.Examples;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML as people write it: tabs typed by habit, anchors and aliases to avoid repeating a profile. */
class YamlSyntaxTest {

    private final SiteDefinitionParser parser = new SiteDefinitionParser();
    private final String small = Examples.text("small-site.yaml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a tab alone           | '      count: 12'    | '\\t  count: 12'      | 17:1
            spaces then a tab     | '      count: 12'    | '    \\tcount: 12'    | 17:5
            a tab before a dash   | '  - name: r02'      | '\\t- name: r02'      | 20:1
            a tab under a key     | '  rack: n01'        | '\\track: n01'        | 28:1
            """)
    void aTabUsedForIndentationIsReportedWhereTheTabIs(String name, String line, String withTab, String at) {
        String text = small.replace(line + "\n", withTab.replace("\\t", "\t") + "\n");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("s.yaml:" + at + ": (document): a tab is not allowed for indentation in YAML; use spaces");
    }

    @Test
    void aTabAfterAColonIsReportedAtTheTabWithoutCallingItIndentation() {
        String text = small.replace("      count: 12\n", "      count:\t12\n");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:17:13: (document): a tab is not allowed here in YAML; use spaces");
    }

    @Test
    void anAliasReadsAsTheAnchoredValue() {
        String text = small
                .replace("""
                        rackProfiles:
                          half-power: {heightU: 42, powerBudgetW: 4000}
                          full-power: {heightU: 48, powerBudgetW: 12000}
                        """, """
                        rackProfiles: {half-power: {heightU: 42, powerBudgetW: 4000}, \
                        full-power: &fp {heightU: 48, powerBudgetW: 12000}, full-power-b: *fp}
                        """)
                .replace("    profile: full-power\n    servers: {model: dell-r760, count: 8}",
                        "    profile: full-power-b\n    servers: &r760 {model: dell-r760, count: 8}")
                .replace("    servers: {model: dell-r660, count: 4}", "    servers: *r760");

        SiteDefinition definition = parser.parse("s.yaml", text);

        assertThat(definition.rackProfiles()).containsEntry("full-power-b", new SiteDefinition.RackProfile(48, 12000));
        assertThat(definition.racks().get(1).profile()).isEqualTo("full-power-b");
        assertThat(definition.racks().get(2).servers()).isEqualTo(definition.racks().get(1).servers());
        assertThat(definition.source().locate("racks[2].servers"))
                .as("the alias itself is where it is used").isEqualTo(new SourceLocation(24, 14));
        assertThat(definition.source().locate("racks[2].servers.count"))
                .as("what it stands for is where it was written").isEqualTo(new SourceLocation(20, 46));
    }

    @Test
    void aMergeKeyTakesTheAnchoredEntriesThatTheMappingDoesNotGive() {
        String text = small.replace("  full-power: {heightU: 48, powerBudgetW: 12000}\n", """
                  full-power: &full {heightU: 48, powerBudgetW: 12000}
                  full-power-short: {<<: *full, heightU: 42}
                """);

        SiteDefinition definition = parser.parse("s.yaml", text);

        assertThat(definition.rackProfiles())
                .containsEntry("full-power-short", new SiteDefinition.RackProfile(42, 12000));
    }

    @Test
    void aMistakeInsideAnAliasedValueIsReportedOnceWhereItIsWritten() {
        String text = small.replace("  full-power: {heightU: 48, powerBudgetW: 12000}\n", """
                  full-power: &fp {heightU: 480, powerBudgetW: 12000}
                  full-power-b: *fp
                """);

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:11:29: rackProfiles.full-power.heightU: is 480; expected 1 to 60");
    }

    @Test
    void anAliasToNoAnchorIsRefusedByNameAndNothingElseIsBlamed() {
        String text = small.replace("  full-power: {heightU: 48, powerBudgetW: 12000}",
                "  full-power: *fullpower");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:11:15: rackProfiles.full-power: *fullpower refers to no anchor; "
                        + "define &fullpower before this alias");
    }

    @Test
    void aValueCannotContainItsOwnAlias() {
        String text = small.replace("  full-power: {heightU: 48, powerBudgetW: 12000}",
                "  full-power: &fp {heightU: 48, powerBudgetW: *fp}");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:11:47: rackProfiles.full-power.powerBudgetW: *fp is inside the value anchored "
                        + "&fp; a value cannot contain itself");
    }

    @Test
    void mergingSomethingOtherThanAMappingIsRefused() {
        String text = small.replace("  full-power: {heightU: 48, powerBudgetW: 12000}",
                "  full-power: {<<: 5, heightU: 48, powerBudgetW: 12000}");

        assertThatThrownBy(() -> parser.parse("s.yaml", text))
                .hasMessage("s.yaml:11:20: rackProfiles.full-power.<<: expected a mapping to merge or a list of "
                        + "mappings (such as *defaults), found a number");
    }

    @Test
    void nestedAliasesThatStandForMillionsOfValuesAreRefusedWithoutExpandingThem() {
        StringBuilder text = new StringBuilder("standard: colo-pod@1\nlaughs:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            text.append("  l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }

        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> parser.parse("laughs.yaml", text.toString()));

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("laughs.l5[0]");
            assertThat(problem.message()).startsWith("the document stands for more than "
                    + SourceTreeReader.MAX_VALUES + " values here");
        });
    }
}
