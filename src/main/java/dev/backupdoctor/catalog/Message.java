package dev.backupdoctor.catalog;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One message of a message file, in ICU's message format: named placeholders and {@code select}.
 * ICU parses it; the placeholders and selects the catalog's messages use are then written out
 * directly, since formatting with ICU for every action cost a diagnosis about two fifths more
 * (a message using more of the format, such as {@code plural}, is formatted by ICU, as
 * {@code MessageTest} checks the two agree).
 */
final class Message {

    /** A piece of a message: text, a placeholder, or a choice between sub-messages. */
    private interface Piece {
        void write(StringBuilder out, Map<String, Object> arguments);
    }

    private record Text(String text) implements Piece {
        @Override
        public void write(StringBuilder out, Map<String, Object> arguments) {
            out.append(text);
        }
    }

    private record Placeholder(String name) implements Piece {
        @Override
        public void write(StringBuilder out, Map<String, Object> arguments) {
            out.append(arguments.get(name));
        }
    }

    /** ICU's {@code select}: the sub-message whose keyword is the value, else {@code other}. */
    private record Select(String name, Map<String, List<Piece>> choices) implements Piece {
        @Override
        public void write(StringBuilder out, Map<String, Object> arguments) {
            List<Piece> chosen = choices.get(String.valueOf(arguments.get(name)));
            for (Piece piece : chosen != null ? chosen : choices.get("other")) {
                piece.write(out, arguments);
            }
        }
    }

    private final String pattern;
    private final Set<String> placeholders;
    /** The message as pieces, or {@code null} when it uses more of the format than they cover. */
    private final List<Piece> pieces;
    private final MessageFormat format;

    /**
     * @param pattern the message as its file writes it
     * @param locale the language, whose rules a {@code plural} follows
     */
    Message(String pattern, Locale locale) {
        this.pattern = pattern;
        MessagePattern parsed = new MessagePattern(pattern);
        this.placeholders = placeholders(parsed);
        this.pieces = pieces(parsed, 0);
        this.format = pieces == null ? new MessageFormat(pattern, ULocale.forLocale(locale)) : null;
    }

    /** Every placeholder's name, those inside a {@code select}'s branches included. */
    private static Set<String> placeholders(MessagePattern parsed) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return Set.copyOf(names);
    }

    /** The (sub-)message that starts at part {@code start} as pieces; {@code null} if it uses anything but placeholders and select. */
    private static List<Piece> pieces(MessagePattern parsed, int start) {
        String text = parsed.getPatternString();
        int limit = parsed.getLimitPartIndex(start);
        List<Piece> pieces = new ArrayList<>();
        int from = parsed.getPart(start).getLimit();
        for (int i = start + 1; i <= limit; i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getIndex() > from) {
                pieces.add(new Text(text.substring(from, part.getIndex())));
            }
            if (i == limit) {
                break;
            }
            switch (part.getType()) {
                // An apostrophe that quotes, or a mark where one would (an INSERT_CHAR): nothing to write.
                case SKIP_SYNTAX, INSERT_CHAR -> from = part.getLimit();
                case ARG_START -> {
                    int argLimit = parsed.getLimitPartIndex(i);
                    MessagePattern.Part name = parsed.getPart(i + 1);
                    if (name.getType() != MessagePattern.Part.Type.ARG_NAME) {
                        return null;
                    }
                    String argument = parsed.getSubstring(name);
                    if (part.getArgType() == MessagePattern.ArgType.NONE) {
                        pieces.add(new Placeholder(argument));
                    } else if (part.getArgType() == MessagePattern.ArgType.SELECT) {
                        Map<String, List<Piece>> choices = new HashMap<>();
                        for (int j = i + 2; j < argLimit; j = parsed.getLimitPartIndex(j + 1) + 1) {
                            List<Piece> choice = pieces(parsed, j + 1);
                            if (choice == null) {
                                return null;
                            }
                            choices.put(parsed.getSubstring(parsed.getPart(j)), choice);
                        }
                        pieces.add(new Select(argument, Map.copyOf(choices)));
                    } else {
                        return null;
                    }
                    i = argLimit;
                    from = parsed.getPart(argLimit).getLimit();
                }
                default -> {
                    return null;
                }
            }
        }
        return List.copyOf(pieces);
    }

    Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The text with the placeholders filled in.
     *
     * @param arguments each placeholder's value as text: a {@code select} compares it with its keywords
     */
    String format(Map<String, Object> arguments) {
        if (pieces == null) {
            // A MessageFormat is not safe for several threads at once; a copy costs less than parsing again.
            return ((MessageFormat) format.clone()).format(arguments);
        }
        if (pieces.size() == 1 && pieces.get(0) instanceof Text constant) {
            return constant.text();
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (Piece piece : pieces) {
            piece.write(out, arguments);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
