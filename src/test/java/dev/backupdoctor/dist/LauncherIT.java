package dev.backupdoctor.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable zip as a user gets it: unpacked (file modes included), then {@code bin/backup-doctor}
 * run as a process. Runs in {@code integration-test}, once {@code package} has made the zip; the
 * build passes its path and the project's version.
 */
class LauncherIT {

    private static final String VERSION = System.getProperty("backupdoctor.version");
    private static final Path ZIP = Path.of(System.getProperty("backupdoctor.zip"));
    private static final String FOLDER = "backup-doctor-" + VERSION;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path unpacked;
    /** The class data archives of every run but those testing the cache itself: made once, then used. */
    @TempDir
    static Path cache;
    @TempDir
    Path temp;

    static Path home;
    static Path launcher;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(ZIP).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertThat(target).as(entry.getName()).startsWithRaw(unpacked.resolve(FOLDER));
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream content = zip.getInputStream(entry)) {
                    Files.copy(content, target);
                }
                if (entry.getUnixMode() != 0) {
                    Files.setPosixFilePermissions(target, permissions(entry.getUnixMode()));
                }
            }
        }
        home = unpacked.resolve(FOLDER);
        launcher = home.resolve("bin/backup-doctor");
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first: bit 8 down to bit 0
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    /** Runs {@code command} in the unpacked folder with the test's Java as JAVA_HOME and the shared cache. */
    private Run run(List<String> command, String input, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        // The java launcher announces these on standard error.
        env.keySet().removeAll(List.of("BACKUP_DOCTOR_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("XDG_CACHE_HOME", cache.toString());
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            if (entry.getValue() == null) {
                env.remove(entry.getKey());
            } else {
                env.put(entry.getKey(), entry.getValue());
            }
        }
        Path in = Files.writeString(temp.resolve("stdin.txt"), input);
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        Process process = builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // Only a safety net against a hanging build: a run takes about a second.
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run backupDoctor(String... args) throws Exception {
        return backupDoctor(Map.of(), args);
    }

    private Run backupDoctor(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return run(command, "", environment);
    }

    @Test
    void theZipHoldsAnExecutableLauncherTheJarAndTheCommandLinesOptionalDependencies() throws IOException {
        assertThat(Files.getPosixFilePermissions(launcher)).isEqualTo(permissions(0755));
        assertThat(jars("lib")).contains("backup-doctor-" + VERSION + ".jar")
                .anyMatch(jar -> jar.startsWith("picocli-")).anyMatch(jar -> jar.startsWith("slf4j-simple-"))
                .anyMatch(jar -> jar.startsWith("drools-core-")).anyMatch(jar -> jar.startsWith("jackson-databind-"))
                .noneMatch(jar -> jar.startsWith("junit-") || jar.startsWith("assertj-"));
        assertThat(jars("lib/extras")).anyMatch(jar -> jar.startsWith("jte-runtime-")).anyMatch(jar -> jar.startsWith("dd-plist-"))
                .anyMatch(jar -> jar.startsWith("javalin-")).anyMatch(jar -> jar.startsWith("mcp-core-"));
        assertThat(jars("lib/compiler")).anyMatch(jar -> jar.startsWith("drools-model-codegen-"))
                .anyMatch(jar -> jar.startsWith("ecj-")).anyMatch(jar -> jar.startsWith("javaparser-core-"));
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("LICENSE")).exists();
    }

    private static List<String> jars(String folder) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve(folder))) {
            return jars.map(jar -> jar.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }
    }

    /**
     * The class path the launcher gives each command, as the JVM reports it: lib/ alone for the
     * short commands, lib/extras/ for the others, lib/compiler/ with --rules or an @file. That the
     * short commands work on lib/ alone, every path of theirs, is shown by running them.
     */
    @Test
    void aShortCommandRunsOnLibAloneOthersGetTheExtrasAndRulesOfOnesOwnTheCompiler() throws Exception {
        Map<String, String> showClassPath = Map.of("BACKUP_DOCTOR_OPTS", "-XshowSettings:properties");
        String snapshot = "examples/snapshots/weak-wifi-iphone-8.json";
        for (List<String> command : List.of(List.of("diagnose", snapshot), List.of("diagnose", "--format", "json", snapshot),
                List.of("diagnose", "--explain", snapshot), List.of("explain", snapshot, "RESTART_IPHONE"),
                List.of("catalog"), List.of("catalog", "--format", "json"))) {
            Run run = backupDoctor(showClassPath, command.toArray(String[]::new));
            assertThat(run.status()).as(command + ": " + run.err()).isZero();
            assertThat(run.out()).as(command.toString()).isNotBlank();
            assertThat(run.err()).as(command.toString()).contains("/lib/backup-doctor-").doesNotContain("/lib/extras/", "/lib/compiler/");
        }
        Run consult = run(List.of(launcher.toString(), "consult", snapshot), "no\n".repeat(40), showClassPath);
        assertThat(consult.status()).as(consult.err()).isZero();
        assertThat(consult.err()).doesNotContain("/lib/extras/", "/lib/compiler/");

        assertThat(backupDoctor(showClassPath, "report", "--help").err()).contains("/lib/extras/").doesNotContain("/lib/compiler/");
        Run ownRules = backupDoctor(showClassPath, "diagnose", snapshot, "--rules", "examples/rules");
        assertThat(ownRules.status()).as(ownRules.err()).isZero();
        assertThat(ownRules.err()).contains("/lib/compiler/").doesNotContain("/lib/extras/");
        Path argumentFile = Files.writeString(temp.resolve("arguments.txt"), "--rules=examples/rules\n");
        Run fromFile = backupDoctor(showClassPath, "diagnose", snapshot, "@" + argumentFile);
        assertThat(fromFile.status()).as(fromFile.err()).isZero();
        assertThat(fromFile.err()).contains("/lib/compiler/");
        assertThat(fromFile.out()).isEqualTo(ownRules.out());
    }

    @Test
    void versionPrintsTheProjectsVersion() throws Exception {
        assertThat(backupDoctor("--version")).isEqualTo(new Run(0, "backup-doctor " + VERSION + "\n", ""));
    }

    /**
     * Every {@code backup-doctor} command of the README, in the unpacked folder (which carries the
     * examples). Where the README shows what it prints ({@code $ backup-doctor ...}), that is what it
     * prints, the person's answers ({@code > no}) given on standard input; {@code ...} ends a shown prefix.
     */
    @Test
    void theReadmesCommandsRunThroughTheLauncherAndPrintWhatItShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("target/" + ZIP.getFileName(), "share/" + FOLDER + "/bin");

        int run = 0;
        for (CodeBlock block : codeBlocks(readme)) {
            for (String command : block.lines()) {
                if (!command.startsWith("backup-doctor ") && !command.startsWith("$ backup-doctor ")) {
                    continue;
                }
                List<String> commandLine = new ArrayList<>(List.of(command.replaceFirst("^\\$ ", "").split(" ")));
                commandLine.set(0, launcher.toString());
                boolean shows = command.startsWith("$ ");
                List<String> shown = shows ? block.lines().subList(1, block.lines().size()) : List.of();
                String answers = shown.stream().filter(line -> line.startsWith("> "))
                        .map(line -> line.substring(2) + "\n").collect(Collectors.joining());

                Run result = run(commandLine, answers, Map.of());

                int expectedStatus = block.paragraphBefore().contains("exit status 2") ? 2 : 0;
                assertThat(result.status()).as(command + "\n" + result.err()).isEqualTo(expectedStatus);
                assertThat(result.err()).as(command).doesNotContain("Exception", "\tat ");
                if (!shows) {
                    assertThat(result.out()).as(command).isNotBlank();
                } else if (shown.get(shown.size() - 1).equals("...")) {
                    assertThat(result.out()).as(command).startsWith(text(shown.subList(0, shown.size() - 1)));
                } else {
                    // The person's answers are typed after the prompt "> "; standard output holds the prompt alone.
                    assertThat(result.out()).as(command).isEqualTo(text(shown).replaceAll("(?m)^> .*\n", "> "));
                }
                run++;
            }
        }
        assertThat(run).as("README commands run").isGreaterThanOrEqualTo(5);
    }

    record CodeBlock(String paragraphBefore, List<String> lines) {
    }

    /** The fenced blocks of a Markdown text, each with the paragraph just before it. */
    private static List<CodeBlock> codeBlocks(String markdown) {
        List<CodeBlock> blocks = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        List<String> code = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```") && code == null) {
                code = new ArrayList<>();
            } else if (line.startsWith("```")) {
                String[] paragraphs = prose.toString().strip().split("\n\n");
                blocks.add(new CodeBlock(paragraphs[paragraphs.length - 1], code));
                prose.setLength(0);
                code = null;
            } else if (code != null) {
                code.add(line);
            } else {
                prose.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static String text(List<String> lines) {
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    /** The first run writes the class data archive, the second maps it: neither prints a word of the JVM's own. */
    @Test
    void theClassDataArchiveIsMadeOnceAndStandardOutputHoldsOnlyThePlan(@TempDir Path ownCache) throws Exception {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", ownCache.toString());
        Run first = backupDoctor(environment, "diagnose", "examples/snapshots/apple-outage.json", "--format", "json");
        List<Path> archives = archives(ownCache);
        Run second = backupDoctor(environment, "diagnose", "examples/snapshots/apple-outage.json", "--format", "json");

        assertThat(first.status()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(JSON.readTree(first.out()).get("actions").get(0).get("id").asText()).isEqualTo("WAIT_FOR_ICLOUD_SERVICE");
        assertThat(second).isEqualTo(first);
        assertThat(archives).singleElement().satisfies(archive -> assertThat(Files.size(archive)).isPositive());
    }

    /**
     * Rules of one's own: Java 17 crashes writing an archive that holds classes compiled at run
     * time, so none is written; the archive of the same command without them is mapped instead.
     */
    @Test
    void withRulesOfOnesOwnNoArchiveIsWrittenAndTheOneWithoutThemIsMapped(@TempDir Path ownCache) throws Exception {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", ownCache.toString());
        String snapshot = "examples/snapshots/managed-profile-blocks-backup.json";
        Run before = backupDoctor(environment, "diagnose", snapshot, "--rules", "examples/rules");
        assertThat(before.status()).as(before.err()).isZero();
        assertThat(archives(ownCache)).isEmpty();

        assertThat(backupDoctor(environment, "diagnose", snapshot).status()).isZero();
        assertThat(archives(ownCache)).hasSize(1);
        Path classes = temp.resolve("classes.txt");
        Map<String, String> logClasses = Map.of("XDG_CACHE_HOME", ownCache.toString(),
                "BACKUP_DOCTOR_OPTS", "-Xlog:class+load=info:file=" + classes);
        Run after = backupDoctor(logClasses, "diagnose", snapshot, "--rules", "examples/rules");

        assertThat(after).isEqualTo(before);
        assertThat(archives(ownCache)).hasSize(1);
        assertThat(Files.readAllLines(classes)).anyMatch(line -> line.contains(" dev.backupdoctor.cli.Main source: shared objects file"));
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache.resolve("backup-doctor"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache.resolve("backup-doctor"))) {
            return files.toList();
        }
    }

    /** A jar changed in place after the archive was written gets an archive of its own. */
    @Test
    void aJarChangedInPlaceGetsANewArchive(@TempDir Path ownCache) throws Exception {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", ownCache.toString());
        assertThat(backupDoctor(environment, "--version").status()).isZero();
        Path jar = home.resolve("lib/backup-doctor-" + VERSION + ".jar");
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        Run again;
        try {
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(built.toMillis() + 60_000));
            again = backupDoctor(environment, "--version");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }

        assertThat(again).isEqualTo(new Run(0, "backup-doctor " + VERSION + "\n", ""));
        assertThat(archives(ownCache)).hasSize(2);
    }

    @Test
    void withoutAWritableCacheItRunsWithoutTheArchive() throws Exception {
        Run run = backupDoctor(Map.of("XDG_CACHE_HOME", "/proc/no-such-cache", "HOME", "/proc/no-such-home"), "--version");

        assertThat(run).isEqualTo(new Run(0, "backup-doctor " + VERSION + "\n", ""));
    }

    @Test
    void argumentsAndTheExitStatusPassThroughUnchanged() throws Exception {
        Path odd = Files.copy(home.resolve("examples/snapshots/apple-outage.json"), temp.resolve("my phone's *.json"));

        Run plan = backupDoctor("diagnose", odd.toString(), "--format", "json");
        Run missing = backupDoctor("diagnose", temp.resolve("no such phone.json").toString());

        assertThat(plan.status()).isZero();
        assertThat(plan.out()).startsWith("{\"id\":");
        assertThat(missing).isEqualTo(new Run(2, "", temp.resolve("no such phone.json") + ": no such file\n"));
    }

    @Test
    void itFindsItsLibThroughAChainOfSymlinks() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path first = Files.createSymbolicLink(temp.resolve("first-link"), launcher);
        Path second = Files.createSymbolicLink(bin.resolve("backup-doctor"), Path.of("../first-link"));

        Run run = run(List.of(second.toString(), "--version"), "", Map.of());

        assertThat(first).isSymbolicLink();
        assertThat(run).isEqualTo(new Run(0, "backup-doctor " + VERSION + "\n", ""));
    }

    @Test
    void backupDoctorOptsComeAfterTheDefaultsSoTheyWin() throws Exception {
        Run run = backupDoctor(Map.of("BACKUP_DOCTOR_OPTS", "-Xmx300m -XX:+PrintCommandLineFlags"), "--version");

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).last().isEqualTo("backup-doctor " + VERSION);
        assertThat(run.out().lines().findFirst().orElseThrow())
                .contains("-XX:MaxHeapSize=314572800", "-XX:+UseSerialGC");
    }

    @Test
    void theZipsPicocliIsCompiledForJava17SoThatTheClassArchiveCanHoldIt() throws IOException {
        List<Path> picocli;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            picocli = lib.filter(jar -> jar.getFileName().toString().startsWith("picocli-")).toList();
        }
        assertThat(picocli).singleElement().satisfies(jar -> assertThat(jar.getFileName().toString()).endsWith("-java17.jar"));
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(picocli.get(0).toFile());
                InputStream commandLine = jar.getInputStream(jar.getEntry("picocli/CommandLine.class"))) {
            byte[] header = commandLine.readNBytes(8);
            assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff)).as("class file major version").isEqualTo(61);
        }
    }

    @Test
    void aShortCommandRunsOnOneC1CompilerThreadUnlessBackupDoctorOptsChooseTheCompiler() throws Exception {
        Run short_ = backupDoctor(Map.of("BACKUP_DOCTOR_OPTS", "-XX:+PrintCommandLineFlags"), "catalog", "--format", "json");
        Run withC2 = backupDoctor(Map.of("BACKUP_DOCTOR_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintCommandLineFlags"), "catalog",
                "--format", "json");

        assertThat(short_.status()).isZero();
        assertThat(short_.out().lines().findFirst().orElseThrow()).contains("-XX:CICompilerCount=1", "-XX:TieredStopAtLevel=1");
        assertThat(withC2.status()).as(withC2.err()).isZero();
        assertThat(withC2.out().lines().findFirst().orElseThrow()).contains("-XX:TieredStopAtLevel=4")
                .doesNotContain("-XX:CICompilerCount=1");
    }

    @Test
    void sharingSwitchedOffInBackupDoctorOptsLeavesTheArchiveAlone(@TempDir Path ownCache) throws Exception {
        Run run = backupDoctor(Map.of("BACKUP_DOCTOR_OPTS", "-Xshare:off", "XDG_CACHE_HOME", ownCache.toString()), "--version");

        assertThat(run).isEqualTo(new Run(0, "backup-doctor " + VERSION + "\n", ""));
        assertThat(ownCache).isEmptyDirectory();
    }

    /** A folder of links to what the launcher uses besides java, for a PATH without one. */
    private Path toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(temp.resolve("tools"));
        for (String tool : List.of("sh", "readlink", "sed", "ls", "cksum", "mkdir")) {
            Path found = Stream.of("/usr/bin", "/bin").map(folder -> Path.of(folder, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        return tools;
    }

    /** A {@code JAVA_HOME} whose java only says what version it is, and fails if it is asked to run anything. */
    private Path fakeJavaHome(String release, String versionLine) throws IOException {
        Path javaHome = Files.createDirectories(temp.resolve("old-java"));
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n[ \"$1\" = -version ] && echo '" + versionLine + "' >&2 && exit 0\necho ran >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, permissions(0755));
        if (release != null) {
            Files.writeString(javaHome.resolve("release"), release);
        }
        return javaHome;
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", toolsWithoutJava().toString());

        Run run = run(List.of(launcher.toString(), "--version"), "", environment);

        assertThat(run).isEqualTo(new Run(1, "", "backup-doctor: no java found: install Java 17 or later, or set JAVA_HOME to one\n"));
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("not-a-jdk"));

        Run run = backupDoctor(Map.of("JAVA_HOME", empty.toString()), "--version");

        assertThat(run).isEqualTo(new Run(1, "", "backup-doctor: JAVA_HOME is " + empty + ", but " + empty
                + "/bin/java is not a program; set JAVA_HOME to a Java 17 or later, or unset it to use the java on the PATH\n"));
    }

    @Test
    void aJavaOlderThan17IsRefusedByItsReleaseFile() throws Exception {
        Path javaHome = fakeJavaHome("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.22\"\n", "should not be asked");

        Run run = backupDoctor(Map.of("JAVA_HOME", javaHome.toString()), "--version");

        assertThat(run).isEqualTo(new Run(1, "",
                "backup-doctor: " + javaHome + "/bin/java is Java 11.0.22; Java 17 or later is needed (set JAVA_HOME to one)\n"));
    }

    @Test
    void aJavaOlderThan17IsRefusedByItsOwnWordWithoutAReleaseFile() throws Exception {
        Path javaHome = fakeJavaHome(null, "openjdk version \"1.8.0_402\"");

        Run run = backupDoctor(Map.of("JAVA_HOME", javaHome.toString()), "--version");

        assertThat(run).isEqualTo(new Run(1, "",
                "backup-doctor: " + javaHome + "/bin/java is Java 1.8.0_402; Java 17 or later is needed (set JAVA_HOME to one)\n"));
    }

    @Test
    void aJavaThatWontSayItsVersionIsNamed() throws Exception {
        Path javaHome = fakeJavaHome(null, "no version here");

        Run run = backupDoctor(Map.of("JAVA_HOME", javaHome.toString()), "--version");

        assertThat(run).isEqualTo(new Run(1, "",
                "backup-doctor: could not tell the version of " + javaHome + "/bin/java (Java 17 or later is needed)\n"));
    }
}
