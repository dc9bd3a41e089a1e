package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every {@code --help} is read by support people: whole sentences, none of the snapshot's field paths or JSON keys. */
class HelpTest {

    /** A sentence ends; picocli wraps each paragraph, so a paragraph cut mid-sentence ends with a comma or a word. */
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?]$");
    /** {@code wifi.signalBars}, {@code $.power.batteryPercent}, {@code "line":}: what the program sees, not the person. */
    private static final Pattern INTERNAL = Pattern.compile("\\$\\.|\\b[a-z]+\\.[a-z]+[A-Z]\\w*|\"\\w+\"\\s*:");

    @Test
    void everyParagraphOfEveryHelpIsWholeSentencesInAPersonsWords() {
        Main.Context context = new Main.Context(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Terminal.NONE, rules -> {
                    throw new AssertionError("help builds no doctor");
                });
        CommandLine main = Main.commandLine(new String[0], context);
        List<CommandLine> commands = new ArrayList<>(List.of(main));
        commands.addAll(main.getSubcommands().values());
        assertThat(commands).extracting(CommandLine::getCommandName)
                .containsExactly("Main", "diagnose", "batch", "report", "explain", "consult", "import", "catalog", "serve", "mcp");

        List<String> paragraphs = new ArrayList<>();
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            for (String paragraph : spec.usageMessage().description()) {
                paragraphs.add(spec.qualifiedName() + ": " + paragraph);
            }
            for (ArgSpec arg : spec.args()) {
                for (String paragraph : arg.description()) {
                    paragraphs.add(spec.qualifiedName() + " " + arg.paramLabel() + ": " + paragraph);
                }
            }
        }
        assertThat(paragraphs).hasSizeGreaterThan(20)
                .allSatisfy(paragraph -> assertThat(paragraph.strip()).matches(SENTENCE_END))
                .noneSatisfy(paragraph -> assertThat(paragraph).containsPattern(INTERNAL));
    }

    @Test
    void aRunThatNamesItsCommandSetsUpThatOneAlone() {
        Main.Context context = new Main.Context(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Terminal.NONE, rules -> {
                    throw new AssertionError("setting up builds no doctor");
                });
        for (String name : Main.COMMANDS.keySet()) {
            assertThat(Main.commandLine(new String[] {name, "--help"}, context).getSubcommands()).as(name).containsOnlyKeys(name);
        }
        assertThat(Main.commandLine(new String[] {"diagnos"}, context).getSubcommands()).hasSize(Main.COMMANDS.size());
        assertThat(Main.commandLine(new String[] {"--help"}, context).getSubcommands()).hasSize(Main.COMMANDS.size());
    }

    @Test
    void consultTakesASaveFileAndNoFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"consult", "--help"}, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: Main consult [-hV] [--save=FILE] [--time-limit=SECONDS] [--rules=DIR]...\n")
                .doesNotContain("--format");
    }

    @Test
    void everyHelpPrintsAndExitsZero() {
        for (String command : List.of("", "diagnose", "batch", "report", "explain", "consult", "catalog", "serve", "mcp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
            int status = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));
            assertThat(status).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("Usage: Main").contains("--help");
        }
    }
}
