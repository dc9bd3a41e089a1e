package dev.backupdoctor.plan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An action the loaded rules can propose, as the catalog lists it: a built-in one as the catalog
 * ({@code dev.backupdoctor.catalog}) describes it, one of your own rules as their {@code Action.of( Kind.FIX, "MY_ID", 3 ).title( "..." )}
 * writes it.
 *
 * @param id the action id, e.g. {@code "CONNECT_TO_WIFI"}
 * @param kinds the kinds it is proposed as, in FIX, CHECK, TRY order; empty when a rule of your own
 *     doesn't write the kind as a constant
 * @param step the article's step, 1 to 9, or {@code null} for none or when a rule of your own doesn't
 *     write it as a number
 * @param title its title, or {@code null} when a rule of your own doesn't write it as a string literal
 */
public record CatalogEntry(String id, Set<Kind> kinds, Integer step, String title) {

    /**
     * @param id the action id
     * @param kinds the kinds, copied
     * @param step the step, or {@code null}
     * @param title the title, or {@code null}
     */
    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }
}
