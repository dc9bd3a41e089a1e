package dev.backupdoctor.engine;

import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.Remedy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The built-in action ids in catalog order, which breaks ties between actions of one kind and step. */
final class Catalog {

    /** The order of {@link Remedy}'s constants: the catalog is written down there, once. */
    static final List<String> IDS = Stream.of(Remedy.values()).map(Remedy::id).toList();

    /** Sorting a plan asks for positions dozens of times; a lookup beats scanning the list each time. */
    private static final Map<String, Integer> POSITIONS = positions();

    private Catalog() {
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            positions.put(IDS.get(i), i);
        }
        return Map.copyOf(positions);
    }

    /**
     * The id a {@link Remedy} method proposes, by its name: the id in camelCase, with the kind after
     * it for an id's other kinds ({@code connectToWifi}, {@code connectToWifiCheck}: CONNECT_TO_WIFI).
     */
    static Optional<String> idOfRemedyMethod(String method) {
        String name = method.toLowerCase(Locale.ROOT);
        for (Remedy remedy : Remedy.values()) {
            String camel = remedy.id().replace("_", "").toLowerCase(Locale.ROOT);
            if (name.equals(camel)) {
                return Optional.of(remedy.id());
            }
            for (Kind kind : Kind.values()) {
                if (name.equals(camel + kind.name().toLowerCase(Locale.ROOT))) {
                    return Optional.of(remedy.id());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the id is a built-in action's. */
    static boolean contains(String id) {
        return POSITIONS.containsKey(id);
    }

    /** The catalog position, or {@code Integer.MAX_VALUE} for an extension's own id. */
    static int position(String id) {
        return POSITIONS.getOrDefault(id, Integer.MAX_VALUE);
    }
}
