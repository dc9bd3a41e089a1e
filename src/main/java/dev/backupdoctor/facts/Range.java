package dev.backupdoctor.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a snapshot field may take: a whole number from {@link #min()} to {@link #max()}, or
 * on a list, at most {@link #max()} entries. {@link dev.backupdoctor.schema.Schema} reads it; the JSON reader enforces it.
 * A byte count ({@code Long} or {@code long}) needs none: it is always 0 to {@link StorageStatus#MAX_BYTES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    /**
     * The smallest value allowed.
     *
     * @return the inclusive minimum, 0 unless set
     */
    long min() default 0;

    /**
     * The largest value allowed, or the most entries of a list.
     *
     * @return the inclusive maximum
     */
    long max();
}
