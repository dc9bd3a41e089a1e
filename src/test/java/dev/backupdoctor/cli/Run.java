package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One in-process run of the command line, for the tests of each of its rooms: its exit status and
 * what it printed. Runs without {@code --rules} share one doctor, since compiling the rules takes seconds.
 */
public record Run(int status, String out, String err) {

    public static final BackupDoctor DOCTOR = BackupDoctor.create();

    /** @param stdout where standard output goes, or {@code null} to capture it in {@link #out()} */
    public static Run of(InputStream stdin, OutputStream stdout, String... args) {
        return run(stdin, stdout, Terminal.NONE, args);
    }

    public static Run of(byte[] stdin, String... args) {
        return of(new ByteArrayInputStream(stdin), null, args);
    }

    public static Run of(String stdin, String... args) {
        return of(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** As if standard error were a person's terminal, which gets a batch's progress. */
    public static Run showingProgress(byte[] stdin, String... args) {
        return run(new ByteArrayInputStream(stdin), null, new Terminal(false, true, false), args);
    }

    /** The doctor of a run with these {@code --rules} folders: the shared one without any. */
    public static BackupDoctor doctor(List<Path> rules) {
        return rules.isEmpty() ? DOCTOR : Main.doctor(rules);
    }

    private static Run run(InputStream stdin, OutputStream stdout, Terminal terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, stdin, stdout == null ? out : stdout, new PrintStream(err, true, StandardCharsets.UTF_8), terminal,
                Run::doctor);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
