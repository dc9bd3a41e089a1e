package dev.backupdoctor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the command line may do to its streams: colour stdout and show progress on stderr only for
 * a person at a terminal, never into files, pipes or tests.
 */
record Terminal(boolean colour, boolean progress, boolean debug) {

    static final Terminal NONE = new Terminal(false, false, false);

    static Terminal detect() {
        return new Terminal(
                System.console() != null && System.getenv("NO_COLOR") == null,
                isTerminal(2),
                System.getenv("BACKUP_DOCTOR_DEBUG") != null);
    }

    /** Java has no isatty; on Linux the descriptor's link names the device. Elsewhere: assume not. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
