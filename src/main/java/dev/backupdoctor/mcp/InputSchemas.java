package dev.backupdoctor.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backupdoctor.serve.OpenApiDocument;
import java.util.Iterator;
import java.util.Map;

/**
 * The tools' input schemas, taken from the HTTP API's OpenAPI document, so that both describe the
 * same bodies: the snapshot's schema there is generated from the one the reader enforces. An MCP
 * client reads each input schema on its own, so the document's references are written out in place.
 */
final class InputSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final JsonNode DOCUMENT = document();

    private InputSchemas() {
    }

    static Map<String, Object> snapshotOnly() {
        return map(closedObject("snapshot", snapshot()));
    }

    static Map<String, Object> explain() {
        ObjectNode actionId = (ObjectNode) DOCUMENT.at("/paths/~1v1~1explain~1{actionId}/post/parameters/0/schema").deepCopy();
        actionId.put("description", "The action asked about, as the plan names it, such as MOVE_CLOSER_TO_ROUTER");
        return map(closedObject("snapshot", snapshot(), "actionId", actionId));
    }

    static Map<String, Object> consultReply() {
        return map(inlined(DOCUMENT.at("/components/schemas/ConsultationReply")));
    }

    private static ObjectNode snapshot() {
        return OpenApiDocument.snapshotSchema()
                .put("description", "What is known about the iPhone; anything left out counts as unknown.");
    }

    /** An object with exactly these properties, each required, as the document's bodies are. */
    private static ObjectNode closedObject(Object... namesAndSchemas) {
        ObjectNode object = NODES.objectNode().put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = object.putArray("required");
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.set((String) namesAndSchemas[i], (JsonNode) namesAndSchemas[i + 1]);
            required.add((String) namesAndSchemas[i]);
        }
        return object.put("additionalProperties", false);
    }

    /** A copy of the schema with each reference to the document's schemas replaced by the schema it names. */
    private static JsonNode inlined(JsonNode schema) {
        if (schema.isObject()) {
            JsonNode reference = schema.get("$ref");
            if (reference != null) {
                return inlined(DOCUMENT.get("components").get("schemas").get(reference.asText().substring(SCHEMAS.length())));
            }
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), inlined(field.getValue()));
            }
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            schema.forEach(item -> copy.add(inlined(item)));
            return copy;
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode schema) {
        return MAPPER.convertValue(schema, Map.class);
    }

    private static JsonNode document() {
        try {
            return MAPPER.readTree(OpenApiDocument.json());
        } catch (JsonProcessingException cannotHappen) {
            // The document is written by Jackson, in this build.
            throw new IllegalStateException(cannotHappen);
        }
    }
}
