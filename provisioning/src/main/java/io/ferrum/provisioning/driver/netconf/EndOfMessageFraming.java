package io.ferrum.provisioning.driver.netconf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** NETCONF 1.0 framing: each message ends with {@code ]]>]]>}. Used for hello, and for 1.0-only peers. */
final class EndOfMessageFraming implements Framing {

    static final byte[] DELIMITER = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void write(OutputStream out, byte[] message) throws IOException {
        out.write(message);
        out.write(DELIMITER);
        out.flush();
    }

    @Override
    public byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("channel closed inside a ]]>]]> framed message after " + buf.size() + " bytes");
            }
            buf.write(b);
            if (b == DELIMITER[matched]) {
                matched++;
                if (matched == DELIMITER.length) {
                    byte[] all = buf.toByteArray();
                    byte[] message = new byte[all.length - DELIMITER.length];
                    System.arraycopy(all, 0, message, 0, message.length);
                    return message;
                }
            } else {
                matched = b == DELIMITER[0] ? 1 : 0;
            }
            if (buf.size() > MAX_MESSAGE_BYTES) {
                throw new MalformedFrameException("no ]]>]]> delimiter within " + MAX_MESSAGE_BYTES + " bytes");
            }
        }
    }
}
