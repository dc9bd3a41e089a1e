package dev.backupdoctor.mcp;

import java.util.List;
import java.util.Map;

/** The tools' input schemas, JSON Schema as maps. */
final class InputSchemas {

    // TODO: the snapshot's JSON Schema generated from the schema the reader enforces, once it has landed.
    private static final Map<String, Object> SNAPSHOT = Map.of("type", "object",
            "description", "What is known about the device; anything left out is unknown.");

    private InputSchemas() {
    }

    static Map<String, Object> snapshotOnly() {
        return object(Map.of("snapshot", SNAPSHOT));
    }

    static Map<String, Object> explain() {
        return object(Map.of("snapshot", SNAPSHOT, "actionId", Map.of("type", "string",
                "description", "The action's id, as the plan shows it, such as RESTART_IPHONE")));
    }

    static Map<String, Object> consultReply() {
        return object(Map.of("token", Map.of("type", "string", "description", "The token of the turn replied to"),
                "reply", Map.of("type", "object", "description", "One move: {\"answer\": TEXT}, {\"skip\": true}, {\"fixed\": ID},"
                        + " {\"notFixed\": ID} or {\"stop\": true}")));
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()),
                "additionalProperties", false);
    }
}
