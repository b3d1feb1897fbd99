package io.ferrum.provisioning.peers;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A MINA SSHD command or subsystem whose body runs on its own thread, as MINA requires start() not to block. */
public abstract class ThreadedCommand implements Command {

    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    /** @return the exit status to report */
    protected abstract int run(InputStream in, OutputStream out, OutputStream err) throws Exception;

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
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
        thread = new Thread(() -> {
            int status;
            try {
                status = run(in, out, err);
                out.flush();
                err.flush();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                status = 255;
            }
            exit.onExit(status);
        }, "test-command");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    protected static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }
}
