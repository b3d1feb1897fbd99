package io.ferrum.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoesTest {

    @Test
    void aLongQuotedValueIsCutAndSaysHowLongItWas() {
        String name = "x".repeat(5_000);
        String shortened = Echoes.shortened("'" + name + "' is not a rack profile");
        assertThat(shortened).startsWith("'" + "x".repeat(80) + "…' (5000 characters) is not a rack profile");
        assertThat(shortened.length()).isLessThan(140);
    }

    @Test
    void shortValuesAndUnquotedTextStayAsTheyAre() {
        assertThat(Echoes.shortened("'10.0.0.1/23' has host bits set")).isEqualTo("'10.0.0.1/23' has host bits set");
        assertThat(Echoes.shortened(null)).isNull();
    }

    @Test
    void anyMessageIsCutAtAThousandCharacters() {
        assertThat(Echoes.shortened("y".repeat(5_000))).hasSize(Echoes.MAX_MESSAGE + 1);
    }
}
