package dev.backupdoctor.problems;

import java.util.List;
import java.util.stream.Collectors;

/** The rules could not be loaded; {@link #problems()} lists every problem found, not just the first. */
public final class RulesException extends RuntimeException {

    /** Every problem found. */
    private final List<RuleProblem> problems;

    /**
     * The rules could not be loaded.
     *
     * @param problems every problem found, in the order of the files, which the message lists one a line
     */
    public RulesException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in the order of the files */
    public List<RuleProblem> problems() {
        return problems;
    }
}
