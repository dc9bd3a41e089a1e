package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line: its exit status and what it printed. Runs without
 * {@code --rules} share one doctor, since compiling the rules takes seconds.
 */
public record Run(int status, String out, String err) {

    public static final BackupDoctor DOCTOR = BackupDoctor.create();

    /** @param stdout where standard output goes, or {@code null} to capture it in {@link #out()} */
    public static Run of(InputStream stdin, OutputStream stdout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, stdin, stdout == null ? out : stdout, new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.NONE,
                rules -> rules.isEmpty() ? DOCTOR : Main.doctor(rules));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Run of(byte[] stdin, String... args) {
        return of(new ByteArrayInputStream(stdin), null, args);
    }

    public static Run of(String stdin, String... args) {
        return of(stdin.getBytes(StandardCharsets.UTF_8), args);
    }
}
