package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.schema.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a device snapshot as JSON that {@link SnapshotReader} reads back to an equal snapshot:
 * only what is known (an unknown field, or a section with nothing known, is left out), in the
 * order of the records, which is the schema's. Indented, since a person may read or edit the file.
 * Thread-safe.
 */
public final class SnapshotWriter {

    private final JsonFactory factory = new JsonFactoryBuilder().characterEscapes(new SurrogateEscapes()).build();

    /**
     * The snapshot as JSON text, ending with a line break.
     *
     * @param snapshot the snapshot to write
     * @return the JSON object, indented
     */
    public String toJson(DeviceSnapshot snapshot) {
        return write(snapshot, true);
    }

    /**
     * The snapshot as one line of JSON Lines, as {@code batch} reads them: the same object as
     * {@link #toJson}, not indented.
     *
     * @param snapshot the snapshot to write
     * @return the JSON object on one line, ending with a line break
     */
    public String toJsonLine(DeviceSnapshot snapshot) {
        return write(snapshot, false);
    }

    private String write(DeviceSnapshot snapshot, boolean indented) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            if (indented) {
                generator.useDefaultPrettyPrinter();
            }
            record(generator, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.append('\n').toString();
    }

    /** A record of the snapshot as an object of its known fields. */
    private static void record(JsonGenerator generator, Object record) throws IOException {
        generator.writeStartObject();
        for (Schema.Field field : Schema.fieldsOf(record.getClass())) {
            Object value = field.valueIn(record);
            if (known(field, value)) {
                generator.writeFieldName(field.name());
                value(generator, field, value);
            }
        }
        generator.writeEndObject();
    }

    private static boolean known(Schema.Field field, Object value) {
        return switch (field.kind()) {
            case SECTION -> Schema.fieldsOf(field.type()).stream().anyMatch(inner -> known(inner, inner.valueIn(value)));
            case ACTION_IDS -> !((List<?>) value).isEmpty();
            default -> value != null && !(value instanceof Enum<?> constant && constant.name().equals("UNKNOWN"));
        };
    }

    private static void value(JsonGenerator generator, Schema.Field field, Object value) throws IOException {
        switch (field.kind()) {
            case SECTION -> record(generator, value);
            case ANSWER -> generator.writeBoolean(value == Answer.YES);
            case NUMBER -> generator.writeNumber((Integer) value);
            case BYTES -> generator.writeNumber((Long) value);
            case CHOICE -> generator.writeString(((Enum<?>) value).name());
            case TEXT, VERSION -> generator.writeString(value.toString());
            case ENTRIES -> {
                generator.writeStartArray();
                for (Object entry : (List<?>) value) {
                    record(generator, entry);
                }
                generator.writeEndArray();
            }
            case ACTION_IDS -> {
                generator.writeStartArray();
                for (Object id : (List<?>) value) {
                    generator.writeString((String) id);
                }
                generator.writeEndArray();
            }
        }
    }

    /**
     * A model name read from JSON may hold an unpaired surrogate ({@code "\ud800"}); written as it is,
     * it would become {@code ?} in UTF-8 and read back as another name. As an escape it reads back the same.
     * A character is escaped without its neighbours in view, so a paired one (an emoji) is escaped too,
     * which reads back the same as well.
     */
    private static final class SurrogateEscapes extends CharacterEscapes {

        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
