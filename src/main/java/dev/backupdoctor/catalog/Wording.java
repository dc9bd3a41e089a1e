package dev.backupdoctor.catalog;

import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the built-in actions say: their titles, instructions, reasons and cautions, read from the
 * message files beside the rules ({@code rules/NN-step.properties}, one per step), in ICU's message
 * format with named placeholders: a knowledge engineer corrects a sentence, or adds a language,
 * without touching Java. A file for another language ({@code 02-wifi_de.properties}) holds what it
 * translates; the rest falls back to English.
 *
 * <p>Keys are {@code ID.part} or {@code ID.KIND.part}, the kind's own wording winning:
 * {@code title}, {@code instructions.N} (in the order of N), {@code reason}, {@code caution}. An
 * instruction with {@code instructions.N.forEach = LIST} is written once per entry of that list.
 */
public final class Wording {

    /** Where the rules and their message files are, on the class path. */
    static final String LOCATION = "dev/backupdoctor/rules/";

    /**
     * The message files, one per step of the catalog: the names of the rule files they word. A
     * step in a pair of files of its own is named here too; one more entry in a step's files is not.
     */
    static final List<String> FILES = List.of("01-icloud-backup-switch", "02-wifi", "03-power", "04-icloud-storage",
            "05-apple-system-status", "06-sign-out-and-in", "07-restart", "08-reset-settings", "09-update-ios",
            "10-app-breaking-backup", "11-back-up-with-a-computer");

    private static final String[] PARTS = {"title", "reason", "caution"};

    /** How a size reads ("3.2 GB"), from its {@code amount} and {@code unit} (GB, MB or bytes). */
    private static final String SIZE = "size";

    /** English, the wording the project writes; built on first use and kept. */
    private static final class English {
        static final Wording WORDING = new Wording(Locale.ROOT);
    }

    private final Properties messages;
    private final Locale language;
    /** Each entry's templates, by kind, made the first time they are asked for: a diagnosis uses a few of them. */
    private final Map<Remedy, Map<Kind, Template>> templates = new ConcurrentHashMap<>();
    private volatile Message size;

    private Wording(Locale locale) {
        this.messages = read(locale);
        // The message files without a language's suffix are English, whose plural rules the root locale lacks.
        this.language = locale.equals(Locale.ROOT) ? Locale.ENGLISH : locale;
    }

    /**
     * The English wording of the built-in catalog.
     *
     * @return the shared instance, whose message files are read the first time it is asked for
     * @throws IllegalStateException if a message file is missing
     */
    public static Wording english() {
        return English.WORDING;
    }

    /**
     * The wording in a language: its message files ({@code 02-wifi_de.properties} beside
     * {@code 02-wifi.properties}, on Backup Doctor's class path) where they have a message, English
     * elsewhere.
     *
     * @param locale the language; {@link Locale#ROOT} or one without message files is English
     * @return the wording, its files read now
     * @throws IllegalStateException if a message file is missing
     */
    public static Wording of(Locale locale) {
        return locale.equals(Locale.ROOT) ? english() : new Wording(locale);
    }

    /**
     * The wording of one entry proposed as one kind.
     *
     * @param remedy the catalog entry
     * @param kind one of the kinds the entry declares
     * @return its template, which the facts fill in; made the first time it is asked for
     * @throws IllegalArgumentException if the entry doesn't declare that kind
     * @throws IllegalStateException if its messages lack a title, a reason or an instruction
     */
    public Template template(Remedy remedy, Kind kind) {
        if (!remedy.kinds().contains(kind)) {
            throw new IllegalArgumentException(remedy + " is not proposed as a " + kind + ": its catalog entry declares "
                    + remedy.kinds());
        }
        return templates.computeIfAbsent(remedy, entry -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, asKind -> template(messages, remedy, asKind, size(), language));
    }

    /** How a size reads, which every template that quotes one shares. */
    private Message size() {
        Message read = size;
        if (read == null) {
            String pattern = messages.getProperty(SIZE);
            if (pattern == null) {
                throw new IllegalStateException("the message files don't say how a size reads: they need a \"" + SIZE + "\"");
            }
            size = read = new Message(pattern, language);
        }
        return read;
    }

    /**
     * The entry's title for the catalog and the fleet report: the one its kinds share.
     *
     * @param remedy the catalog entry
     * @return e.g. "Connect to Wi-Fi"
     */
    public String title(Remedy remedy) {
        return template(remedy, remedy.kinds().iterator().next()).title(remedy);
    }

    private static Template template(Properties messages, Remedy remedy, Kind kind, Message size, Locale language) {
        String own = remedy.id() + "." + kind + ".";
        String shared = remedy.id() + ".";
        Map<String, Message> parts = new HashMap<>();
        for (String part : PARTS) {
            String pattern = messages.getProperty(own + part, messages.getProperty(shared + part));
            if (pattern != null) {
                parts.put(part, new Message(pattern, language));
            }
        }
        String instructions = hasInstructions(messages, own) ? own : shared;
        List<Template.Line> lines = new ArrayList<>();
        for (int number : instructionNumbers(messages, instructions)) {
            String key = instructions + "instructions." + number;
            lines.add(new Template.Line(new Message(messages.getProperty(key), language),
                    messages.getProperty(key + ".forEach")));
        }
        String where = "the message files' " + remedy.id() + (kind == remedy.kinds().iterator().next() ? "" : "." + kind);
        if (!parts.containsKey("title") || !parts.containsKey("reason") || lines.isEmpty()) {
            throw new IllegalStateException(where + " needs a title, a reason and at least one instruction");
        }
        return new Template(remedy, kind, parts.get("title"), List.copyOf(lines), parts.get("reason"), parts.get("caution"), size);
    }

    private static boolean hasInstructions(Properties messages, String prefix) {
        return messages.stringPropertyNames().stream().anyMatch(key -> key.startsWith(prefix + "instructions."));
    }

    /** The numbers N of {@code PREFIXinstructions.N}, in numeric order. */
    private static List<Integer> instructionNumbers(Properties messages, String prefix) {
        String start = prefix + "instructions.";
        return messages.stringPropertyNames().stream()
                .filter(key -> key.startsWith(start) && key.indexOf('.', start.length()) < 0)
                .map(key -> {
                    try {
                        return Integer.valueOf(key.substring(start.length()));
                    } catch (NumberFormatException notANumber) {
                        throw new IllegalStateException("the message files' " + key + ": an instruction is numbered with a whole number");
                    }
                })
                .sorted()
                .toList();
    }

    /** English, then each more specific language's files over it ({@code de}, then {@code de_CH}). */
    private static Properties read(Locale locale) {
        Properties messages = new Properties();
        List<Locale> candidates = new ArrayList<>(ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)
                .getCandidateLocales("", locale));
        Collections.reverse(candidates);
        for (Locale candidate : candidates) {
            String suffix = candidate.equals(Locale.ROOT) ? "" : "_" + candidate;
            for (String file : FILES) {
                String name = LOCATION + file + suffix + ".properties";
                try (InputStream in = Wording.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        if (suffix.isEmpty()) {
                            throw new IllegalStateException("the catalog's message file " + name + " is not on the class path");
                        }
                        continue;
                    }
                    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        messages.load(reader);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("the catalog's message file " + name + " can't be read", e);
                }
            }
        }
        return messages;
    }
}
