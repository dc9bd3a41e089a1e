package dev.backupdoctor.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How one entry of a snapshot list looks in JSON, for messages about a malformed one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Example {
    /**
     * The entry as JSON.
     *
     * @return a valid entry, e.g. {@code {"app": "WhatsApp", "bytes": 900000000}}
     */
    String value();
}
