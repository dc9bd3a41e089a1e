package dev.backupdoctor.engine;

import java.util.List;

/** The rules could not be loaded: every problem found, not just the first. */
public final class RuleLoadFailure extends RuntimeException {

    private final transient List<SourceProblem> problems;

    RuleLoadFailure(List<SourceProblem> problems) {
        super(problems.size() + " problem(s) in the rules", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}
