package io.ferrum.exporters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.PageSize;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PdfFontTest {

    private static final float SIZE = 7.5f;

    private final PrintDocument document = new PrintDocument(PageSize.A4, "wrap", ExportOptions.FIXED_DOCUMENT_DATE);
    private final PdfFont font = document.regular();

    @AfterEach
    void close() {
        document.close();
    }

    @Test
    void breaksAfterAHyphenAndKeepsIt() {
        float room = font.width("ams1-r01-border01-", SIZE) + 1;
        assertThat(font.wrap("ams1-r01-border01-management1", SIZE, room))
                .containsExactly("ams1-r01-border01-", "management1");
    }

    @Test
    void breaksAfterASlash() {
        float room = font.width("Ethernet49/", SIZE) + 1;
        assertThat(font.wrap("Ethernet49/1", SIZE, room)).containsExactly("Ethernet49/", "1");
    }

    @Test
    void breaksAtSpacesAndDropsThem() {
        float room = font.width("blue, light", SIZE) + 1;
        assertThat(font.wrap("blue, light cat6 2 m", SIZE, room)).containsExactly("blue, light", "cat6 2 m");
    }

    @Test
    void breaksAWordWithoutSeparatorsBetweenCharactersAndLosesNone() {
        String label = "AMS1R01BORDER01ETHERNET49XCONNECTTOMEETMEROOMPANEL07PORT12";
        float room = font.width("AMS1R01BORDER01", SIZE);
        List<String> lines = font.wrap(label, SIZE, room);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(String.join("", lines)).isEqualTo(label);
        assertThat(lines).allSatisfy(line -> assertThat(font.width(line, SIZE)).isLessThanOrEqualTo(room));
    }

    @Test
    void aColumnNarrowerThanOneGlyphStillGetsEveryCharacterOnePerLine() {
        assertThat(font.wrap("srv-01", SIZE, 0.5f)).containsExactly("s", "r", "v", "-", "0", "1");
    }

    @Test
    void keepsExplicitLineBreaksAndEmptyText() {
        assertThat(font.wrap("first\nsecond", SIZE, 500)).containsExactly("first", "second");
        assertThat(font.wrap("", SIZE, 500)).containsExactly("");
        assertThat(font.wrap(null, SIZE, 500)).containsExactly("");
    }

    @Test
    void textThatFitsIsOneLine() {
        assertThat(font.wrap("ams1-r01-srv01-eth0", SIZE, 500)).containsExactly("ams1-r01-srv01-eth0");
    }
}
