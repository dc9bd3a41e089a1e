package dev.backupdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.DeviceSnapshot;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drools.base.util.Drools;
import org.junit.jupiter.api.Test;

/**
 * An application that depends on backup-doctor gets no DRL compiler (the pom declares it optional):
 * the built-in rules, compiled at build time, work without it, and rules of its own are refused
 * with a message naming the dependency to add. Run in a JVM whose class path lacks the compiler.
 */
class WithoutTheDrlCompilerTest {

    /** The child JVM's program: the built-in doctor's first action, then what adding rules gives. */
    public static final class Embedder {
        public static void main(String[] args) {
            BackupDoctor builtIn = BackupDoctor.builder().build();
            System.out.println(builtIn.diagnose(DeviceSnapshot.unknown()).actions().get(0).id());
            try {
                BackupDoctor.builder().addRules(Path.of("examples/rules")).build();
                System.out.println("built with rules of its own");
            } catch (IllegalStateException refused) {
                System.out.println(refused.getMessage());
            }
        }
    }

    @Test
    void theBuiltInRulesWorkAndRulesOfOnesOwnNameTheDependencyToAdd() throws Exception {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        assertThat(classPath.removeIf(entry -> entry.contains("drools-model-codegen"))).isTrue();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), Embedder.class.getName())
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(BackupDoctor.builder().build().diagnose(DeviceSnapshot.unknown()).actions().get(0).id() + "\n"
                + "compiling rules at run time needs org.drools:drools-model-codegen " + Drools.getFullVersion()
                + " on the class path (backup-doctor declares it optional: only rules added with addRules or"
                + " addClasspathRules need it)\n");
    }
}
