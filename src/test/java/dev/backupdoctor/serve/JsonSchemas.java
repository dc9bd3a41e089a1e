package dev.backupdoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.erosb.jsonsKema.IJsonValue;
import com.github.erosb.jsonsKema.JsonParseException;
import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;

/** Checks JSON against the schemas of the OpenAPI document, with a JSON Schema 2020-12 validator. */
final class JsonSchemas {

    private JsonSchemas() {
    }

    /**
     * A validator for one of the document's component schemas, its {@code $ref}s resolved within the document.
     *
     * @param component such as {@code Plan}
     */
    static Validator component(String component) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$ref", "#/components/schemas/" + component);
        root.set("components", OpenApiDocument.document().get("components"));
        return of(root);
    }

    /** A validator for a self-contained schema. */
    static Validator of(JsonNode schema) {
        return Validator.forSchema(new SchemaLoader(new JsonParser(schema.toString()).parse()).load());
    }

    /**
     * What is wrong with the JSON, or {@code null} when it is valid; malformed JSON is not valid.
     *
     * @param json the instance as JSON text
     */
    static String problems(Validator validator, String json) {
        IJsonValue instance;
        try {
            instance = new JsonParser(json).parse();
        } catch (JsonParseException malformed) {
            return "malformed JSON: " + malformed.getMessage();
        }
        ValidationFailure failure = validator.validate(instance);
        return failure == null ? null : failure.toString();
    }
}
