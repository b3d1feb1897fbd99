package io.ferrum.provisioning.driver.netconf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How NETCONF messages are delimited on the SSH channel (RFC 6242 section 4). */
sealed interface Framing permits EndOfMessageFraming, ChunkedFraming {

    /** Messages above this are refused rather than buffered: a broken peer must not exhaust our heap. */
    int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    void write(OutputStream out, byte[] message) throws IOException;

    /** Reads one whole message; throws {@link MalformedFrameException} on bad framing, EOFException on a closed channel. */
    byte[] read(InputStream in) throws IOException;

    final class MalformedFrameException extends IOException {
        MalformedFrameException(String message) {
            super(message);
        }
    }
}
