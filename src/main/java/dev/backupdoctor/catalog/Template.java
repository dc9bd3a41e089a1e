package dev.backupdoctor.catalog;

import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one catalog entry says when proposed as one kind, before the facts are filled in. The facts
 * come from the rule that proposes it: {@link #action} asks for each placeholder by name.
 *
 * <p>A placeholder's value reads as text: a size in bytes as Settings shows it ("3.2 GB", in the
 * words of the message files' {@code size}), a number as written, a constant by its name
 * ({@code YES}, {@code THIRD_PARTY}), a list as {@code none} or {@code some}, and an unknown fact as
 * {@code null}, which a {@code select} can test for.
 */
public final class Template {

    /** A list entry's fields and their accessors, looked up once per record type rather than for every entry. */
    private static final ClassValue<Map<String, MethodHandle>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> fields = new LinkedHashMap<>();
            for (RecordComponent field : type.getRecordComponents()) {
                try {
                    fields.put(field.getName(), MethodHandles.publicLookup().unreflect(field.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("can't read " + field + " of a list entry", e);
                }
            }
            return Map.copyOf(fields);
        }
    };

    /** An instruction, or with {@code forEach} the name of a list: one instruction per entry. */
    record Line(Message message, String forEach) {
    }

    private final Remedy remedy;
    private final Kind kind;
    private final Message title;
    private final List<Line> instructions;
    private final Message reason;
    private final Message caution;
    private final Message size;
    private final Set<String> placeholders;
    private final String alternativeTo;
    /** The action when no placeholder is to be filled in, or {@code null}. */
    private final Action constant;

    Template(Remedy remedy, Kind kind, Message title, List<Line> instructions, Message reason, Message caution, Message size) {
        this.remedy = remedy;
        this.size = size;
        this.kind = kind;
        this.title = title;
        this.instructions = instructions;
        this.reason = reason;
        this.caution = caution;
        Set<String> names = new LinkedHashSet<>(title.placeholders());
        for (Line line : instructions) {
            if (line.forEach() != null) {
                names.add(line.forEach());
            } else {
                names.addAll(line.message().placeholders());
            }
        }
        names.addAll(reason.placeholders());
        if (caution != null) {
            names.addAll(caution.placeholders());
        }
        this.placeholders = Set.copyOf(names);
        this.alternativeTo = remedy.alternativeTo().isEmpty() ? null : remedy.alternativeTo().get(0);
        // Most actions say the same whatever the facts: written once, not for every diagnosis.
        this.constant = placeholders.isEmpty() ? action(name -> null).build() : null;
    }

    /**
     * The names the facts must fill in: each placeholder outside a {@code forEach} instruction, and
     * the list each such instruction goes through.
     *
     * @return the names, e.g. {@code signalBars}
     */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * What the {@code forEach} instruction going through this list fills in from each of its
     * entries: such an instruction reads only its entry's fields.
     *
     * @param list a list's placeholder name
     * @return the names in its instruction; empty when no instruction goes through it
     */
    public Set<String> entryPlaceholders(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (Line line : instructions) {
            if (list.equals(line.forEach())) {
                names.addAll(line.message().placeholders());
            }
        }
        return names;
    }

    /**
     * The action, with its text written from the facts.
     *
     * @param facts each placeholder's value by name, as {@link #placeholders()} lists them
     * @return the action, ready for the plan, which fills in the rule and the evidence
     */
    public Action.Builder action(Function<String, Object> facts) {
        if (constant != null) {
            return Action.of(kind, remedy.id(), remedy.step()).title(constant.title()).instructions(constant.instructions())
                    .reason(constant.reason()).caution(constant.caution()).alternativeTo(alternativeTo);
        }
        Map<String, Object> arguments = new HashMap<>();
        Map<String, List<?>> lists = new HashMap<>();
        for (String name : placeholders) {
            Object value = facts.apply(name);
            if (value instanceof List<?> list) {
                lists.put(name, list);
            }
            arguments.put(name, text(value));
        }
        Action.Builder action = Action.of(kind, remedy.id(), remedy.step()).title(title.format(arguments));
        for (Line line : instructions) {
            if (line.forEach() == null) {
                instruction(action, line.message().format(arguments));
            } else {
                for (Object entry : lists.get(line.forEach())) {
                    instruction(action, line.message().format(fields(entry)));
                }
            }
        }
        String cautionText = caution == null ? "" : caution.format(arguments);
        return action.reason(reason.format(arguments))
                .caution(cautionText.isEmpty() ? null : cautionText)
                .alternativeTo(alternativeTo);
    }

    /** An instruction that comes out empty (a {@code select} with nothing to say for these facts) is left out. */
    private static void instruction(Action.Builder action, String text) {
        if (!text.isEmpty()) {
            action.instructions(text);
        }
    }

    /** The fields of one list entry, a record: {@code device} and {@code bytes}. */
    private Map<String, Object> fields(Object entry) {
        Map<String, Object> fields = new HashMap<>();
        FIELDS.get(entry.getClass()).forEach((name, accessor) -> {
            try {
                fields.put(name, text(accessor.invokeExact(entry)));
            } catch (Throwable e) {
                throw new IllegalStateException("can't read " + name + " of a list entry", e);
            }
        });
        return fields;
    }

    /** How a fact reads in a message. */
    private Object text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Long bytes) {
            Sizes.Readable readable = Sizes.readableParts(bytes);
            return size.format(Map.of("amount", readable.amount(), "unit", readable.unit()));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : "some";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    /** The title alone, for the catalog: an entry's shared title has no placeholders. */
    String title(Remedy entry) {
        if (!title.placeholders().isEmpty()) {
            throw new IllegalStateException(entry + "'s title has placeholders; a catalog title can't");
        }
        return title.format(Map.of());
    }
}
