package dev.backupdoctor.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backupdoctor.json.SnapshotReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small JSON a request holds besides a snapshot (a reply, a token's progress), read strictly:
 * one value, no duplicate field, the snapshot reader's limits on nesting, strings and numbers.
 * Snapshots themselves are read by {@link SnapshotReader}.
 */
final class RequestJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(SnapshotReader.MAX_NESTING_DEPTH)
                            .maxStringLength(SnapshotReader.MAX_STRING_CHARS)
                            .maxNameLength(SnapshotReader.MAX_STRING_CHARS)
                            .maxNumberLength(SnapshotReader.MAX_NUMBER_CHARS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private RequestJson() {
    }

    /**
     * @param json UTF-8 JSON
     * @return its one value
     * @throws BadRequest if it is not JSON, or holds more than one value, or passes a limit
     */
    static JsonNode parse(byte[] json) {
        try {
            JsonNode value = MAPPER.readTree(json);
            if (value == null || value.isMissingNode()) {
                throw new BadRequest("$: no JSON value; expected an object");
            }
            return value;
        } catch (StreamConstraintsException limit) {
            throw new BadRequest("$: too large or too deeply nested; the limits are those of a snapshot");
        } catch (StreamReadException malformed) {
            JsonLocation at = malformed.getLocation();
            throw new BadRequest("$: malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            // Only trailing content after the value reaches here: the input is in memory.
            throw new BadRequest("$: unexpected content after the JSON value");
        }
    }

    /**
     * Checks that {@code value} at {@code path} is an object with only the fields named.
     *
     * @throws BadRequest naming the first field that doesn't belong, or what the value is instead
     */
    static void requireObject(JsonNode value, String path, Set<String> fields, String expected) {
        if (!value.isObject()) {
            throw new BadRequest(path + ": expected " + expected + ", was " + kind(value));
        }
        List<String> unknown = new ArrayList<>();
        value.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadRequest(path + "." + shown(unknown.get(0)) + ": unknown field; expected " + expected);
        }
    }

    /** What a JSON value is, for a message: "a string", "null". */
    static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }

    /** A field name as a message quotes it: cut short, as the snapshot reader cuts a value. */
    static String shown(String name) {
        int limit = 60;
        return name.length() <= limit ? name : name.substring(0, limit) + "...";
    }
}
