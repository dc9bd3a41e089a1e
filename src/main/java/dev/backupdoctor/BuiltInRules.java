package dev.backupdoctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The knowledge base shipped in this jar: the DRL files of the project's {@code rules/} folder. */
final class BuiltInRules {

    static final String LOCATION = "dev/backupdoctor/rules";

    private BuiltInRules() {
    }

    static List<RuleSource> sources() {
        URL folder = BuiltInRules.class.getClassLoader().getResource(LOCATION);
        if (folder == null) {
            throw new IllegalStateException("the built-in rules are missing from the classpath at " + LOCATION);
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(LOCATION));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rules", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the built-in rules", e);
        }
    }

    private static List<RuleSource> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".drl"))
                    .sorted()
                    .map(file -> new RuleSource(LOCATION + "/" + file.getFileName(), readString(file)))
                    .toList();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
