package dev.backupdoctor.cli;

import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a plan as numbered steps a person follows, optionally with ANSI colour. An action that is
 * an alternative to another in the plan follows that one as "or instead", numbered after it (2b,
 * 2c), so that a person sees they need only one of them.
 */
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
        List<Step> steps = steps(diagnosis.actions());
        StringBuilder text = new StringBuilder();
        text.append(summary(diagnosis, steps)).append("\n");
        int number = 1;
        boolean fixes = steps.stream().anyMatch(step -> step.action().kind() == Kind.FIX);
        boolean triesBegun = false;
        for (Step step : steps) {
            if (fixes && !triesBegun && step.action().kind() == Kind.TRY) {
                // The remedies come after the fixes, not beside them: they are for when the fixes weren't enough.
                text.append("\nIf that doesn't fix it, try these in order:\n");
                triesBegun = true;
            }
            text.append("\n").append(number).append(". ");
            action(text, step.action(), "   ");
            char letter = 'b';
            for (Action alternative : step.alternatives()) {
                text.append("   or instead: ").append(number).append(letter++).append(". ");
                action(text, alternative, "      ");
            }
            number++;
        }
        return text.toString();
    }

    /** One thing a person does: an action, and the actions that would do instead of it. */
    private record Step(Action action, List<Action> alternatives) {
    }

    /**
     * The plan's steps in plan order. An action is shown as an alternative when it names another
     * action of the plan that names none itself; otherwise (what it names is missing, or is an
     * alternative too) it is a step of its own.
     */
    private static List<Step> steps(List<Action> actions) {
        Map<String, Action> byId = new HashMap<>();
        for (Action action : actions) {
            byId.putIfAbsent(action.id(), action);
        }
        List<Step> steps = new ArrayList<>();
        Map<Action, Step> stepOf = new IdentityHashMap<>();
        for (Action action : actions) {
            if (replaced(action, byId) == null) {
                Step step = new Step(action, new ArrayList<>());
                steps.add(step);
                stepOf.put(action, step);
            }
        }
        for (Action action : actions) {
            Action replaced = replaced(action, byId);
            if (replaced != null) {
                stepOf.get(replaced).alternatives().add(action);
            }
        }
        return steps;
    }

    private static Action replaced(Action action, Map<String, Action> byId) {
        Action named = named(action, byId);
        return named != null && named(named, byId) == null ? named : null;
    }

    /** The other action of the plan that {@code action} is an alternative to, or {@code null}. */
    private static Action named(Action action, Map<String, Action> byId) {
        Action named = action.alternativeTo() == null ? null : byId.get(action.alternativeTo());
        return named == action ? null : named;
    }

    /**
     * One action as the plan shows it: its kind and title, then under it, indented, what to do, why
     * and what to mind. Its wording may quote the snapshot (an app's name, the model), so it is
     * shown {@link Printable}.
     */
    void action(StringBuilder text, Action action, String indent) {
        text.append(paint(kindColour(action.kind()), "[" + action.kind() + "]")).append(" ")
                .append(paint(BOLD, Printable.of(action.title()))).append("\n");
        int instruction = 1;
        for (String line : action.instructions()) {
            text.append(indent).append(instruction++).append(") ").append(Printable.of(line)).append("\n");
        }
        text.append(indent).append("Why: ").append(Printable.of(action.reason())).append("\n");
        if (explain) {
            text.append(indent).append("Rule: \"").append(Printable.of(action.rule())).append("\"")
                    .append(action.because().isEmpty() ? "" : ", matching " + action.because().stream()
                            .map(evidence -> Printable.of(evidence.toString())).collect(Collectors.joining(", ")))
                    .append("\n");
        }
        if (action.caution() != null) {
            text.append(indent).append(paint(YELLOW, "Careful:")).append(" ").append(Printable.of(action.caution())).append("\n");
        }
    }

    /** Counts what a person has to do: an action and its alternatives are one thing. */
    private static String summary(Diagnosis diagnosis, List<Step> steps) {
        long fixes = steps.stream().filter(step -> step.action().kind() == Kind.FIX).count();
        long checks = steps.stream().filter(step -> step.action().kind() == Kind.CHECK).count();
        Integer days = diagnosis.lastBackupDaysAgo();
        if (diagnosis.actions().isEmpty()) {
            if (!diagnosis.backupRecent()) {
                return "Nothing is visibly wrong, and every general remedy has already been tried.";
            }
            boolean byDays = days != null && days <= ICloudSettings.RECENT_BACKUP_DAYS;
            return (byDays ? "The last backup went through " + (days == 0 ? "less than a day" : "1 day") + " ago"
                    : "Back Up Now finished a backup") + ": iCloud Backup works, and nothing stands in the way of the next one.";
        }
        if (diagnosis.healthy()) {
            return "Nothing is visibly wrong: iCloud Backup should work. If it still fails, try these in order:";
        }
        if (fixes == 0 && checks == 0) {
            // Only a stale backup keeps a plan of nothing but remedies from being healthy.
            return "Nothing is visibly wrong, but the iPhone hasn't backed up to iCloud for " + days
                    + " days. Try these in order:";
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
