package io.ferrum.provisioning.peers;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NETCONF subsystem for MINA SSHD whose replies come from a test-supplied function, so tests can produce
 * rpc-errors, malformed XML, broken framing or silence. Framing is implemented here independently of the driver.
 */
public final class ScriptedNetconfServer implements SubsystemFactory {

    public static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final Pattern MESSAGE_ID = Pattern.compile("message-id=\"([^\"]*)\"");

    /** What to send back for one request. */
    public sealed interface Reply {
        /** Well-formed framing around {@code body}; {@code body} is sent as-is (may be broken XML). */
        record Framed(String body) implements Reply {
        }

        /** Bytes written without any framing: for broken-framing tests. */
        record Raw(String bytes) implements Reply {
        }

        record Silence() implements Reply {
        }
    }

    private final List<String> capabilities;
    private final BiFunction<String, String, Reply> responder;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** @param responder (messageId, rpc xml) to reply */
    public ScriptedNetconfServer(List<String> capabilities, BiFunction<String, String, Reply> responder) {
        this.capabilities = capabilities;
        this.responder = responder;
    }

    public static Reply ok(String messageId) {
        return new Reply.Framed("<rpc-reply xmlns=\"" + NS + "\" message-id=\"" + messageId + "\"><ok/></rpc-reply>");
    }

    public static Reply data(String messageId, String inner) {
        return new Reply.Framed("<rpc-reply xmlns=\"" + NS + "\" message-id=\"" + messageId + "\"><data>" + inner
                + "</data></rpc-reply>");
    }

    public static Reply error(String messageId, String type, String tag, String message) {
        return new Reply.Framed("<rpc-reply xmlns=\"" + NS + "\" message-id=\"" + messageId + "\"><rpc-error>"
                + "<error-type>" + type + "</error-type><error-tag>" + tag + "</error-tag>"
                + "<error-severity>error</error-severity><error-message>" + message + "</error-message>"
                + "</rpc-error></rpc-reply>");
    }

    /** Every rpc the client sent, in order (excluding hello). */
    public List<String> requests() {
        return requests;
    }

    @Override
    public String getName() {
        return "netconf";
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        return new ThreadedCommand() {
            @Override
            protected int run(InputStream in, OutputStream out, OutputStream err) throws Exception {
                StringBuilder hello = new StringBuilder("<hello xmlns=\"" + NS + "\"><capabilities>");
                capabilities.forEach(c -> hello.append("<capability>").append(c).append("</capability>"));
                hello.append("</capabilities><session-id>42</session-id></hello>");
                write(out, hello + "]]>]]>");
                String clientHello = readEom(in);
                boolean chunked = clientHello.contains("urn:ietf:params:netconf:base:1.1")
                        && capabilities.contains("urn:ietf:params:netconf:base:1.1");
                while (true) {
                    String rpc = chunked ? readChunked(in) : readEom(in);
                    Matcher m = MESSAGE_ID.matcher(rpc);
                    String id = m.find() ? m.group(1) : "";
                    if (rpc.contains("<close-session")) {
                        send(out, ok(id), chunked);
                        return 0;
                    }
                    requests.add(rpc);
                    send(out, responder.apply(id, rpc), chunked);
                }
            }
        };
    }

    private static void send(OutputStream out, Reply reply, boolean chunked) throws IOException {
        if (reply instanceof Reply.Framed f) {
            byte[] body = f.body().getBytes(StandardCharsets.UTF_8);
            if (chunked) {
                // Split in two chunks so the client's multi-chunk reassembly is exercised.
                int half = body.length / 2;
                out.write(("\n#" + half + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, half);
                out.write(("\n#" + (body.length - half) + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, half, body.length - half);
                out.write("\n##\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
                out.write("]]>]]>".getBytes(StandardCharsets.US_ASCII));
            }
        } else if (reply instanceof Reply.Raw r) {
            out.write(r.bytes().getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static String readEom(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            buf.write(b);
            String s = buf.toString(StandardCharsets.UTF_8);
            if (s.endsWith("]]>]]>")) {
                return s.substring(0, s.length() - 6);
            }
        }
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        while (true) {
            StringBuilder header = new StringBuilder();
            int b;
            in.read(); // '\n'
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException();
                }
                header.append((char) b);
            }
            if (header.toString().equals("##")) {
                return msg.toString(StandardCharsets.UTF_8);
            }
            int len = Integer.parseInt(header.substring(1));
            msg.write(in.readNBytes(len));
        }
    }
}
