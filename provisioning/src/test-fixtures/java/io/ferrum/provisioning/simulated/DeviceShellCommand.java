package io.ferrum.provisioning.simulated;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH exec request answered by a {@link SimulatedSwitch}: the reply is written on a shared worker, since MINA
 * requires {@code start} not to block and a thread per command would cost a thousand switches too much.
 */
final class DeviceShellCommand implements Command {

    private final SimulatedSwitch device;
    private final String command;
    private final ExecutorService workers;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Future<?> running;

    DeviceShellCommand(SimulatedSwitch device, String command, ExecutorService workers) {
        this.device = device;
        this.command = command;
        this.workers = workers;
    }

    @Override
    public void setInputStream(InputStream in) {
        // device-shell commands read nothing from stdin
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        running = workers.submit(() -> {
            int status;
            try {
                ShellReply reply = device.execute(command);
                write(out, reply.stdout());
                write(err, reply.stderr());
                status = reply.exit();
            } catch (IOException | RuntimeException e) {
                status = 255;
            }
            exit.onExit(status);
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (running != null) {
            running.cancel(true);
        }
    }

    private static void write(OutputStream stream, String text) throws IOException {
        if (!text.isEmpty()) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }
        stream.flush();
    }
}
