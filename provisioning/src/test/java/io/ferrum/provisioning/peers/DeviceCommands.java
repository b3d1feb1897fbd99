package io.ferrum.provisioning.peers;

import org.apache.sshd.server.command.Command;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A tiny device CLI for the in-process SSH server: {@code show version}, {@code echo ...}, {@code fail N message},
 * {@code sleep MILLIS}, {@code big BYTES}.
 */
public final class DeviceCommands {

    private DeviceCommands() {
    }

    public static Command forCommand(String deviceName, String commandLine) {
        return new ThreadedCommand() {
            @Override
            protected int run(InputStream in, OutputStream out, OutputStream err) throws Exception {
                String[] words = commandLine.trim().split("\\s+", 3);
                switch (words[0]) {
                    case "show" -> {
                        write(out, "hostname " + deviceName + "\nfirmware 1.0.0\nserial SN-" + deviceName + "\n");
                        return 0;
                    }
                    case "echo" -> {
                        write(out, commandLine.substring(5) + "\n");
                        return 0;
                    }
                    case "fail" -> {
                        write(err, words.length > 2 ? words[2] + "\n" : "failed\n");
                        return Integer.parseInt(words[1]);
                    }
                    case "sleep" -> {
                        Thread.sleep(Long.parseLong(words[1]));
                        write(out, "slept\n");
                        return 0;
                    }
                    case "big" -> {
                        byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n".getBytes();
                        for (long left = Long.parseLong(words[1]); left > 0; left -= line.length) {
                            out.write(line, 0, (int) Math.min(left, line.length));
                        }
                        return 0;
                    }
                    default -> {
                        write(err, "% unknown command: " + commandLine + "\n");
                        return 127;
                    }
                }
            }
        };
    }
}
