package dev.backupdoctor.engine;

import dev.backupdoctor.problems.RuleProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points each compiler message at the DRL a person wrote. Drools reports parse errors with a DRL
 * line, unknown types and fields with none, and errors in a rule's Java with a line of the Java it
 * generated from the DRL; this finds the DRL text those messages are about.
 */
final class DrlLocator {

    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) ");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern UNPARSABLE_EXPRESSION = Pattern.compile("Unable to (?:parse|analyze) .*?expression:?\\s*(.+)$");
    private static final Pattern JAVA_SOURCE = Pattern.compile("Java source of (\\S+) in error:\\R(.*)", Pattern.DOTALL);
    private static final String DROOLS_PREFIX = "drools.";

    /** Generated class names mean nothing to the person who wrote the rule. */
    private static final Pattern GENERATED_TYPE = Pattern.compile("for the type (LambdaConsequence|Rules)\\w+");

    private final List<RuleSource> sources;
    private final Set<String> reported = new HashSet<>();

    DrlLocator(List<RuleSource> sources) {
        this.sources = sources;
    }

    /**
     * @param source the DRL the compiler named, or {@code null} when it named a generated Java file
     * @param generatedJava the text of that Java file, when the message is about one
     */
    RuleProblem locate(RuleSource source, int line, int column, String compilerText, String generatedJava) {
        String text = GENERATED_TYPE.matcher(compilerText).replaceAll("in the rule");
        Matcher parser = PARSER_POSITION.matcher(text);
        if (source != null && parser.find()) {
            return RuleFiles.problem(source.name(), Integer.parseInt(parser.group(1)),
                    Integer.parseInt(parser.group(2)) + 1, text.substring(parser.end()));
        }
        if (source != null && line > 0) {
            return RuleFiles.problem(source.name(), line, Math.max(column, 0) + 1, text);
        }
        Matcher unknownClass = UNKNOWN_CLASS.matcher(text);
        if (unknownClass.find()) {
            String simpleName = unknownClass.group(1).replaceAll(".*\\.", "");
            return firstUnreported(source, Pattern.quote(simpleName) + "\\s*\\(", text);
        }
        Matcher expression = UNPARSABLE_EXPRESSION.matcher(text);
        if (expression.find()) {
            String constraint = expression.group(1);
            return findNormalized(source, constraint, 0, text,
                    (drl, offset) -> FactFields.unknownField(drl, offset, constraint).orElse(text));
        }
        if (generatedJava != null && line > 0) {
            return locateInGeneratedJava(generatedJava, line, column, text);
        }
        return RuleFiles.problem(source == null ? "(rules)" : source.name(), 0, 0, text);
    }

    /** The generated source a "Java source of FILE in error" message carries, or {@code null}. */
    static String[] generatedSource(String text) {
        Matcher matcher = JAVA_SOURCE.matcher(text);
        return matcher.find() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    private RuleProblem locateInGeneratedJava(String java, int line, int offset, String text) {
        String[] lines = java.split("\\R", -1);
        if (line > lines.length) {
            return RuleFiles.problem("(rules)", 0, 0, text);
        }
        String statement = lines[line - 1];
        // The compiler's column is an offset into the whole file; make it one into this line.
        int lineStart = 0;
        for (int i = 0; i < line - 1; i++) {
            lineStart += lines[i].length() + 1;
        }
        int inLine = offset - lineStart;
        int errorAt = inLine >= 0 && inLine <= statement.length()
                ? Normalized.of(statement.substring(0, inLine)).text.length() : 0;
        return findNormalized(null, statement, errorAt, text, (drl, at) -> text);
    }

    /** Finds text in the DRL ignoring white space and the "drools." that generated code adds. */
    private RuleProblem findNormalized(RuleSource preferred, String wanted, int offsetInWanted, String text,
            BiFunction<String, Integer, String> messageAt) {
        String needle = Normalized.of(wanted).text;
        if (needle.isEmpty()) {
            return RuleFiles.problem(preferred == null ? "(rules)" : preferred.name(), 0, 0, text);
        }
        for (RuleSource source : candidates(preferred)) {
            Normalized drl = Normalized.of(source.drl());
            int from = 0;
            for (int at = drl.text.indexOf(needle, from); at >= 0; at = drl.text.indexOf(needle, at + 1)) {
                int original = drl.offsets[Math.min(at + offsetInWanted, drl.offsets.length - 1)];
                RuleProblem problem = atOffset(source, original, text);
                if (reported.add(problem.file() + ":" + problem.line() + ":" + problem.column() + text)) {
                    return atOffset(source, original, messageAt.apply(source.drl(), original));
                }
            }
        }
        return RuleFiles.problem(preferred == null ? "(rules)" : preferred.name(), 0, 0, text);
    }

    private RuleProblem firstUnreported(RuleSource preferred, String regex, String text) {
        Pattern pattern = Pattern.compile("\\b" + regex);
        for (RuleSource source : candidates(preferred)) {
            Matcher matcher = pattern.matcher(source.drl());
            while (matcher.find()) {
                RuleProblem problem = atOffset(source, matcher.start(), text);
                if (reported.add(problem.file() + ":" + problem.line() + ":" + problem.column() + text)) {
                    return problem;
                }
            }
        }
        return RuleFiles.problem(preferred == null ? "(rules)" : preferred.name(), 0, 0, text);
    }

    private List<RuleSource> candidates(RuleSource preferred) {
        if (preferred == null) {
            return sources;
        }
        List<RuleSource> ordered = new ArrayList<>(List.of(preferred));
        sources.stream().filter(source -> source != preferred).forEach(ordered::add);
        return ordered;
    }

    private static RuleProblem atOffset(RuleSource source, int offset, String text) {
        int line = 1;
        int lineStart = 0;
        String drl = source.drl();
        for (int i = 0; i < offset && i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return RuleFiles.problem(source.name(), line, offset - lineStart + 1, text);
    }

    /** Text without white space or "drools.", and where each remaining character stood in the original. */
    private record Normalized(String text, int[] offsets) {

        static Normalized of(String original) {
            StringBuilder text = new StringBuilder();
            int[] offsets = new int[original.length() + 1];
            for (int i = 0; i < original.length(); i++) {
                if (original.startsWith(DROOLS_PREFIX, i) && (i == 0 || !Character.isJavaIdentifierPart(original.charAt(i - 1)))) {
                    i += DROOLS_PREFIX.length() - 1;
                } else if (!Character.isWhitespace(original.charAt(i))) {
                    offsets[text.length()] = i;
                    text.append(original.charAt(i));
                }
            }
            offsets[text.length()] = original.length();
            return new Normalized(text.toString(), java.util.Arrays.copyOf(offsets, text.length() + 1));
        }
    }
}
