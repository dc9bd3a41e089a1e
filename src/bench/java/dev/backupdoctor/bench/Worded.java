package dev.backupdoctor.bench;

import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's wording for the mirrors, filled as the engine fills it from a rule's bindings: a
 * placeholder is a value bound under its name, or else a property of a fact bound. The mirrors
 * decide on their own; what their actions say comes from the same message files as the rules'.
 */
final class Worded {

    private static final ClassValue<Map<String, MethodHandle>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Worded() {
    }

    /**
     * @param bound names and values in turn, as a rule binds them: {@code "storage", storage, "model", model}
     */
    static Action.Builder action(Remedy remedy, Kind kind, Object... bound) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < bound.length; i += 2) {
            values.put((String) bound[i], bound[i + 1]);
        }
        return Wording.english().template(remedy, kind).action(name -> values.containsKey(name) ? values.get(name) : property(values, name));
    }

    private static Object property(Map<String, Object> values, String name) {
        for (Object fact : values.values()) {
            if (fact != null && fact.getClass().isRecord()) {
                MethodHandle getter = PROPERTIES.get(fact.getClass()).computeIfAbsent(name, property -> getter(fact.getClass(), property));
                if (getter != null) {
                    try {
                        return getter.invoke(fact);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("nothing bound gives {" + name + "}");
    }

    private static MethodHandle getter(Class<?> type, String name) {
        try {
            return MethodHandles.publicLookup().findVirtual(type, name, MethodType.methodType(type.getMethod(name).getReturnType()));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
