package dev.backupdoctor.engine;

import dev.backupdoctor.catalog.Remedy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Whether the id is a built-in action's. */
    static boolean contains(String id) {
        return POSITIONS.containsKey(id);
    }

    /** The catalog position, or {@code Integer.MAX_VALUE} for an extension's own id. */
    static int position(String id) {
        return POSITIONS.getOrDefault(id, Integer.MAX_VALUE);
    }
}
