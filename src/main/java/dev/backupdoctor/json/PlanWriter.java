package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes plans as JSON: {@code {"id": ..., "healthy": ..., "actions": [...]}}, the id the
 * snapshot's ({@code null} when it has none), with
 * each action's fields in the documented order, and {@code step}, {@code caution} and
 * {@code alternativeTo} written as {@code null} when absent so every action has the same keys, then
 * {@code because}: the facts the rule matched, as {@code {"field": "wifi.signalBars", "value": 1}}.
 * Thread-safe.
 */
public final class PlanWriter {

    /**
     * Without the feature, Jackson's UTF-8 generator writes a character outside the BMP as two
     * {@code \}{@code u} escapes; with it, as its four UTF-8 bytes, as Java's UTF-8 encoder does.
     */
    private final JsonFactory factory = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** Several times the texts of every built-in action and its evidence, a few hundred. */
    static final int MAX_KEPT_TEXTS = 4096;
    /** {@link #toUtf8}'s encoded texts, by content. */
    private final Map<String, SerializedString> kept = new ConcurrentHashMap<>();

    /**
     * The plan as one line of JSON, as {@code diagnose --json} prints it.
     *
     * @param diagnosis the plan to write
     * @return the JSON object, without a line break
     */
    public String toJson(Diagnosis diagnosis) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            generator.writeStartObject();
            plan(generator, diagnosis, null);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.toString();
    }

    /**
     * The plan as {@link #toJson(Diagnosis)} writes it, as UTF-8 bytes: for a server, which sends
     * bytes. The texts the rules repeat from plan to plan are encoded once and kept for every later
     * call, on any thread; the store is emptied when it has {@value #MAX_KEPT_TEXTS} texts, as the
     * texts made for one device pass through it too.
     *
     * @param diagnosis the plan to write
     * @return the JSON object in UTF-8, without a line break
     */
    public byte[] toUtf8(Diagnosis diagnosis) {
        if (kept.size() >= MAX_KEPT_TEXTS) {
            kept.clear();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator generator = factory.createGenerator(bytes)) {
            generator.writeStartObject();
            plan(generator, diagnosis, kept);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * One action as a plan lists it, for showing one action at a time (a consultation's turn, an explanation).
     *
     * @param action the action to write
     * @return the JSON object, as in {@link #toJson(Diagnosis)}'s {@code actions}, without a line break
     */
    public String toJson(Action action) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            action(generator, action, null);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.toString();
    }

    /**
     * JSON Lines records for {@code batch}, written to {@code out} as UTF-8, each followed by
     * {@code \n}. One generator serves every record, so a record costs no more than its bytes.
     *
     * @param out where the records go; closing the writer doesn't close it
     * @return the writer for one output
     */
    public JsonLines jsonLines(OutputStream out) {
        try {
            return new JsonLines(factory.createGenerator(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records for one output, in the order written; not thread-safe. Closing flushes and leaves the stream open. */
    public static final class JsonLines implements Closeable {

        /** Most texts are the rules' constants, met again and again: each is encoded once per output. */
        private static final int MAX_ENCODED_TEXTS = 4096;

        private final JsonGenerator generator;
        private final Map<String, SerializedString> encoded = new IdentityHashMap<>();

        private JsonLines(JsonGenerator generator) {
            this.generator = generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        /**
         * The plan with the input line number first.
         *
         * @param line the input line the snapshot came from, 1 for the first
         * @param diagnosis the plan for that line
         * @throws IOException if writing to the stream fails
         */
        public void plan(long line, Diagnosis diagnosis) throws IOException {
            generator.writeStartObject();
            generator.writeNumberField("line", line);
            PlanWriter.plan(generator, diagnosis, encoded.size() < MAX_ENCODED_TEXTS ? encoded : null);
            generator.writeEndObject();
            generator.writeRaw('\n');
        }

        /**
         * An input line that could not be diagnosed.
         *
         * @param line the input line, 1 for the first
         * @param error why it could not, such as an {@link InvalidSnapshotException}'s message
         * @throws IOException if writing to the stream fails
         */
        public void error(long line, String error) throws IOException {
            generator.writeStartObject();
            generator.writeNumberField("line", line);
            generator.writeFieldName("error");
            string(generator, error, null);
            generator.writeEndObject();
            generator.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            generator.close();
        }
    }

    /** {@code encoded}: texts already encoded for this output, by identity, to add to; or {@code null}. */
    private static void plan(JsonGenerator generator, Diagnosis diagnosis, Map<String, SerializedString> encoded)
            throws IOException {
        generator.writeFieldName("id");
        // The id is the caller's text, unique to its device: never worth keeping encoded.
        string(generator, diagnosis.id(), null);
        generator.writeBooleanField("healthy", diagnosis.healthy());
        generator.writeArrayFieldStart("actions");
        for (Action action : diagnosis.actions()) {
            action(generator, action, encoded);
        }
        generator.writeEndArray();
    }

    private static void action(JsonGenerator generator, Action action, Map<String, SerializedString> encoded) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", action.id());
        generator.writeStringField("kind", action.kind().name());
        generator.writeFieldName("step");
        if (action.step() == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(action.step());
        }
        generator.writeFieldName("title");
        string(generator, action.title(), encoded);
        generator.writeArrayFieldStart("instructions");
        for (String instruction : action.instructions()) {
            string(generator, instruction, encoded);
        }
        generator.writeEndArray();
        generator.writeFieldName("reason");
        string(generator, action.reason(), encoded);
        generator.writeFieldName("caution");
        string(generator, action.caution(), encoded);
        generator.writeStringField("alternativeTo", action.alternativeTo());
        generator.writeFieldName("rule");
        string(generator, action.rule(), encoded);
        generator.writeArrayFieldStart("because");
        for (Evidence evidence : action.because()) {
            generator.writeStartObject();
            generator.writeFieldName("field");
            string(generator, evidence.field(), encoded);
            generator.writeFieldName("value");
            value(generator, evidence.value(), encoded);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    /** JSON's own types where the value has one; anything else (enums, versions) as its text. */
    private static void value(JsonGenerator generator, Object value, Map<String, SerializedString> encoded)
            throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else {
            string(generator, value.toString(), encoded);
        }
    }

    /**
     * Text from rules and messages, with each unpaired surrogate as {@code ?}: that is what Java's
     * UTF-8 encoder makes of it, whereas Jackson's UTF-8 generator would write an escape or, before
     * another character, four wrong bytes (a message cut at a length can split a pair).
     */
    private static void string(JsonGenerator generator, String text, Map<String, SerializedString> encoded)
            throws IOException {
        if (text == null || encoded == null) {
            generator.writeString(text == null ? null : wellFormed(text));
            return;
        }
        SerializedString once = encoded.get(text);
        if (once == null) {
            once = new SerializedString(wellFormed(text));
            encoded.put(text, once);
        }
        generator.writeString(once);
    }

    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return replaceUnpairedSurrogates(text, i);
            }
        }
        return text;
    }

    private static String replaceUnpairedSurrogates(String text, int from) {
        StringBuilder repaired = new StringBuilder(text.length()).append(text, 0, from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                repaired.append(c).append(text.charAt(i + 1));
                i++;
            } else {
                repaired.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return repaired.toString();
    }
}
