package dev.backupdoctor;

import static dev.backupdoctor.ExtensionTest.buildFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.engine.Knowledge;
import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.support.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files that are too large, not UTF-8, or that would silently replace a built-in rule, are refused before compiling. */
class RuleFileLimitsTest {

    private static final int MAX_RULE_FILE_BYTES = (int) Limits.of(Knowledge.class, "MAX_RULE_FILE_BYTES");
    private static final int MAX_RULE_FOLDER_BYTES = (int) Limits.of(Knowledge.class, "MAX_RULE_FOLDER_BYTES");

    @TempDir
    Path folder;

    /** A rule file of exactly {@code bytes} bytes that is all comment: quick to compile if it got that far. */
    private Path commentFile(String name, int bytes) throws IOException {
        String header = "package com.acme.big\n";
        return Files.writeString(folder.resolve(name), header + "//" + "x".repeat(bytes - header.length() - 2));
    }

    @Test
    void aRuleFileOverTheLimitIsRefusedWithItsSize() throws IOException {
        Path big = commentFile("big.drl", MAX_RULE_FILE_BYTES + 1);

        assertThat(buildFails(BackupDoctor.builder().addRules(folder)).problems()).extracting(RuleProblem::toString)
                .containsExactly(big + ":0:0: is more than the 262,144 bytes allowed for one rule file");
    }

    @Test
    void aRuleFileOverTheFolderLimitTooIsNamedItself() throws IOException {
        Path huge = commentFile("huge.drl", MAX_RULE_FOLDER_BYTES + 1);
        commentFile("small.drl", 100);

        assertThat(buildFails(BackupDoctor.builder().addRules(folder)).problems()).extracting(RuleProblem::toString)
                .containsExactly(huge + ":0:0: is more than the 262,144 bytes allowed for one rule file");
    }

    @Test
    void aRuleFileAtTheLimitIsRead() throws IOException {
        commentFile("big.drl", MAX_RULE_FILE_BYTES);

        assertThat(BackupDoctor.builder().addRules(folder).build().diagnose(Snapshots.allFine()).actionIds()).isNotEmpty();
    }

    @Test
    void aFolderOverTheLimitIsRefusedBeforeAnyOfItsFilesIsRead() throws IOException {
        int each = MAX_RULE_FOLDER_BYTES / 2;
        commentFile("a.drl", each);
        Files.createDirectories(folder.resolve("more"));
        commentFile("more/b.drl", each);
        Files.writeString(folder.resolve("more/c.drl"), "\n");

        assertThat(buildFails(BackupDoctor.builder().addRules(folder)).problems()).extracting(RuleProblem::toString)
                .containsExactly(folder + ":0:0: its .drl files are 524,289 bytes together, more than the 524,288 bytes"
                        + " allowed for one folder");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheLineColumnAndByteOffset() throws IOException {
        ByteArrayOutputStream drl = new ByteArrayOutputStream();
        drl.writeBytes("package com.acme.latin1\n\n// caf".getBytes(StandardCharsets.UTF_8));
        drl.write(0xE9);
        drl.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path latin1 = Files.write(folder.resolve("latin1.drl"), drl.toByteArray());
        Files.writeString(folder.resolve("fine.drl"), "package com.acme.fine\n");

        assertThat(buildFails(BackupDoctor.builder().addRules(folder)).problems()).extracting(RuleProblem::toString)
                .containsExactly(latin1 + ":3:7: not UTF-8: byte 0xE9 at byte offset 31 can't be decoded; rule files are UTF-8");
    }

    @Test
    void aRuleNamedAsABuiltInRuleOfItsPackageIsAnErrorThatSaysSo() {
        Path shadow = RuleFailuresTest.HOSTILE.resolve("shadow");

        assertThat(buildFails(BackupDoctor.builder().addRules(shadow)).problems()).extracting(RuleProblem::toString)
                .containsExactly(shadow + "/shadow.drl:5:1: rule \"Restart the iPhone\" has the package and name of a"
                        + " built-in rule, which it would silently replace: give it a name of its own, and to replace the"
                        + " built-in rule switch that one off (disableRule)");
    }

    @Test
    void aRuleFileThatIsNotARegularFileIsNotRead() {
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device), "needs /dev/null");

        assertThat(buildFails(BackupDoctor.builder().addRules(device)).problems()).extracting(RuleProblem::toString)
                .containsExactly("/dev/null:0:0: not a regular file");
    }
}
