package dev.backupdoctor.engine;

/**
 * One problem in a rule file, pointing into the DRL source; line and column are 0 when unknown.
 * The message is one line: the compiler's first line, cut to {@value #MAX_MESSAGE} characters, so
 * that a message carrying generated Java or a stack trace stays one line of output.
 */
public record SourceProblem(String file, int line, int column, String message) {

    static final int MAX_MESSAGE = 300;

    public SourceProblem {
        message = oneLine(message);
    }

    static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.length() <= MAX_MESSAGE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_MESSAGE - 2);
        return line.substring(0, cut > MAX_MESSAGE / 2 ? cut : MAX_MESSAGE - 2).stripTrailing() + " …";
    }
}
