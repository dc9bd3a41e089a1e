package dev.backupdoctor.problems;

/**
 * One problem in a rule file, pointing into the DRL source.
 *
 * @param file the rule file as it was named to the builder, or {@code (rules)} for a problem of no one file
 * @param line the line, from 1; 0 when unknown
 * @param column the column, from 1; 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {

    /** @return {@code file:line:column: message}, the form compilers use */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
