package dev.backupdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Backup Doctor writes its messages out itself; they read exactly as ICU formats them, whatever the facts. */
class MessageTest {

    @Test
    void everyMessageOfTheCatalogReadsAsIcuFormatsIt() throws IOException {
        int compared = 0;
        for (String file : Wording.FILES) {
            Properties messages = new Properties();
            try (Reader reader = new InputStreamReader(Wording.class.getClassLoader()
                    .getResourceAsStream(Wording.LOCATION + file + ".properties"), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            for (String key : messages.stringPropertyNames()) {
                if (!key.endsWith(".forEach")) {
                    compared += compare(messages.getProperty(key));
                }
            }
        }
        assertThat(compared).as("messages compared, from every file").isGreaterThan(150);
    }

    @Test
    void quotingSelectsAndPlaceholdersAgreeToo() {
        for (String pattern : List.of("It''s '{'literal'}' and {a}", "{a, select, x {one {b}} y {} other {two ''{b}''}}!",
                "'{a}' {b}", "{a, select, other {{b, select, z {deep} other {{a}}}}}", "")) {
            compare(pattern);
        }
    }

    @Test
    void aMessageUsingMoreOfTheFormatIsLeftToIcu() {
        Message plural = new Message("{n, plural, one {# day} other {# days}}", Locale.ENGLISH);
        assertThat(plural.format(Map.of("n", 1))).isEqualTo("1 day");
        assertThat(plural.format(Map.of("n", 3))).isEqualTo("3 days");
    }

    /** Each placeholder in turn takes each of its select's keywords, and a value none of them is, the others a plain value. */
    private static int compare(String pattern) {
        Message message = new Message(pattern, Locale.ENGLISH);
        Map<String, Set<String>> keywords = keywords(pattern);
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, Object> plain = new HashMap<>();
        keywords.keySet().forEach(name -> plain.put(name, "value of " + name));
        cases.add(plain);
        keywords.forEach((name, values) -> values.forEach(value -> {
            Map<String, Object> chosen = new HashMap<>(plain);
            chosen.put(name, value);
            cases.add(chosen);
        }));
        for (Map<String, Object> arguments : cases) {
            assertThat(message.format(arguments)).as("%s with %s", pattern, arguments)
                    .isEqualTo(new MessageFormat(pattern, ULocale.ROOT).format(arguments));
        }
        return 1;
    }

    private static Map<String, Set<String>> keywords(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<String, Set<String>> keywords = new HashMap<>();
        String argument = null;
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                argument = parsed.getSubstring(part);
                keywords.computeIfAbsent(argument, name -> new LinkedHashSet<>());
            } else if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                keywords.get(argument).add(parsed.getSubstring(part));
            }
        }
        return keywords;
    }
}
