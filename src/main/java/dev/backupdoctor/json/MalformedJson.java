package dev.backupdoctor.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syntax error in plain words, at its line and column. Jackson's own messages name its settings
 * ({@code Feature 'ALLOW_COMMENTS'}) and its input source ({@code [Source: REDACTED ...]}), which
 * mean nothing to a snapshot's author; they are recognised here by how they start, and only what
 * the input holds at the error's position is quoted.
 */
final class MalformedJson {

    /** The word Jackson quotes when it found no value: {@code Unrecognized token 'tru': ...}, {@code Non-standard token 'NaN'}. */
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '([^']*)'");
    /** How Jackson names the character it didn't expect: {@code ('/' (code 47))}. */
    private static final Pattern CODE = Pattern.compile("\\(code (\\d+)");

    private static final String VALUE = "a value (a string in double quotes, a number, an object, an array, true, false or null)";

    /** What Jackson says it expected, in our words; the first whose key its message contains. */
    private static final List<String[]> EXPECTED = List.of(
            new String[] {"comment", "JSON has no comments"},
            new String[] {"double-quote to start field name", "expected a field name in double quotes"},
            new String[] {"colon to separate", "expected ':' after the field name"},
            new String[] {"comma to separate Object", "expected ',' or '}' after the field's value"},
            new String[] {"comma to separate Array", "expected ',' or ']' after the entry"},
            new String[] {"in numeric value", "not a valid number"},
            new String[] {"hex-digit", "\\u takes four hex digits"},
            new String[] {"expected a valid value", "expected " + VALUE});

    private MalformedJson() {
    }

    /**
     * @param json the input, from {@code offset}, which Jackson's byte offsets count from
     * @param afterSnapshot the snapshot was read whole and the error is in what follows it
     */
    static InvalidSnapshotException of(StreamReadException read, JsonParser parser, byte[] json, int offset, int length,
            boolean afterSnapshot) {
        JsonLocation at = read.getLocation();
        int position = (int) Math.max(0, Math.min(at.getByteOffset(), length));
        int line = at.getLineNr();
        int column = at.getColumnNr();
        String jackson = read.getOriginalMessage();
        String problem;
        boolean unfinished = false;
        Matcher token = TOKEN.matcher(jackson);
        if (jackson.startsWith("Unexpected end-of-input")) {
            problem = "the input ends inside " + unclosed(read, parser);
            unfinished = true;
        } else if (token.find()) {
            // Jackson reports the position after the word, sometimes one character further: the message points at its start.
            int start = lastIndexOf(json, offset, position, token.group(1).getBytes(StandardCharsets.UTF_8));
            if (start >= 0) {
                column -= position - start;
            }
            problem = quoted(token.group(1)) + " is not " + VALUE;
        } else if (jackson.startsWith("Invalid UTF-8")) {
            // The input is valid UTF-8 (checked before parsing): Jackson took the lead byte of a character where a
            // value belongs as one of its own and stumbled on the next. The message points at the character.
            int lead = Math.max(0, position - 1);
            while (lead > 0 && (json[offset + lead] & 0xC0) == 0x80) {
                lead--;
            }
            column -= position - lead;
            problem = "unexpected " + shown(codePointAt(json, offset + lead));
        } else {
            // The character Jackson stopped at: its message names it by code, the position is at it or just past it.
            Matcher code = CODE.matcher(jackson);
            int found = code.find() ? Integer.parseInt(code.group(1)) : position < length ? codePointAt(json, offset + position) : -1;
            problem = problem(jackson, found, parser.getParsingContext());
        }
        if (afterSnapshot) {
            return new InvalidSnapshotException("$", "unexpected content after the snapshot at line " + line + ", column " + column);
        }
        return new InvalidSnapshotException("$", "malformed JSON at line " + line + ", column " + column + ": " + problem, unfinished);
    }

    /** @param found the character Jackson stopped at, or -1 at the end of the input */
    private static String problem(String jackson, int found, JsonStreamContext context) {
        if (jackson.startsWith("Illegal unquoted character")) {
            return "control character " + shown(found) + " in a string: write it escaped, as \\n, \\t or \\u followed by four hex digits";
        }
        if (jackson.startsWith("Unrecognized character escape")) {
            String escape = shown(found);
            return (escape.startsWith("U+") ? "\\ followed by " + escape : "\\" + escape.substring(1, escape.length() - 1))
                    + " is not an escape JSON knows"
                    + " (\\\" \\\\ \\/ \\b \\f \\n \\r \\t, or \\u followed by four hex digits)";
        }
        if (jackson.startsWith("Invalid numeric value")) {
            return "not a valid number";
        }
        String unexpected = "unexpected " + (found < 0 ? "end of the input" : shown(found));
        if (jackson.startsWith("Unexpected close marker")) {
            return unexpected + (context.inObject() ? "; expected '}' to close the object"
                    : context.inArray() ? "; expected ']' to close the array" : "");
        }
        for (String[] expectation : EXPECTED) {
            if (jackson.contains(expectation[0])) {
                return unexpected + "; " + expectation[1];
            }
        }
        return unexpected;
    }

    private static String unclosed(StreamReadException read, JsonParser parser) {
        if (read instanceof JsonEOFException eof
                && (eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING || eof.getTokenBeingDecoded() == JsonToken.FIELD_NAME)) {
            return "a string, before its closing '\"'";
        }
        JsonStreamContext context = parser.getParsingContext();
        JsonLocation start = context.startLocation(ContentReference.unknown());
        return (context.inArray() ? "the array" : "the object") + " that starts at line " + start.getLineNr()
                + ", column " + start.getColumnNr();
    }

    /** Where a word such as {@code tru} or {@code NaN} ends: white space or JSON's punctuation. */
    private static boolean delimiter(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '{' || b == '}' || b == '[' || b == ']'
                || b == ',' || b == ':' || b == '"';
    }

    /** Where {@code word} last starts in the input before {@code end}, counted from {@code offset}; -1 if nowhere. */
    private static int lastIndexOf(byte[] json, int offset, int end, byte[] word) {
        for (int start = end - word.length; start >= 0; start--) {
            if (Arrays.equals(json, offset + start, offset + start + word.length, word, 0, word.length)) {
                return start;
            }
        }
        return -1;
    }

    /** The code point starting at {@code index}; the input is valid UTF-8. */
    private static int codePointAt(byte[] json, int index) {
        int lead = json[index] & 0xFF;
        int bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        return new String(json, index, Math.min(bytes, json.length - index), StandardCharsets.UTF_8).codePointAt(0);
    }

    /** Quoted, or as U+XXXX when it would show as nothing or move the text around. */
    private static String shown(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
            return String.format("U+%04X", codePoint);
        }
        String quote = codePoint == '\'' ? "\"" : "'";
        return quote + new String(Character.toChars(codePoint)) + quote;
    }

    private static String quoted(String word) {
        return "'" + (word.length() <= SnapshotReader.MAX_SHOWN_VALUE_CHARS ? word
                : word.substring(0, SnapshotReader.MAX_SHOWN_VALUE_CHARS) + "...") + "'";
    }
}
