package io.ferrum.provisioning.driver.netconf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramingTest {

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chunkedReassemblesMultipleChunksAndReadsBackWhatItWrote() throws Exception {
        ChunkedFraming framing = new ChunkedFraming();
        assertThat(new String(framing.read(in("\n#4\n<rpc\n#17\n message-id=\"1\"/>\n##\n")), StandardCharsets.UTF_8))
                .isEqualTo("<rpc message-id=\"1\"/>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        framing.write(out, "<ok/>".getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\n#5\n<ok/>\n##\n");
        assertThat(framing.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo("<ok/>".getBytes());
    }

    @Test
    void chunkedRejectsBrokenHeaders() {
        ChunkedFraming framing = new ChunkedFraming();
        assertThatThrownBy(() -> framing.read(in("\n#0\n\n##\n"))).isInstanceOf(Framing.MalformedFrameException.class);
        assertThatThrownBy(() -> framing.read(in("\n#x\nabc"))).isInstanceOf(Framing.MalformedFrameException.class);
        assertThatThrownBy(() -> framing.read(in("<rpc-reply/>]]>]]>"))).isInstanceOf(Framing.MalformedFrameException.class);
        assertThatThrownBy(() -> framing.read(in("\n##\n"))).isInstanceOf(Framing.MalformedFrameException.class);
        assertThatThrownBy(() -> framing.read(in("\n#10\nabc"))).isInstanceOf(EOFException.class);
    }

    @Test
    void endOfMessageSplitsOnDelimiterEvenWhenItsPrefixRepeats() throws Exception {
        EndOfMessageFraming framing = new EndOfMessageFraming();
        ByteArrayInputStream stream = in("<a>]]]></a>]]>]]><b/>]]>]]>");
        assertThat(new String(framing.read(stream), StandardCharsets.UTF_8)).isEqualTo("<a>]]]></a>");
        assertThat(new String(framing.read(stream), StandardCharsets.UTF_8)).isEqualTo("<b/>");
        assertThatThrownBy(() -> framing.read(stream)).isInstanceOf(EOFException.class);
    }
}
