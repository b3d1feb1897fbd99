import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the machine's lab lock for a shell script: {@code java .ci/LabLock.java /run/ferrum-lab.lock} takes the lock
 * the lab tests take ({@code Lab.exclusive()}: an fcntl lock, which flock(1) does not see), prints {@code locked},
 * and keeps it until its standard input closes or it is killed. The README smoke runs it as a coprocess.
 */
public final class LabLock {

    private LabLock() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the script closes our input or ends
            }
        }
    }
}
