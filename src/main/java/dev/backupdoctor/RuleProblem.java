package dev.backupdoctor;

/** One problem in a rule file, pointing into the DRL source; line and column are 0 when unknown. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
