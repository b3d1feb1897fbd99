package io.ferrum.provisioning.simulated;

/** What one device-shell command printed and how it exited; errors are {@code % message} lines on stderr. */
public record ShellReply(int exit, String stdout, String stderr) {

    static ShellReply ok(String stdout) {
        return new ShellReply(0, stdout, "");
    }

    static ShellReply fail(int exit, String message) {
        return new ShellReply(exit, "", "% " + message + "\n");
    }
}
