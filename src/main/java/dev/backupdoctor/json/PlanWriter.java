package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.backupdoctor.Action;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Evidence;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes plans as JSON (the contract's section 4): {@code {"healthy": ..., "actions": [...]}} with
 * each action's fields in the contract's order, and {@code step}, {@code caution} and
 * {@code alternativeTo} written as {@code null} when absent so every action has the same keys, then
 * {@code because}: the facts the rule matched, as {@code {"field": "wifi.signalBars", "value": 1}}.
 * Thread-safe.
 */
public final class PlanWriter {

    private final JsonFactory factory = JsonFactory.builder().build();

    /** The plan as one line of JSON. */
    public String toJson(Diagnosis diagnosis) {
        return write(generator -> {
            generator.writeStartObject();
            plan(generator, diagnosis);
            generator.writeEndObject();
        });
    }

    /** A JSON Lines record for {@code batch}: the plan with the input line number first. */
    public String toJsonLine(long line, Diagnosis diagnosis) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("line", line);
            plan(generator, diagnosis);
            generator.writeEndObject();
        });
    }

    /** A JSON Lines record for an input line that could not be diagnosed. */
    public String errorLine(long line, String error) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("line", line);
            generator.writeStringField("error", error);
            generator.writeEndObject();
        });
    }

    private static void plan(JsonGenerator generator, Diagnosis diagnosis) throws IOException {
        generator.writeBooleanField("healthy", diagnosis.healthy());
        generator.writeArrayFieldStart("actions");
        for (Action action : diagnosis.actions()) {
            generator.writeStartObject();
            generator.writeStringField("id", action.id());
            generator.writeStringField("kind", action.kind().name());
            generator.writeFieldName("step");
            if (action.step() == null) {
                generator.writeNull();
            } else {
                generator.writeNumber(action.step());
            }
            generator.writeStringField("title", action.title());
            generator.writeArrayFieldStart("instructions");
            for (String instruction : action.instructions()) {
                generator.writeString(instruction);
            }
            generator.writeEndArray();
            generator.writeStringField("reason", action.reason());
            generator.writeStringField("caution", action.caution());
            generator.writeStringField("alternativeTo", action.alternativeTo());
            generator.writeStringField("rule", action.rule());
            generator.writeArrayFieldStart("because");
            for (Evidence evidence : action.because()) {
                generator.writeStartObject();
                generator.writeStringField("field", evidence.field());
                generator.writeFieldName("value");
                value(generator, evidence.value());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    /** JSON's own types where the value has one; anything else (enums, versions) as its text. */
    private static void value(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else {
            generator.writeString(value.toString());
        }
    }

    private interface Content {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private String write(Content content) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator generator = factory.createGenerator(text)) {
            content.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.toString();
    }
}
