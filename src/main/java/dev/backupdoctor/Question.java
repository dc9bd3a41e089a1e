package dev.backupdoctor;

import dev.backupdoctor.facts.DeviceSnapshot;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Something the snapshot doesn't know whose answer would change the plan. {@link #impact()} is how
 * much the plan would change on average over the possible answers (actions added or removed, plus
 * half a point for each action whose instructions change); questions come most useful first.
 *
 * <p>{@link #answer} takes a reply as a person types it: yes/no, a number, a size with its unit
 * ("2 GB"), a version ("17.1.2") or one of the {@link #choices()}.
 */
public final class Question {

    /** What kind of reply a question takes. */
    public enum Type {
        /** Yes or no, for a fact that is an answer. */
        YES_NO,
        /** A whole number, such as the Wi-Fi bars or the battery percent. */
        NUMBER,
        /** A size with its unit, such as "2 GB", for an iCloud size. */
        SIZE,
        /** An iOS version such as "17.1.2". */
        VERSION,
        /** One of {@link Question#choices()}. */
        CHOICE,
        /** Free text, such as the iPhone model. */
        TEXT
    }

    private final String id;
    private final String text;
    private final Type type;
    private final List<String> choices;
    private final double impact;
    private final BiFunction<DeviceSnapshot, String, DeviceSnapshot> apply;

    Question(String id, String text, Type type, List<String> choices, double impact,
            BiFunction<DeviceSnapshot, String, DeviceSnapshot> apply) {
        this.id = id;
        this.text = text;
        this.type = type;
        this.choices = List.copyOf(choices);
        this.impact = impact;
        this.apply = apply;
    }

    /**
     * What it asks about: the snapshot field it fills, as a JSON path without the "$." (for example
     * {@code wifi.connected}). Whether a remedy was already tried is never asked: a consultation
     * learns it by walking through the plan ({@link Consultation}).
     *
     * @return the field's path, stable across versions for keying answers
     */
    public String id() {
        return id;
    }

    /**
     * The question in plain language.
     *
     * @return the question to show a person, as {@code consult} asks it
     */
    public String text() {
        return text;
    }

    /**
     * What kind of reply the question takes, for choosing an input widget.
     *
     * @return the reply's type
     */
    public Type type() {
        return type;
    }

    /**
     * The accepted replies for a {@link Type#CHOICE} question.
     *
     * @return the choices, such as {@code APPLE}, {@code THIRD_PARTY}; empty for other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * How much the plan would change on average over the possible answers: actions added or
     * removed, plus half a point for each whose instructions change.
     *
     * @return 0 or more; higher is more worth asking
     */
    public double impact() {
        return impact;
    }

    /**
     * How to reply, for a prompt or after an invalid reply.
     *
     * @return such as "yes or no" or "a size such as 5 GB, 750 MB or 1.5 TB"
     */
    public String hint() {
        return switch (type) {
            case YES_NO -> "yes or no";
            case NUMBER -> "a whole number";
            case SIZE -> "a size such as 5 GB, 750 MB or 1.5 TB";
            case VERSION -> "a version such as 17.1.2";
            case CHOICE -> String.join(", ", choices);
            case TEXT -> "a name such as iPhone 15 Pro";
        };
    }

    /**
     * The snapshot with this question answered.
     *
     * @param snapshot the snapshot the question was asked about
     * @param reply the reply as a person typed it; surrounding white space is ignored
     * @return a copy of {@code snapshot} with the answer recorded; diagnose it for the new plan
     * @throws IllegalArgumentException if the reply doesn't fit the question; its message says what does
     */
    public DeviceSnapshot answer(DeviceSnapshot snapshot, String reply) {
        return apply.apply(snapshot, reply.strip());
    }

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
