package io.ferrum.provisioning.driver.netconf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** NETCONF 1.1 chunked framing: {@code \n#<len>\n<data>} repeated, closed by {@code \n##\n}. */
final class ChunkedFraming implements Framing {

    private static final long MAX_CHUNK = 4294967295L;

    @Override
    public void write(OutputStream out, byte[] message) throws IOException {
        out.write(("\n#" + message.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.write("\n##\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            expect(in, '\n');
            expect(in, '#');
            int first = next(in);
            if (first == '#') {
                expect(in, '\n');
                if (message.size() == 0) {
                    throw new MalformedFrameException("end-of-chunks marker before any chunk");
                }
                return message.toByteArray();
            }
            long size = chunkSize(in, first);
            if (message.size() + size > MAX_MESSAGE_BYTES) {
                throw new MalformedFrameException("message exceeds " + MAX_MESSAGE_BYTES + " bytes");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new EOFException("channel closed inside a " + size + "-byte chunk");
            }
            message.write(chunk);
        }
    }

    private static long chunkSize(InputStream in, int first) throws IOException {
        if (first < '1' || first > '9') {
            throw new MalformedFrameException("chunk size must start with 1-9, got " + printable(first));
        }
        long size = first - '0';
        while (true) {
            int c = next(in);
            if (c == '\n') {
                return size;
            }
            if (c < '0' || c > '9') {
                throw new MalformedFrameException("bad character " + printable(c) + " in chunk size");
            }
            size = size * 10 + (c - '0');
            if (size > MAX_CHUNK) {
                throw new MalformedFrameException("chunk size above " + MAX_CHUNK);
            }
        }
    }

    private static void expect(InputStream in, char wanted) throws IOException {
        int c = next(in);
        if (c != wanted) {
            throw new MalformedFrameException("expected " + printable(wanted) + " in chunk header, got " + printable(c));
        }
    }

    private static int next(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("channel closed inside a chunk header");
        }
        return c;
    }

    private static String printable(int c) {
        return c == '\n' ? "'\\n'" : (c >= 32 && c < 127 ? "'" + (char) c + "'" : String.format("0x%02x", c));
    }
}
