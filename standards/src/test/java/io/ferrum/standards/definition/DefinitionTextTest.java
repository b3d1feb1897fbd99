package io.ferrum.standards.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.standards.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionTextTest {

    @TempDir
    Path dir;

    @Test
    void aFileSavedAsLatin1IsRefusedAtTheLineAndColumnOfItsFirstBadByte() throws IOException {
        Path file = dir.resolve("ams1.yaml");
        Files.write(file, Examples.text("small-site.yaml").replace("name: Amsterdam 1", "name: Amstérdam 1")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new SiteDefinitionParser().parse(file))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(file + ":6:13: (document): not valid UTF-8 (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void aCharacterCutOffAtTheEndIsRefusedOnTheLastLine() {
        byte[] whole = "site:\n  name: Zürich".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, "site:\n  name: Z".length() + 1);

        assertThatThrownBy(() -> DefinitionText.decode("zrh1.yaml", cut))
                .hasMessage("zrh1.yaml:2:10: (document): not valid UTF-8 (byte 0xC3); save the file as UTF-8");
    }

    @Test
    void readsUtf8WithOrWithoutAByteOrderMark() {
        byte[] text = "name: Zürich".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);

        assertThat(DefinitionText.decode("z.yaml", text)).isEqualTo("name: Zürich");
        assertThat(DefinitionText.decode("z.yaml", withMark)).isEqualTo("name: Zürich");
    }
}
