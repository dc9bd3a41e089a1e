package dev.backupdoctor.cli;

import dev.backupdoctor.Action;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.Evidence;
import dev.backupdoctor.Kind;
import java.util.stream.Collectors;

/** Renders a plan as numbered steps a person follows, optionally with ANSI colour. */
final class PlanText {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";

    private final boolean colour;
    private final boolean explain;

    PlanText(boolean colour, boolean explain) {
        this.colour = colour;
        this.explain = explain;
    }

    String render(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder();
        text.append(summary(diagnosis)).append("\n");
        int number = 1;
        for (Action action : diagnosis.actions()) {
            text.append("\n").append(number++).append(". ")
                    .append(paint(kindColour(action.kind()), "[" + action.kind() + "]")).append(" ")
                    .append(paint(BOLD, action.title())).append("\n");
            int instruction = 1;
            for (String line : action.instructions()) {
                text.append("   ").append(instruction++).append(") ").append(line).append("\n");
            }
            text.append("   Why: ").append(action.reason()).append("\n");
            if (explain) {
                text.append("   Rule: \"").append(action.rule()).append("\"")
                        .append(action.because().isEmpty() ? "" : ", matching " + action.because().stream()
                                .map(Evidence::toString).collect(Collectors.joining(", ")))
                        .append("\n");
            }
            if (action.caution() != null) {
                text.append("   ").append(paint(YELLOW, "Careful:")).append(" ").append(action.caution()).append("\n");
            }
        }
        return text.toString();
    }

    private static String summary(Diagnosis diagnosis) {
        long fixes = diagnosis.actions().stream().filter(action -> action.kind() == Kind.FIX).count();
        long checks = diagnosis.actions().stream().filter(action -> action.kind() == Kind.CHECK).count();
        if (diagnosis.actions().isEmpty()) {
            return "Nothing is visibly wrong, and every general remedy has already been tried.";
        }
        if (diagnosis.healthy()) {
            return "Nothing is visibly wrong: iCloud Backup should work. If it still fails, try these in order:";
        }
        if (fixes == 0) {
            return "Nothing is visibly wrong, but " + count(checks, "thing is", "things are")
                    + " unknown. Check, then try the rest, in order:";
        }
        return "Found " + count(fixes, "thing", "things") + " to fix"
                + (checks == 0 ? "" : " and " + checks + " to check") + ". Work through the plan in order:";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String kindColour(Kind kind) {
        return switch (kind) {
            case FIX -> RED;
            case CHECK -> YELLOW;
            case TRY -> CYAN;
        };
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
