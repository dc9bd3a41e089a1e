package dev.backupdoctor.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads DRL files from the places a caller names: a file, a folder, or a classpath location. Nothing else. */
final class RuleFiles {

    /** The knowledge base shipped in this jar: the DRL files of the project's {@code rules/} folder. */
    static final String BUILT_IN = "dev/backupdoctor/rules";

    private RuleFiles() {
    }

    /** A {@code .drl} file, or every {@code .drl} file below a folder, in name order. */
    static List<RuleSource> fromPath(Path path, List<SourceProblem> problems) {
        if (!Files.exists(path)) {
            problems.add(new SourceProblem(path.toString(), 0, 0, "no such file or directory"));
            return List.of();
        }
        try {
            if (Files.isDirectory(path)) {
                List<RuleSource> sources = readFolder(path, path.toString());
                if (sources.isEmpty()) {
                    problems.add(new SourceProblem(path.toString(), 0, 0, "contains no .drl files"));
                }
                return sources;
            }
            return List.of(new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            problems.add(new SourceProblem(path.toString(), 0, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** A {@code .drl} resource, or every {@code .drl} resource below a classpath folder, in name order. */
    static List<RuleSource> fromClasspath(ClassLoader loader, String location, List<SourceProblem> problems) {
        String name = location.startsWith("/") ? location.substring(1) : location;
        URL url = loader.getResource(name);
        if (url == null) {
            problems.add(new SourceProblem("classpath:" + name, 0, 0, "not found on the classpath"));
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readPath(Path.of(uri), "classpath:" + name);
            }
            String jarAndEntry = uri.getSchemeSpecificPart();
            int separator = jarAndEntry.indexOf("!/");
            try (FileSystem jar = openJar(uri, URI.create(jarAndEntry.substring(0, separator)))) {
                return readPath(jar.getPath(jarAndEntry.substring(separator + 1)), "classpath:" + name);
            }
        } catch (IOException | URISyntaxException | UnsupportedOperationException e) {
            problems.add(new SourceProblem("classpath:" + name, 0, 0, "cannot be read: " + e.getMessage()));
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

    private static List<RuleSource> readPath(Path path, String displayName) throws IOException {
        return Files.isDirectory(path)
                ? readFolder(path, displayName)
                : List.of(new RuleSource(displayName, Files.readString(path, StandardCharsets.UTF_8)));
    }

    private static List<RuleSource> readFolder(Path folder, String displayName) throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f))
                    .sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                sources.add(new RuleSource(displayName + "/" + relative, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return sources;
    }
}
