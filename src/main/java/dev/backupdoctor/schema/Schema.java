package dev.backupdoctor.schema;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Ask;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.Example;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.Range;
import dev.backupdoctor.facts.StorageStatus;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot's fields, described once: the records are the schema. A section is a component of
 * {@link DeviceSnapshot}, a field a component of a section's record, and their JSON names are the
 * component names; what a field holds follows from its type ({@link Kind}), its range from
 * {@link Range}, whether {@code consult} asks about it from {@link Ask}. Read by reflection once,
 * when the class is loaded, never driven by input. The JSON reader, the evidence behind each action
 * and the consult questions all derive from it, so a new field is a new record component.
 */
public final class Schema {

    /** What a field holds, which decides how it is read and asked. */
    public enum Kind {
        /** A section: one record of fields. */
        SECTION,
        /** true, false or null: an {@link Answer}. */
        ANSWER,
        /** A whole number within its {@link Range}. */
        NUMBER,
        /** A count of bytes, 0 to {@link StorageStatus#MAX_BYTES}. */
        BYTES,
        /** Free text, such as a model name. */
        TEXT,
        /** A dotted iOS version, read with {@link IosVersion#parse}. */
        VERSION,
        /** One of an enum's constants, by name. */
        CHOICE,
        /** A list of records, at most its {@link Range#max()} long. */
        ENTRIES,
        /** A list of action ids in UPPER_SNAKE_CASE. */
        ACTION_IDS
    }

    /**
     * One field: the record it belongs to, its path as in the JSON without "$." and list indices
     * ({@code wifi.signalBars}, {@code storage.appBackups.bytes}), and what it holds.
     * {@code required} fields (those of list entries, and primitives) may not be null or absent.
     */
    public record Field(Class<?> owner, int index, String name, String path, Kind kind, Class<?> type,
            Class<?> elementType, long min, long max, boolean required, Ask ask) {

        /**
         * The replies a {@link Kind#CHOICE} accepts.
         *
         * @return the enum's constant names, in declaration order
         */
        public List<String> choices() {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return names;
        }

        /**
         * This field's value in a record of its owner's type.
         *
         * @param record an instance of {@link #owner()}
         * @return the component's value, {@code null} when unknown
         */
        public Object valueIn(Object record) {
            try {
                return ACCESSORS.get(owner).get(index).invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<Class<?>, List<Field>> FIELDS = new LinkedHashMap<>();
    /** Each record's component accessors, looked up once: asking the class for them each time is slow. */
    private static final Map<Class<?>, List<Method>> ACCESSORS = new LinkedHashMap<>();
    private static final Map<Class<?>, String> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, Field> BY_PATH = new LinkedHashMap<>();
    private static final List<Field> ASKED;

    static {
        describe(DeviceSnapshot.class, "");
        for (Field section : FIELDS.get(DeviceSnapshot.class)) {
            if (section.kind() == Kind.SECTION) {
                SECTIONS.put(section.type(), section.name());
            }
        }
        List<Field> asked = new ArrayList<>();
        FIELDS.values().forEach(fields -> fields.stream().filter(field -> field.ask() != null).forEach(asked::add));
        asked.sort(Comparator.comparingInt(field -> field.ask().step()));
        ASKED = List.copyOf(asked);
    }

    private Schema() {
    }

    private static void describe(Class<?> record, String prefix) {
        List<Field> fields = new ArrayList<>();
        FIELDS.put(record, fields);
        RecordComponent[] components = record.getRecordComponents();
        ACCESSORS.put(record, Arrays.stream(components).map(RecordComponent::getAccessor).toList());
        boolean entry = isEntry(record);
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            Class<?> type = component.getType();
            Class<?> element = null;
            Range range = component.getAnnotation(Range.class);
            long min = range == null ? 0 : range.min();
            long max = range == null ? Long.MAX_VALUE : range.max();
            Kind kind;
            if (type.isRecord()) {
                kind = Kind.SECTION;
                describe(type, path);
            } else if (type == Answer.class) {
                kind = Kind.ANSWER;
            } else if (type == Integer.class || type == int.class) {
                kind = Kind.NUMBER;
                if (range == null) {
                    throw new IllegalStateException(path + ": a whole number needs a @Range");
                }
            } else if (type == Long.class || type == long.class) {
                kind = Kind.BYTES;
                max = StorageStatus.MAX_BYTES;
            } else if (type == String.class) {
                kind = Kind.TEXT;
            } else if (type == IosVersion.class) {
                kind = Kind.VERSION;
            } else if (type.isEnum()) {
                kind = Kind.CHOICE;
            } else if (type == List.class
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> listed) {
                element = listed;
                if (listed == String.class) {
                    kind = Kind.ACTION_IDS;
                } else if (listed.isRecord() && range != null) {
                    kind = Kind.ENTRIES;
                    describe(listed, path);
                } else {
                    throw new IllegalStateException(path + ": a list holds action ids, or records up to a @Range(max)");
                }
            } else {
                throw new IllegalStateException(path + ": no snapshot field can be a " + type.getSimpleName());
            }
            Field field = new Field(record, i, component.getName(), path, kind, type, element, min, max,
                    entry || type.isPrimitive(), component.getAnnotation(Ask.class));
            fields.add(field);
            BY_PATH.put(path, field);
        }
    }

    private static boolean isEntry(Class<?> record) {
        return record.isAnnotationPresent(Example.class);
    }

    /**
     * The fields of {@link DeviceSnapshot}, of a section's record or of a list entry's, in order.
     *
     * @param record one of the snapshot's records
     * @return its fields in component order
     * @throws IllegalArgumentException if the record isn't part of the snapshot
     */
    public static List<Field> fieldsOf(Class<?> record) {
        List<Field> fields = FIELDS.get(record);
        if (fields == null) {
            throw new IllegalArgumentException(record.getSimpleName() + " is not part of the snapshot");
        }
        return List.copyOf(fields);
    }

    /**
     * Whether the type is one of the snapshot's records.
     *
     * @param type any class
     * @return {@code true} for {@link DeviceSnapshot}, a section's record or a list entry's
     */
    public static boolean describes(Class<?> type) {
        return FIELDS.containsKey(type);
    }

    /**
     * A field of one of the snapshot's records by its JSON name.
     *
     * @param record one of the snapshot's records
     * @param name the field's JSON name, e.g. {@code signalBars}
     * @return the field, or empty if the record has none of that name or isn't part of the snapshot
     */
    public static Optional<Field> field(Class<?> record, String name) {
        List<Field> fields = FIELDS.get(record);
        if (fields != null) {
            for (Field field : fields) {
                if (field.name().equals(name)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A field by its path, as messages and {@code consult} name it.
     *
     * @param path such as {@code wifi.signalBars}
     * @return the field, or empty if no field has that path
     */
    public static Optional<Field> field(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /**
     * The section a record is read from.
     *
     * @param type a section's record
     * @return such as {@code wifi} for {@link dev.backupdoctor.facts.WifiStatus}; empty for other types
     */
    public static Optional<String> sectionOf(Class<?> type) {
        return Optional.ofNullable(SECTIONS.get(type));
    }

    /**
     * The fields {@code consult} may ask about.
     *
     * @return the fields marked {@link Ask}, in the order of their steps
     */
    public static List<Field> asked() {
        return ASKED;
    }

    /**
     * What one entry of a list is called in a message.
     *
     * @param record a list entry's record
     * @return its name in lower-case words: "app backup" for {@link dev.backupdoctor.facts.AppBackup}
     */
    public static String entryName(Class<?> record) {
        return record.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /**
     * A field's value in a snapshot; the field must be in one of its sections.
     *
     * @param snapshot the snapshot to read
     * @param field a field of one of its sections
     * @return the value, as the record holds it (UNKNOWN or {@code null} when unknown)
     */
    public static Object get(DeviceSnapshot snapshot, Field field) {
        Object section = Schema.field(DeviceSnapshot.class, sectionName(field)).orElseThrow().valueIn(snapshot);
        return field.valueIn(section);
    }

    /**
     * The snapshot with one field of one of its sections set to {@code value}, as consult records a reply.
     *
     * @param snapshot the snapshot to copy
     * @param field a field of one of its sections
     * @param value the new value, of the field's type; {@code null} is unknown
     * @return a copy differing in that one field
     */
    public static DeviceSnapshot with(DeviceSnapshot snapshot, Field field, Object value) {
        Field section = Schema.field(DeviceSnapshot.class, sectionName(field)).orElseThrow();
        return copyWith(snapshot, section, copyWith(section.valueIn(snapshot), field, value));
    }

    private static String sectionName(Field field) {
        String section = SECTIONS.get(field.owner());
        if (section == null) {
            throw new IllegalArgumentException(field.path() + " is not a field of a section");
        }
        return section;
    }


    @SuppressWarnings("unchecked")
    private static <R> R copyWith(R record, Field field, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = i == field.index() ? value : FIELDS.get(record.getClass()).get(i).valueIn(record);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
