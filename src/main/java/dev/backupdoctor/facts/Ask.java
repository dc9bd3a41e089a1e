package dev.backupdoctor.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a snapshot field that {@code consult} may ask a person about, and how. The kind of reply
 * follows from the field's type: yes/no for an {@link Answer}, a choice for an enum, a number
 * for an {@code Integer}, a size in GB or MB for a byte count, a version, or a name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Ask {
    /**
     * Where the question comes in the troubleshooting steps; equally useful questions keep this order.
     * The steps go in tens, so that a new question finds a place between two without renumbering.
     *
     * @return the position, lower first
     */
    int step();

    /**
     * The question, in a person's words.
     *
     * @return the question as consult prints it
     */
    String value();

    /**
     * Replies (as a person types them) to try when weighing the question.
     *
     * @return the replies; empty means every yes/no or choice
     */
    String[] whatIf() default {};

    /**
     * Other words a person may reply for a choice.
     *
     * @return synonyms, each as {@code "word=CONSTANT"}: {@code "other=THIRD_PARTY"}
     */
    String[] alsoSaid() default {};

    /**
     * Whether the question asks about the opposite of the field.
     *
     * @return {@code true} if "yes" means the field is NO
     */
    boolean opposite() default false;
}
