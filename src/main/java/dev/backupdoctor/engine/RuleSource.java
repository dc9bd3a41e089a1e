package dev.backupdoctor.engine;

import java.util.Objects;

/** One DRL file's text and the name its problems are reported under (a path, or a classpath location). */
record RuleSource(String name, String drl) {

    RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(drl, "drl");
    }
}
