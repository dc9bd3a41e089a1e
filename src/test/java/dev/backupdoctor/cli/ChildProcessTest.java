package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.cli.batch.BatchStopped;
import dev.backupdoctor.cli.inventory.ImportCommandTest;
import dev.backupdoctor.cli.inventory.MdmResponseTest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a real process: signals and closed pipes only happen to a whole JVM. The
 * child runs on this test's classpath. The timeout only keeps a broken build from hanging.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChildProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Process start(Path stderr, String... args) throws IOException {
        return start(List.of(), stderr, args);
    }

    private Process start(List<String> jvmOptions, Path stderr, String... args) throws IOException {
        return child(jvmOptions, System.getProperty("java.class.path"), List.of(args)).redirectError(stderr.toFile()).start();
    }

    private static ProcessBuilder child(List<String> jvmOptions, String classPath, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");
    private static final String WEAK_WIFI = "examples/snapshots/weak-wifi-iphone-8.json";

    /** {@code before} lines of the bundled fleet's first valid line, the weak Wi-Fi snapshot, then {@code after} more. */
    private Path fleetWithWeakWifiAt(int before, int after) throws IOException {
        String valid = Files.readAllLines(Path.of("examples/snapshots/fleet.jsonl")).get(0) + "\n";
        String weakWifi = Files.readString(Path.of(WEAK_WIFI)).replace("\n", "") + "\n";
        return Files.writeString(temp.resolve("fleet.jsonl"), valid.repeat(before) + weakWifi + valid.repeat(after));
    }

    /** Runs a child to its end: its exit status, standard output and standard error. */
    private Run finish(List<String> jvmOptions, String... args) throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        Process child = start(jvmOptions, stderr, args);
        child.getOutputStream().close();
        Collector stdout = new Collector(child.getInputStream());
        stdout.start();
        int status = child.waitFor();
        stdout.join();
        return new Run(status, stdout.text(), Files.readString(stderr));
    }

    /** The output's lines are whole, numbered 1, 2, 3 and so on: a prefix of the input's. */
    private static void assertWholeLinesFromTheFirst(String out) throws IOException {
        assertThat(out.isEmpty() || out.endsWith("\n")).as("ends with a whole line").isTrue();
        int expected = 1;
        for (String line : out.lines().toList()) {
            assertThat(JSON.readTree(line).get("line").asInt()).isEqualTo(expected++);
        }
    }

    @Test
    void binaryPropertyListsClaimingBillionsOfEntriesCostNoMoreThanTheirSizeInASmallHeap() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("mdm"));
        for (int i = 0; i < 20; i++) {
            Files.write(folder.resolve("hostile-" + i + ".plist"), MdmResponseTest.claiming(i % 2 == 0 ? 0xA0 : 0x40, Integer.MAX_VALUE));
        }
        Files.copy(ImportCommandTest.MDM_EXAMPLES.resolve("iphone-14-pro-backed-up-last-night.plist"), folder.resolve("good.plist"));

        Run run = finish(List.of("-Xmx64m"), "import", "--from", "mdm", folder.toString(), "--as-of", "2026-11-26");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out().lines()).singleElement().asString().startsWith("{\"id\":\"F2LXK0QH0D\"");
        assertThat(run.err().lines()).hasSize(21).endsWith("1 device written, 0 skipped (not iPhones), 20 unreadable")
                .filteredOn(line -> line.contains(": not a valid binary property list: ")).hasSize(20);
    }

    @Test
    void aRuleThatThrowsCostsOnlyItsOwnLineAndDiagnoseOneMessage() throws Exception {
        String rules = HOSTILE.resolve("throws").toString();
        String rule = "rule \"Throw on weak Wi-Fi\" (" + rules + "/throws.drl:5) failed: IllegalStateException: boom";

        Run batch = finish(List.of(), "batch", fleetWithWeakWifiAt(2, 2).toString(), "--rules", rules);
        assertThat(batch.status()).isEqualTo(2);
        List<String> lines = batch.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).isEqualTo("{\"line\":3,\"error\":" + JSON.writeValueAsString(rule) + "}");
        assertThat(lines).filteredOn(line -> line.contains("\"healthy\"")).hasSize(4);
        assertThat(batch.err()).isEqualTo("1 of 5 lines was invalid: line 3: " + rule + "\n");

        Run diagnose = finish(List.of(), "diagnose", WEAK_WIFI, "--rules", rules);
        assertThat(diagnose).isEqualTo(new Run(2, "", rule + "\n"));
    }

    @Test
    void aRuleThatRecursesWithoutEndIsOneMessageNotAStackTrace() throws Exception {
        String rules = HOSTILE.resolve("overflow").toString();

        Run diagnose = finish(List.of(), "diagnose", WEAK_WIFI, "--rules", rules);

        assertThat(diagnose).isEqualTo(new Run(2, "", "rule \"Recurse forever\" (" + rules + "/overflow.drl:7) failed: "
                + "StackOverflowError, its code recursed too deeply\n"));
    }

    @Test
    void aRuleThatExhaustsMemoryIsNamedAndStopsTheBatchWithWholeLines() throws Exception {
        String rules = HOSTILE.resolve("memory").toString();
        String rule = "rule \"Eat memory\" failed: OutOfMemoryError, the JVM ran out of memory while it fired";

        Run diagnose = finish(List.of("-Xmx128m"), "diagnose", WEAK_WIFI, "--rules", rules);
        assertThat(diagnose).isEqualTo(new Run(2, "", rule + "\n"));

        // One worker: with two, the other may be the thread whose allocation fails first, outside any rule.
        Run batch = finish(List.of("-Xmx128m", "-XX:ActiveProcessorCount=1"), "batch", fleetWithWeakWifiAt(600, 600).toString(),
                "--rules", rules);
        assertThat(batch.status()).isEqualTo(1);
        assertThat(batch.err()).isEqualTo("line 601: " + rule + "; the batch stopped: its output ends with a whole line"
                + " from before this one, and later lines were not diagnosed\n");
        assertWholeLinesFromTheFirst(batch.out());
        assertThat(batch.out().lines().count()).isLessThan(601);

        Run report = finish(List.of("-Xmx128m", "-XX:ActiveProcessorCount=1"), "report", fleetWithWeakWifiAt(600, 600).toString(),
                "--rules", rules);
        assertThat(report).isEqualTo(new Run(1, "", "line 601: " + rule + "; the report stopped: nothing was printed,"
                + " and later lines were not diagnosed\n"));
    }

    @Test
    void aRuleThatNeverEndsIsStoppedAtTheTimeLimitNamingIt() throws Exception {
        String rules = HOSTILE.resolve("spin").toString();
        String rule = "rule \"Spin forever\" (" + rules + "/spin.drl:5) was still running after 500 ms, the time limit"
                + " for one diagnosis (--time-limit); ";

        Run diagnose = finish(List.of(), "diagnose", WEAK_WIFI, "--rules", rules, "--time-limit", "0.5");
        assertThat(diagnose).isEqualTo(new Run(2, "", rule + "stopped, no plan written\n"));

        Run batch = finish(List.of(), "batch", fleetWithWeakWifiAt(600, 600).toString(), "--rules", rules, "--time-limit", "0.5");
        assertThat(batch.status()).isEqualTo(1);
        assertThat(batch.err()).isEqualTo("line 601: " + rule + BatchStopped.BATCH + "\n");
        assertWholeLinesFromTheFirst(batch.out());
        assertThat(batch.out().lines().count()).isLessThan(601);

        Run report = finish(List.of(), "report", fleetWithWeakWifiAt(600, 600).toString(), "--rules", rules, "--time-limit", "0.5");
        assertThat(report).isEqualTo(new Run(1, "", "line 601: " + rule + BatchStopped.REPORT + "\n"));
    }

    @Test
    void sigtermDuringABatchLeavesWholeLinesInInputOrder() throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        Process batch = start(stderr, "batch", "-");
        StringWriter fleet = new StringWriter();
        RandomSnapshots.writeFleet(fleet, 2000, 20241026L);
        Collector stdout = new Collector(batch.getInputStream());
        stdout.start();

        // Standard input stays open, as at a terminal: the batch is still running when it is stopped.
        try (OutputStream stdin = batch.getOutputStream()) {
            stdin.write(fleet.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            stdout.firstLine.await();
            // SIGTERM, which runs shutdown hooks as Ctrl-C's SIGINT does. Not Process.destroy(): that also
            // closes our end of the child's output, losing what it writes while it stops.
            batch.toHandle().destroy();
            assertThat(batch.waitFor()).as(Files.readString(stderr)).isNotZero();
        } catch (IOException stdinClosedByTheExit) {
            // The child may be gone before the close flushes: irrelevant to what it wrote.
        }
        stdout.join();

        String out = stdout.text();
        assertThat(out.endsWith("\n")).as("ends with a whole line: ...%s", out.substring(Math.max(0, out.length() - 200))).isTrue();
        String[] lines = out.split("\n");
        List<Integer> expected = new ArrayList<>();
        String[] input = fleet.toString().split("\n", -1);
        for (int number = 1; number <= input.length && expected.size() < lines.length; number++) {
            if (!input[number - 1].isBlank()) {
                expected.add(number);
            }
        }
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            numbers.add(JSON.readTree(line).get("line").asInt());
        }
        assertThat(numbers).isEqualTo(expected);
    }

    @Test
    void aPipeClosedByItsReaderEndsTheBatchQuietly() throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        Process batch = start(stderr, "batch", "examples/snapshots/fleet.jsonl");

        try (InputStream stdout = batch.getInputStream()) {
            int b;
            do {
                b = stdout.read();
            } while (b != '\n' && b != -1);
            assertThat(b).as("one line of output").isEqualTo('\n');
        }

        assertThat(batch.waitFor()).isZero();
        assertThat(Files.readString(stderr)).isEmpty();
    }

    /** /dev/full fails every write with ENOSPC, as a full disk does: the output is incomplete, and that is said. */
    @Test
    void aFullDiskEndsTheCommandWithOneLineAndStatusOne() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "needs /dev/full");
        Path stderr = temp.resolve("stderr.txt");

        for (List<String> args : List.of(List.of("batch", "examples/snapshots/fleet.jsonl"),
                List.of("report", "--format", "html", "examples/snapshots/fleet.jsonl"),
                List.of("import", "--from", "mdm", ImportCommandTest.MDM_EXAMPLES.toString()))) {
            Process child = child(List.of(), System.getProperty("java.class.path"), args)
                    .redirectOutput(full).redirectError(stderr.toFile()).start();

            assertThat(child.waitFor()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(Files.readString(stderr)).as(String.join(" ", args))
                    .isEqualTo("standard output: cannot write: No space left on device; the output is incomplete\n");
        }
    }

    /** This test's class path without the jar whose path contains {@code artifact}. */
    private static String classPathWithout(String artifact) {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        assertThat(entries.removeIf(entry -> entry.contains(artifact))).as(artifact + " on the class path").isTrue();
        return String.join(File.pathSeparator, entries);
    }

    private Run finishWithClassPath(String classPath, String... args) throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        Process child = child(List.of(), classPath, List.of(args)).redirectError(stderr.toFile()).start();
        child.getOutputStream().close();
        Collector stdout = new Collector(child.getInputStream());
        stdout.start();
        int status = child.waitFor();
        stdout.join();
        return new Run(status, stdout.text(), Files.readString(stderr));
    }

    @Test
    void withoutJteTheHtmlReportIsOneLineSayingWhatToAddAndTheOtherFormatsWork() throws Exception {
        String withoutJte = classPathWithout("jte-runtime");
        String snapshot = temp.resolve("one.jsonl").toString();
        Files.writeString(Path.of(snapshot), Files.readString(Path.of(WEAK_WIFI)).replace("\n", "") + "\n");

        assertThat(finishWithClassPath(withoutJte, "report", "--format", "html", snapshot)).isEqualTo(new Run(2, "",
                "report --format html needs gg.jte:jte-runtime on the class path (it is an optional dependency of backup-doctor)\n"));
        Run text = finishWithClassPath(withoutJte, "report", snapshot);
        assertThat(text.status()).isZero();
        assertThat(text.out()).startsWith("Devices:  1\n");
        assertThat(text.err()).isEmpty();
    }

    @Test
    void withoutDdPlistMdmInventoriesAreOneLineSayingWhatToAddAndJamfWorks() throws Exception {
        String withoutDdPlist = classPathWithout("dd-plist");
        String message = "--from mdm needs com.googlecode.plist:dd-plist on the class path (it is an optional dependency of backup-doctor)\n";
        String mdm = ImportCommandTest.MDM_EXAMPLES.toString();

        assertThat(finishWithClassPath(withoutDdPlist, "import", "--from", "mdm", mdm)).isEqualTo(new Run(2, "", message));
        assertThat(finishWithClassPath(withoutDdPlist, "batch", "--from", "mdm", mdm)).isEqualTo(new Run(2, "", message));
        assertThat(finishWithClassPath(withoutDdPlist, "report", "--from", "mdm", mdm)).isEqualTo(new Run(2, "", message));
        Run jamf = finishWithClassPath(withoutDdPlist, "import", "--from", "jamf", ImportCommandTest.JAMF_EXAMPLE.toString());
        assertThat(jamf.status()).isZero();
        assertThat(jamf.err()).endsWith(" unreadable\n");
    }

    @Test
    void withoutTheDrlCompilerRulesOfOnesOwnAreOneLineSayingWhatToAddAndTheBuiltInRulesWork() throws Exception {
        String withoutCompiler = classPathWithout("drools-model-codegen");

        assertThat(finishWithClassPath(withoutCompiler, "diagnose", "--rules", "examples/rules", WEAK_WIFI)).isEqualTo(new Run(2, "",
                "--rules needs org.drools:drools-model-codegen on the class path (the installed command keeps it, with the rest"
                        + " of the DRL compiler, in lib/compiler/)\n"));
        Run builtIn = finishWithClassPath(withoutCompiler, "diagnose", WEAK_WIFI);
        assertThat(builtIn.status()).as(builtIn.err()).isZero();
        assertThat(builtIn.out()).startsWith("Found ");
    }

    @Test
    void invalidRulesAreOneLinePerProblemOnStderrAndNothingElse() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Path broken = Path.of("src/test/resources/broken-rules");
        Files.copy(broken.resolve("syntax-error.drl"), rules.resolve("syntax-error.drl"));
        Files.copy(broken.resolve("other-package/unknown-field.drl"),
                Files.createDirectories(rules.resolve("other-package")).resolve("unknown-field.drl"));
        // A function that doesn't parse makes the compiler throw, with every token it expected and a stack trace.
        Files.writeString(rules.resolve("function.drl"), "package com.acme.function\n\n"
                + "function String helper(int x) {\n    return x +;\n}\n");
        Path stderr = temp.resolve("stderr.txt");

        Process diagnose = start(stderr, "diagnose", "examples/snapshots/weak-wifi-iphone-8.json", "--rules", rules.toString());
        String out = new String(diagnose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(diagnose.waitFor()).isEqualTo(2);
        assertThat(out).isEmpty();
        List<String> lines = Files.readAllLines(stderr);
        assertThat(lines).hasSize(3).contains(
                temp.resolve("rules/syntax-error.drl") + ":9:1: mismatched input 'then' in rule \"Missing parenthesis\"");
        // ExtensionTest checks the whole list of fields; here, that the problem comes as one line.
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(temp.resolve("rules/other-package/unknown-field.drl")
                + ":8:17: WifiStatus has no field \"conected\"; its fields are: enabled, connected, "));
        String function = temp.resolve("rules/function.drl") + ":0:0: ";
        assertThat(lines).filteredOn(line -> line.startsWith(function)).singleElement().asString()
                .startsWith(function + "the rule compiler stopped: (line 2,col 10) Parse error. Found \";\", expected one of")
                .endsWith(" …").hasSizeLessThanOrEqualTo(function.length() + 300);
    }

    /** Reads a child's output to its end, so that the child never blocks on a full pipe. */
    private static final class Collector extends Thread {
        final CountDownLatch firstLine = new CountDownLatch(1);
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            firstLine.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                firstLine.countDown();
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
