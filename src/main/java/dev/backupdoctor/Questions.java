package dev.backupdoctor;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.catalog.Sizes;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Ask;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the questions worth asking about a snapshot: for each unknown field, diagnose the snapshot
 * once per plausible answer and measure how much the plan would change.
 */
final class Questions {

    private static final long GB = 1_000_000_000L;
    /** The shortest reply taken as a fragment of a choice's words; shorter ones match too much. */
    private static final int MIN_FRAGMENT = 3;
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(kb|mb|gb|tb)");
    private static final Map<String, Long> UNITS = Map.of("kb", 1_000L, "mb", 1_000_000L, "gb", GB, "tb", 1_000 * GB);

    /** One askable field: when it is unknown, what it could plausibly be, and how a reply sets it. */
    private record Field(String name, String text, Question.Type type, List<String> choices,
            Predicate<DeviceSnapshot> unknown,
            Function<DeviceSnapshot, List<DeviceSnapshot>> whatIf,
            BiFunction<DeviceSnapshot, String, DeviceSnapshot> apply) {
    }

    /**
     * Every field the schema marks {@link Ask}, in the order of the troubleshooting steps, which
     * equally useful questions keep. The backup lists are not asked: each is read off the Backups
     * screen one entry at a time, not one reply, and the storage questions keep whatever is known of them.
     */
    private static final List<Field> FIELDS = Schema.asked().stream().map(Questions::field).toList();

    /** The question for a field of the schema: its kind decides the reply it takes and what it might be. */
    private static Field field(Schema.Field field) {
        Ask ask = field.ask();
        return switch (field.kind()) {
            case ANSWER -> {
                // An opposite question asks about what the field denies: "yes" sets it to NO.
                BiFunction<DeviceSnapshot, Answer, DeviceSnapshot> set = (s, answer) ->
                        Schema.with(s, field, ask.opposite() ? (answer == YES ? NO : YES) : answer);
                yield new Field(field.path(), ask.value(), Question.Type.YES_NO, List.of(),
                        s -> Schema.get(s, field) == UNKNOWN,
                        s -> List.of(set.apply(s, YES), set.apply(s, NO)),
                        (s, reply) -> set.apply(s, parseYesNo(reply)));
            }
            case NUMBER -> simple(field, Question.Type.NUMBER, List.of(),
                    reply -> parseWholeNumber(reply, (int) field.min(), (int) field.max()));
            case CHOICE -> simple(field, Question.Type.CHOICE, spoken(field), reply -> parseChoice(field, reply));
            case TEXT -> simple(field, Question.Type.TEXT, List.of(), Questions::requireText);
            case BYTES -> new Field(field.path(), ask.value(), Question.Type.SIZE, List.of(),
                    s -> Schema.get(s, field) == null,
                    Questions::storageWhatIfs,
                    (s, reply) -> withSize(s, field, parseSize(reply)));
            case VERSION -> new Field(field.path(), ask.value(), Question.Type.VERSION, List.of(),
                    s -> Schema.get(s, field) == null,
                    Questions::versionWhatIfs,
                    (s, reply) -> Schema.with(s, field, parseVersion(reply)));
            default -> throw new IllegalStateException(field.path() + ": a " + field.kind() + " can't be asked");
        };
    }

    /**
     * A field set by one reply, unknown while null or UNKNOWN, weighed with the replies its
     * {@link Ask#whatIf()} lists, or else with each choice, or with the least and the most it can be.
     */
    private static Field simple(Schema.Field field, Question.Type type, List<String> choices, Function<String, Object> parse) {
        List<String> whatIf = field.ask().whatIf().length > 0 ? List.of(field.ask().whatIf())
                : type == Question.Type.CHOICE ? choices
                : type == Question.Type.NUMBER ? List.of(String.valueOf(field.min()), String.valueOf(field.max()))
                : List.of();
        if (whatIf.isEmpty()) {
            throw new IllegalStateException(field.path() + ": @Ask needs whatIf replies to weigh the question with");
        }
        List<Object> values = whatIf.stream().map(parse).toList();
        return new Field(field.path(), field.ask().value(), type, choices,
                s -> isUnknown(Schema.get(s, field)),
                s -> values.stream().map(value -> Schema.with(s, field, value)).toList(),
                (s, reply) -> Schema.with(s, field, parse.apply(reply)));
    }

    private static boolean isUnknown(Object value) {
        return value == null || value instanceof Enum<?> constant && constant.name().equals("UNKNOWN");
    }

    /** An enum's constants as a person types them: "third-party" for THIRD_PARTY; UNKNOWN is what 'skip' is for. */
    private static List<String> spoken(Schema.Field field) {
        return field.choices().stream().filter(name -> !name.equals("UNKNOWN")).map(Questions::spokenForm).toList();
    }

    /**
     * A choice as a person types it: in any case, in quotes or not, as the constant's words or other
     * words its {@link Ask#alsoSaid()} lists, whole, as a fragment of one choice's words ("not enough"),
     * or in a sentence that holds them ("it said the last backup could not be completed").
     */
    private static Object parseChoice(Schema.Field field, String reply) {
        String said = spokenForm(reply);
        Map<String, Object> phrases = new LinkedHashMap<>();
        for (Object constant : field.type().getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (!name.equals("UNKNOWN")) {
                phrases.put(spokenForm(name), constant);
            }
        }
        for (String word : field.ask().alsoSaid()) {
            int equals = word.lastIndexOf('=');
            String name = word.substring(equals + 1);
            Object constant = Stream.of(field.type().getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(field.path() + ": @Ask alsoSaid names no constant " + name));
            phrases.put(spokenForm(word.substring(0, equals)), constant);
        }
        Object whole = phrases.get(said);
        if (whole != null) {
            return whole;
        }
        Set<Object> named = new LinkedHashSet<>();
        if (said.length() >= MIN_FRAGMENT) {
            phrases.forEach((phrase, constant) -> {
                if (phrase.startsWith(said) || phrase.contains("-" + said)) {
                    named.add(constant);
                }
            });
        }
        if (named.isEmpty()) {
            // The longest phrases the reply holds: "completed" within "could-not-be-completed" names nothing of its own.
            List<String> held = phrases.keySet().stream().filter(phrase -> ("-" + said + "-").contains("-" + phrase + "-")).toList();
            held.stream().filter(phrase -> held.stream().noneMatch(other -> !other.equals(phrase) && other.contains(phrase)))
                    .forEach(phrase -> named.add(phrases.get(phrase)));
        }
        if (named.size() == 1) {
            return named.iterator().next();
        }
        String choices = String.join(" or ", spoken(field));
        if (named.size() > 1) {
            throw new IllegalArgumentException("that could be " + named.stream().map(constant -> spokenForm(((Enum<?>) constant).name()))
                    .collect(Collectors.joining(" or ")) + "; answer " + choices);
        }
        throw new IllegalArgumentException("answer " + choices);
    }

    /** Lower case, without quotes or a full stop around it, words joined by hyphens: "third-party", "wi-fi-connection". */
    private static String spokenForm(String text) {
        String plain = text.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        plain = plain.replaceAll("^[\"'\u201c\u201d\u00ab\u00bb]+|[\"'\u201c\u201d\u00ab\u00bb.!?]+$", "");
        return plain.strip().replaceAll("[\\s_]+", "-");
    }

    /** A size set in the person's terms: one that can't be is told in GB or MB, not in bytes. */
    private static DeviceSnapshot withSize(DeviceSnapshot s, Schema.Field field, long bytes) {
        StorageStatus st = s.storage();
        if (field.name().equals("usedBytes") && st.totalBytes() != null && bytes > st.totalBytes()) {
            throw new IllegalArgumentException("that is more than the whole iCloud plan (" + Sizes.readable(st.totalBytes())
                    + "); answer at most " + Sizes.readable(st.totalBytes()));
        }
        if (field.name().equals("totalBytes") && st.usedBytes() != null && bytes < st.usedBytes()) {
            throw new IllegalArgumentException("that is less than what is already used (" + Sizes.readable(st.usedBytes())
                    + "); answer at least " + Sizes.readable(st.usedBytes()));
        }
        return Schema.with(s, field, bytes);
    }

    private final Function<DeviceSnapshot, Diagnosis> doctor;

    /** @param doctor diagnoses a what-if snapshot */
    Questions(Function<DeviceSnapshot, Diagnosis> doctor) {
        this.doctor = doctor;
    }

    /** The questions whose answer would change this snapshot's plan, the one that changes it most first. */
    List<Question> rank(DeviceSnapshot snapshot, Diagnosis current) {
        List<Question> questions = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!field.unknown().test(snapshot)) {
                continue;
            }
            List<DeviceSnapshot> alternatives = field.whatIf().apply(snapshot);
            double change = alternatives.stream().mapToDouble(alternative -> distance(current, doctor.apply(alternative)))
                    .average().orElse(0);
            if (change > 0) {
                questions.add(new Question(field.name(), field.text(), field.type(), field.choices(), change, field.apply()));
            }
        }
        // Stable: equally useful questions keep the order of the troubleshooting steps.
        questions.sort(Comparator.comparingDouble(Question::impact).reversed());
        return List.copyOf(questions);
    }

    /** Actions added or removed (by kind and id), plus half a point for each kept action whose instructions change. */
    static double distance(Diagnosis before, Diagnosis after) {
        Set<String> was = new HashSet<>();
        before.actions().forEach(action -> was.add(action.kind() + " " + action.id()));
        Set<String> is = new HashSet<>();
        after.actions().forEach(action -> is.add(action.kind() + " " + action.id()));
        double changed = 0;
        for (String key : was) {
            changed += is.contains(key) ? 0 : 1;
        }
        for (String key : is) {
            changed += was.contains(key) ? 0 : 1;
        }
        for (Action action : before.actions()) {
            Action same = after.action(action.id()).orElse(null);
            if (same != null && same.kind() == action.kind() && !same.instructions().equals(action.instructions())) {
                changed += 0.5;
            }
        }
        return changed;
    }

    /**
     * Storage sizes only matter together, so their what-ifs fill every unknown size at once: one
     * way the backup fits, the other it doesn't.
     */
    private static List<DeviceSnapshot> storageWhatIfs(DeviceSnapshot s) {
        StorageStatus st = s.storage();
        List<DeviceSnapshot> alternatives = new ArrayList<>();
        long total = Objects.requireNonNullElse(st.totalBytes(), Math.max(5 * GB, Objects.requireNonNullElse(st.usedBytes(), 0L)));
        long used = Objects.requireNonNullElse(st.usedBytes(), 0L);
        long fitting = Objects.requireNonNullElse(st.nextBackupBytes(), 0L);
        alternatives.add(s.with(sizes(st, st.totalBytes() == null ? Math.max(total, used + fitting) : total, used, fitting)));
        long fullUsed = Objects.requireNonNullElse(st.usedBytes(), total);
        long tooBig = Objects.requireNonNullElse(st.nextBackupBytes(), total - Math.min(fullUsed, total) + 1);
        alternatives.add(s.with(sizes(st, total, Math.min(fullUsed, total), tooBig)));
        return alternatives;
    }

    /** The sizes replaced and the backup lists kept; the total goes first so that used never exceeds it on the way. */
    private static StorageStatus sizes(StorageStatus st, long total, long used, long next) {
        return st.withTotalBytes(total).withUsedBytes(used).withNextBackupBytes(next);
    }

    /** Like storage, the two versions only matter together. */
    private static List<DeviceSnapshot> versionWhatIfs(DeviceSnapshot s) {
        DeviceInfo d = s.device();
        IosVersion known = d.iosVersion() != null ? d.iosVersion() : d.latestIosVersion();
        IosVersion newest = known != null ? known : IosVersion.parse("17");
        IosVersion older = IosVersion.parse("1");
        return List.of(
                s.with(d.withIosVersion(orElse(d.iosVersion(), newest))
                        .withLatestIosVersion(orElse(d.latestIosVersion(), newest))),
                s.with(d.withIosVersion(orElse(d.iosVersion(), older))
                        .withLatestIosVersion(orElse(d.latestIosVersion(), IosVersion.parse("999")))));
    }

    private static IosVersion orElse(IosVersion version, IosVersion otherwise) {
        return version != null ? version : otherwise;
    }

    static Answer parseYesNo(String reply) {
        return switch (reply.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> YES;
            case "no", "n", "false" -> NO;
            default -> throw new IllegalArgumentException("answer yes or no");
        };
    }

    /** A whole number, with or without a percent sign: "64" or "64 %". */
    static int parseWholeNumber(String reply, int min, int max) {
        String number = reply.endsWith("%") ? reply.substring(0, reply.length() - 1).strip() : reply;
        try {
            int value = Integer.parseInt(number);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the hint
        }
        throw new IllegalArgumentException("answer a whole number from " + min + " to " + max);
    }

    /**
     * A size as iOS shows it, with its unit: "4.2 GB", "750MB", "1.5 TB" (powers of 1000, as iOS
     * counts). A bare number is refused rather than guessed at: a person never sees a byte count.
     */
    static long parseSize(String reply) {
        Matcher size = SIZE.matcher(reply);
        if (size.matches()) {
            long unit = UNITS.get(size.group(2).toLowerCase(Locale.ROOT));
            long bytes = new BigDecimal(size.group(1)).multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValue();
            if (bytes <= StorageStatus.MAX_BYTES) {
                return bytes;
            }
        }
        throw new IllegalArgumentException("answer a size such as 5 GB, 750 MB or 1.5 TB");
    }

    static IosVersion parseVersion(String reply) {
        try {
            return IosVersion.parse(reply);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("answer a version such as 17.1.2");
        }
    }

    private static String requireText(String reply) {
        if (reply.isBlank()) {
            throw new IllegalArgumentException("answer the model's name, such as iPhone 15 Pro");
        }
        return reply;
    }
}
