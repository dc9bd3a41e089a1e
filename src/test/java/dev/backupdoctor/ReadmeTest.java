package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.Restrictions;
import dev.backupdoctor.facts.ServiceStatus;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.OtherRemedies;
import dev.backupdoctor.plan.TriedAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's references are checked against the code, so they can't go stale. */
class ReadmeTest {

    static final List<Class<?>> FACT_TYPES = List.of(DeviceInfo.class, ICloudSettings.class, Restrictions.class,
            WifiStatus.class, PowerState.class, StorageStatus.class, AppBackup.class, DeviceBackup.class, ServiceStatus.class,
            TriedAction.class, OtherRemedies.class, Action.class);
    static final Set<String> NOT_PROPERTIES = Set.of("equals", "hashCode", "toString");

    static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theFactReferenceListsEveryPropertyARuleCanUseAndNoOthers() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (Class<?> type : FACT_TYPES) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && !NOT_PROPERTIES.contains(method.getName())) {
                    inCode.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| `(\\w+)` \\|").matcher(readme());
        Set<String> inReadme = new TreeSet<>();
        while (row.find()) {
            inReadme.add(row.group(1) + "." + row.group(2));
        }
        assertThat(inReadme).isEqualTo(inCode);
    }

    @Test
    void theRulesTableHasARowForEveryRuleFileAndEachFileItsMessagesBeside() throws IOException {
        String readme = readme();
        List<String> steps;
        try (Stream<Path> listing = Files.list(Path.of("rules"))) {
            steps = listing.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".drl"))
                    .map(name -> name.substring(0, name.length() - ".drl".length())).sorted().toList();
        }
        assertThat(steps).isNotEmpty();
        List<String> rows = readme.lines().filter(line -> line.matches("\\| `[\\w-]+` \\| (\\d|—) \\|.*"))
                .map(line -> line.substring(3, line.indexOf('`', 3))).toList();
        assertThat(rows).isEqualTo(steps);
        for (String step : steps) {
            boolean proposes = Files.readString(Path.of("rules", step + ".drl")).contains("@proposes(");
            assertThat(Files.exists(Path.of("rules", step + ".properties"))).as("the message file beside " + step + ".drl")
                    .isEqualTo(proposes);
        }
    }

    /** The embedding snippet, as a newcomer pastes it: its imports, then its statements in a main method. */
    @Test
    void theEmbeddingSnippetCompilesAndDiagnoses(@TempDir Path folder) throws Exception {
        String readme = readme();
        int embedding = readme.indexOf("## Embedding");
        int start = readme.indexOf("```java\n", embedding) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```\n", start));
        List<String> lines = snippet.lines().toList();
        String imports = lines.stream().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        String body = lines.stream().filter(line -> !line.startsWith("import ")).collect(Collectors.joining("\n"));
        Path source = folder.resolve("Snippet.java");
        Files.writeString(source, imports + "\npublic class Snippet {\n    public static void main(String[] args) throws Exception {\n"
                + body + "\n    }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", folder.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertThat(compiled).as(diagnostics.toString()).isTrue();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("Snippet").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("FIX Move closer to the Wi-Fi router: The Wi-Fi signal shows 1 of 3 bars")
                .contains("FIX Free up iCloud storage: iCloud has 0.8 GB free but the next backup needs 1.5 GB");
    }
}
