package dev.backupdoctor.engine;

/** One problem in a rule file, pointing into the DRL source; line and column are 0 when unknown. */
public record SourceProblem(String file, int line, int column, String message) {
}
