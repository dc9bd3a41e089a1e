package dev.backupdoctor.mcp;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tool call's arguments, checked as strictly as a snapshot is read: a name the tool doesn't take
 * is an error, not ignored, so that a misspelt argument never passes for one left out.
 */
final class Arguments {

    /** How much of a name or value a message quotes: they are the caller's, of any length. */
    private static final int MAX_SHOWN_CHARS = 60;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param tool the tool's name, for messages
     * @param values the call's arguments, {@code null} when it sent none
     * @param names every argument the tool takes, each required
     * @throws ToolFailure naming the first argument the tool doesn't take, or the first missing
     */
    static Arguments of(String tool, Map<String, Object> values, List<String> names) {
        Map<String, Object> given = values == null ? Map.of() : values;
        String takes = "; " + tool + " takes " + String.join(" and ", names);
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                throw new ToolFailure(path(name) + ": unknown argument" + takes);
            }
        }
        for (String name : names) {
            if (given.get(name) == null) {
                throw new ToolFailure("$." + name + ": missing" + takes);
            }
        }
        return new Arguments(given);
    }

    /** The argument as the JSON-RPC message held it: a map, a list, a string, a number or a boolean. */
    Object value(String name) {
        return values.get(name);
    }

    String string(String name) {
        Object value = values.get(name);
        if (value instanceof String text) {
            return text;
        }
        throw new ToolFailure("$." + name + ": must be a string, was " + jsonType(value));
    }

    /** "an object", "a number": what a value of the parsed message was, in JSON's words. */
    static String jsonType(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value == null ? "null" : "a number";
    }

    /** Where an argument is, as the snapshot's reader names a field: {@code $.token}, {@code $["a name"]}, cut short. */
    private static String path(String name) {
        if (name.length() > MAX_SHOWN_CHARS) {
            return "$[" + TextNode.valueOf(name.substring(0, MAX_SHOWN_CHARS)) + "...]";
        }
        return IDENTIFIER.matcher(name).matches() ? "$." + name : "$[" + TextNode.valueOf(name) + "]";
    }

    /** A value the caller gave, cut short enough to quote in a message, as the command line cuts it. */
    static String cut(String value) {
        return value.codePointCount(0, value.length()) <= MAX_SHOWN_CHARS ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_CHARS)) + "…";
    }
}
