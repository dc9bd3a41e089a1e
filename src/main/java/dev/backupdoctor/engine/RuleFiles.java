package dev.backupdoctor.engine;

import dev.backupdoctor.problems.RuleProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads DRL files from the places a caller names: a file, a folder, or a classpath location. Nothing
 * else. Each file and each place is bounded in size before anything is compiled: compiling costs
 * far more than the text's size (a 9 MB file took two minutes and 7 GB).
 */
final class RuleFiles {

    /** The knowledge base shipped in this jar: the DRL files of the project's {@code rules/} folder. */
    static final String BUILT_IN = "dev/backupdoctor/rules";

    /** How much of a problem's message is shown: the compiler's can carry generated Java or a stack trace. */
    private static final int MAX_MESSAGE = 300;

    /** The plan's types were in the facts package once: a rule file written then is told what to import now. */
    private static final Pattern PLAN_TYPE_NOT_FOUND = Pattern.compile(
            "Unable to find class:? '?(?:dev\\.backupdoctor\\.facts\\.)?(Action|Kind|Evidence|PlanDraft|TriedAction|OtherRemedies|CatalogEntry)'?");

    private RuleFiles() {
    }

    /**
     * One problem in a rule file. The message is made one line, the first of the compiler's, cut to
     * {@value #MAX_MESSAGE} characters, so that a message carrying generated Java or a stack trace
     * stays one line of output.
     */
    static RuleProblem problem(String file, int line, int column, String message) {
        String text = oneLine(message);
        Matcher planType = PLAN_TYPE_NOT_FOUND.matcher(text);
        if (planType.matches()) {
            text += "; " + planType.group(1) + " is in dev.backupdoctor.plan: " + (planType.group(1).equals("PlanDraft")
                    ? "global dev.backupdoctor.plan.PlanDraft plan" : "import dev.backupdoctor.plan.*");
        }
        return new RuleProblem(file, line, column, text);
    }

    private static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.length() <= MAX_MESSAGE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_MESSAGE - 2);
        return line.substring(0, cut > MAX_MESSAGE / 2 ? cut : MAX_MESSAGE - 2).stripTrailing() + " …";
    }

    /** A {@code .drl} file, or every {@code .drl} file below a folder, in name order. */
    static List<RuleSource> fromPath(Path path, List<RuleProblem> problems) {
        if (!Files.exists(path)) {
            problems.add(problem(path.toString(), 0, 0, "no such file or directory"));
            return List.of();
        }
        try {
            if (Files.isDirectory(path)) {
                int problemsBefore = problems.size();
                List<RuleSource> sources = readFolder(path, path.toString(), problems);
                if (sources.isEmpty() && problems.size() == problemsBefore) {
                    problems.add(problem(path.toString(), 0, 0, "contains no .drl files"));
                }
                return sources;
            }
            return readFile(path, path.toString(), problems);
        } catch (IOException e) {
            problems.add(problem(path.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** A {@code .drl} resource, or every {@code .drl} resource below a classpath folder, in name order. */
    static List<RuleSource> fromClasspath(ClassLoader loader, String location, List<RuleProblem> problems) {
        String name = location.startsWith("/") ? location.substring(1) : location;
        URL url = loader.getResource(name);
        if (url == null) {
            problems.add(problem("classpath:" + name, 0, 0, "not found on the classpath"));
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readPath(Path.of(uri), "classpath:" + name, problems);
            }
            String jarAndEntry = uri.getSchemeSpecificPart();
            int separator = jarAndEntry.indexOf("!/");
            try (FileSystem jar = openJar(uri, URI.create(jarAndEntry.substring(0, separator)))) {
                return readPath(jar.getPath(jarAndEntry.substring(separator + 1)), "classpath:" + name, problems);
            }
        } catch (IOException | URISyntaxException | UnsupportedOperationException e) {
            problems.add(problem("classpath:" + name, 0, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** A private file system for the jar, so closing it never closes one another caller has open. */
    private static FileSystem openJar(URI jarUri, URI jarFile) throws IOException {
        try {
            return FileSystems.newFileSystem(jarUri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.newFileSystem(Path.of(jarFile), (ClassLoader) null);
        }
    }

    private static List<RuleSource> readPath(Path path, String displayName, List<RuleProblem> problems) throws IOException {
        return Files.isDirectory(path) ? readFolder(path, displayName, problems) : readFile(path, displayName, problems);
    }

    /** Every {@code .drl} file below the folder, unless they are more than {@link Knowledge#MAX_RULE_FOLDER_BYTES} together. */
    private static List<RuleSource> readFolder(Path folder, String displayName, List<RuleProblem> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f)).sorted().toList();
        }
        // A file over its own limit is named when it is read; the folder's limit adds up the others.
        long total = 0;
        for (Path file : files) {
            long size = Files.size(file);
            total += size <= Knowledge.MAX_RULE_FILE_BYTES ? size : 0;
        }
        if (total > Knowledge.MAX_RULE_FOLDER_BYTES) {
            problems.add(problem(displayName, 0, 0, String.format(Locale.ROOT,
                    "its .drl files are %,d bytes together, more than the %,d bytes allowed for one folder", total,
                    Knowledge.MAX_RULE_FOLDER_BYTES)));
            return List.of();
        }
        List<RuleSource> sources = new ArrayList<>();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            sources.addAll(readFile(file, displayName + "/" + relative, problems));
        }
        return sources;
    }

    /** The file as UTF-8 text, if it is a regular file of at most {@link Knowledge#MAX_RULE_FILE_BYTES}, read no further. */
    private static List<RuleSource> readFile(Path file, String displayName, List<RuleProblem> problems) {
        try {
            // A pipe or a device would be read without end, or block.
            if (!Files.isRegularFile(file)) {
                problems.add(problem(displayName, 0, 0, "not a regular file"));
                return List.of();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // No further than one byte past the limit, whatever size the file claims or grows to.
                bytes = in.readNBytes(Knowledge.MAX_RULE_FILE_BYTES + 1);
            }
            if (bytes.length > Knowledge.MAX_RULE_FILE_BYTES) {
                problems.add(problem(displayName, 0, 0, String.format(Locale.ROOT,
                        "is more than the %,d bytes allowed for one rule file", Knowledge.MAX_RULE_FILE_BYTES)));
                return List.of();
            }
            return decode(bytes, displayName, problems).map(drl -> List.of(new RuleSource(displayName, drl))).orElse(List.of());
        } catch (IOException e) {
            problems.add(problem(displayName, 0, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** The text, or a problem pointing at the first byte that isn't UTF-8: its line, column and offset. */
    private static Optional<String> decode(byte[] bytes, String displayName, List<RuleProblem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
            problems.add(problem(displayName, line, column, String.format(Locale.ROOT,
                    "not UTF-8: byte 0x%02X at byte offset %,d can't be decoded; rule files are UTF-8", bytes[offset] & 0xFF, offset)));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }
}
