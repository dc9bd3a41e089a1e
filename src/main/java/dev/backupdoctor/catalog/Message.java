package dev.backupdoctor.catalog;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One message of a message file: ICU's message format, with named placeholders and {@code select}.
 * A message without placeholders is formatted once, when read.
 */
final class Message {

    private final String pattern;
    private final Set<String> placeholders;
    private final MessageFormat format;
    private final String constant;

    Message(String pattern) {
        this.pattern = pattern;
        this.placeholders = placeholders(pattern);
        MessageFormat parsed = new MessageFormat(pattern, ULocale.ROOT);
        this.format = placeholders.isEmpty() ? null : parsed;
        this.constant = placeholders.isEmpty() ? parsed.format(Map.of()) : null;
    }

    /** Every placeholder's name, those inside a {@code select}'s branches included, in order of appearance. */
    private static Set<String> placeholders(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return Set.copyOf(names);
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
        // A MessageFormat is not safe for several threads at once; a copy costs less than parsing again.
        return constant != null ? constant : ((MessageFormat) format.clone()).format(arguments);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
