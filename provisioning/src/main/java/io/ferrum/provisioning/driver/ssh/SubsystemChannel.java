package io.ferrum.provisioning.driver.ssh;

import net.schmizz.sshj.connection.channel.direct.Session;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A raw byte pipe to an SSH subsystem such as {@code netconf}; protocol clients layer their framing on top. */
public final class SubsystemChannel implements Closeable {

    private final String device;
    private final Session session;
    private final Session.Subsystem subsystem;

    SubsystemChannel(String device, Session session, Session.Subsystem subsystem) {
        this.device = device;
        this.session = session;
        this.subsystem = subsystem;
    }

    public String device() {
        return device;
    }

    public InputStream input() {
        return subsystem.getInputStream();
    }

    public OutputStream output() {
        return subsystem.getOutputStream();
    }

    public boolean isOpen() {
        return subsystem.isOpen();
    }

    @Override
    public void close() {
        try {
            subsystem.close();
        } catch (IOException | RuntimeException ignored) {
            // The peer may already have gone; nothing left to release on our side.
        }
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // As above.
        }
    }
}
