package io.ferrum.provisioning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigTextTest {

    @Test
    void trailingSpacesAndBlankLinesDoNotMakeADeviceDiffer() {
        assertThat(ConfigText.sha256("hostname = a  \nx = 1\n\n\n")).isEqualTo(ConfigText.sha256("hostname = a\r\nx = 1"));
        assertThat(ConfigText.sha256("hostname = a\nx = 1\n")).isNotEqualTo(ConfigText.sha256("hostname = a\nx = 2\n"));
        assertThat(ConfigText.sha256("x = 1\ny = 2\n")).isNotEqualTo(ConfigText.sha256("y = 2\nx = 1\n"));
    }

    @Test
    void theDiffGoesFromRunningToRendered() {
        String diff = ConfigText.diff("leaf1", "hostname = leaf1\n", "hostname = leaf1\nntp = 198.18.0.1\n");

        assertThat(diff).contains("--- leaf1 (running)", "+++ leaf1 (rendered)", "+ntp = 198.18.0.1")
                .doesNotContain("-hostname");
    }
}
