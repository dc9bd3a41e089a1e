package dev.backupdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.BackupMessage;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No user-facing catalog string is left in Java: with every message file translated into a
 * pseudo-language (each letter of the text accented, placeholders and select keywords kept), no
 * title, instruction, reason or caution of any plan holds an unaccented letter, except in what
 * comes from the snapshot itself (a model, an app's or a device's name).
 */
class PseudoLocaleTest {

    /** The pseudo-locale of Android and Windows for accented English. */
    private static final Locale PSEUDO = Locale.forLanguageTag("en-XA");
    private static final String ACCENTED = "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ";

    private static final List<Path> written = new ArrayList<>();
    private static Path folder;

    /**
     * The pseudo-language's files, on the test class path (never the main one, which is packaged),
     * for as long as this test runs: the folder goes too, since while it is there it hides the
     * built-in rules' folder from a class path lookup.
     */
    @BeforeAll
    static void writePseudoLocaleFiles() throws IOException, URISyntaxException {
        Path rules = Path.of(PseudoLocaleTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Wording.LOCATION);
        folder = Files.createDirectories(rules);
        for (String file : Wording.FILES) {
            Properties english = new Properties();
            try (Reader reader = new InputStreamReader(Wording.class.getClassLoader()
                    .getResourceAsStream(Wording.LOCATION + file + ".properties"), StandardCharsets.UTF_8)) {
                english.load(reader);
            }
            Properties pseudo = new Properties();
            for (String key : english.stringPropertyNames()) {
                String value = english.getProperty(key);
                pseudo.setProperty(key, key.endsWith(".forEach") ? value : accented(value));
            }
            Path translated = rules.resolve(file + "_en_XA.properties");
            try (Writer writer = Files.newBufferedWriter(translated, StandardCharsets.UTF_8)) {
                pseudo.store(writer, null);
            }
            written.add(translated);
        }
    }

    @AfterAll
    static void removePseudoLocaleFiles() throws IOException {
        for (Path file : written) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }

    @Test
    void everyTextOfEveryPlanComesFromTheMessageFiles() {
        BackupDoctor doctor = BackupDoctor.builder().language(PSEUDO).build();
        Set<String> seen = new HashSet<>();
        List<DeviceSnapshot> snapshots = new ArrayList<>();
        BackupMessage[] messages = BackupMessage.values();
        for (DeviceSnapshot random : RandomSnapshots.generate(25, 5_000)) {
            // The random snapshots leave what Back Up Now showed unknown, as the mirrors they serve do.
            snapshots.add(random);
            snapshots.add(random.with(random.icloud().withBackupMessage(messages[snapshots.size() / 2 % messages.length])));
        }
        for (DeviceSnapshot snapshot : snapshots) {
            for (Action action : doctor.diagnose(snapshot).actions()) {
                List<String> texts = new ArrayList<>(action.instructions());
                texts.add(action.title());
                texts.add(action.reason());
                if (action.caution() != null) {
                    texts.add(action.caution());
                }
                for (String text : texts) {
                    assertThat(withoutFacts(text, snapshot)).as("%s %s of %s", action.kind(), action.id(), snapshot)
                            .doesNotContainPattern("[A-Za-z]");
                }
                seen.add(action.kind() + " " + action.id());
            }
        }
        assertThat(seen).as("every entry and kind was worded").hasSize(Stream.of(Remedy.values()).mapToInt(r -> r.kinds().size()).sum());
    }

    @Test
    void theCatalogTitlesComeFromTheMessageFilesToo() {
        assertThat(BackupDoctor.builder().language(PSEUDO).build().catalog())
                .allSatisfy(entry -> assertThat(entry.title()).doesNotContainPattern("[A-Za-z]"));
    }

    @Test
    void aLanguageWithoutMessageFilesIsEnglish() {
        assertThat(BackupDoctor.builder().language(Locale.JAPANESE).build().catalog().get(0).title()).isEqualTo("Allow iCloud Backup");
    }

    /** The text with what the snapshot itself supplies taken out: names and models are the person's, not ours. */
    private static String withoutFacts(String text, DeviceSnapshot snapshot) {
        List<String> names = new ArrayList<>();
        if (snapshot.device().model() != null) {
            names.add(snapshot.device().model());
        }
        if (snapshot.storage().appBackups() != null) {
            snapshot.storage().appBackups().stream().map(AppBackup::app).forEach(names::add);
        }
        if (snapshot.storage().otherDeviceBackups() != null) {
            snapshot.storage().otherDeviceBackups().stream().map(DeviceBackup::device).forEach(names::add);
        }
        names.sort((a, b) -> b.length() - a.length());
        for (String name : names) {
            text = text.replace(name, "");
        }
        return text;
    }

    /** Every letter of the pattern's own text accented; placeholders, select keywords and syntax as they were. */
    static String accented(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        TreeMap<Integer, Integer> text = new TreeMap<>();
        for (int i = 0; i + 1 < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            MessagePattern.Part.Type type = part.getType();
            if (type == MessagePattern.Part.Type.MSG_START || type == MessagePattern.Part.Type.ARG_LIMIT
                    || type == MessagePattern.Part.Type.SKIP_SYNTAX || type == MessagePattern.Part.Type.INSERT_CHAR) {
                text.put(part.getLimit(), parsed.getPart(i + 1).getIndex());
            }
        }
        StringBuilder accented = new StringBuilder(pattern);
        text.forEach((start, end) -> {
            for (int i = start; i < end; i++) {
                char c = pattern.charAt(i);
                int letter = c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? 26 + c - 'A' : -1;
                if (letter >= 0) {
                    accented.setCharAt(i, ACCENTED.charAt(letter));
                }
            }
        });
        return accented.toString();
    }
}
