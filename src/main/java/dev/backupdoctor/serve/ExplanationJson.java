package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.backupdoctor.Explanation;
import dev.backupdoctor.json.PlanWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * An explanation as JSON: {@code {"actionId": ID, "inPlan": true|false, "action": ACTION or null,
 * "reasons": ["...", ...]}}, the action as a plan lists it when it is in the plan, the reasons as
 * {@code explain} prints them, one sentence each. Thread-safe.
 */
public final class ExplanationJson {

    private final PlanWriter plans = new PlanWriter();
    private final JsonFactory json = new JsonFactory();

    /**
     * @param explanation why an action is in a plan, or why not
     * @return the JSON object, on one line
     */
    public String toJson(Explanation explanation) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("actionId", explanation.actionId());
            out.writeBooleanField("inPlan", explanation.inPlan());
            out.writeFieldName("action");
            if (explanation.inPlan()) {
                out.writeRawValue(plans.toJson(explanation.action()));
            } else {
                out.writeNull();
            }
            out.writeArrayFieldStart("reasons");
            for (String reason : explanation.reasons()) {
                out.writeString(reason);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return text.toString();
    }
}
