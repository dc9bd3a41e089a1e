package dev.backupdoctor.cli;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.cli.batch.BatchStopped;
import dev.backupdoctor.cli.common.DidYouMean;
import dev.backupdoctor.cli.common.OptionalDependency;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.cli.common.SnapshotFile;
import dev.backupdoctor.cli.common.UsageException;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.problems.RulesException;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code diagnose} one snapshot, or {@code batch} a JSON Lines file of them
 * ({@code report}: the fleet's figures);
 * {@code explain} why an action is or is not in a plan; {@code consult}: ask a person what matters;
 * {@code import} device-management inventories as snapshots; {@code catalog}: the actions the rules can propose;
 * {@code serve}: all of it over HTTP.
 * Exit status 0: done; 2: invalid input, invalid rules or bad usage (one message on stderr,
 * nothing on stdout); 1: anything unexpected, a write to stdout that failed included.
 */
@Command(name = "Main", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Works out why an iPhone won't back up to iCloud, and what to do, in what order.")
public final class Main implements Runnable {

    /**
     * Every command by its name, in the order help lists them. A run that names its command sets up
     * that one alone: picocli's model of a command, read from its annotations, is a good part of
     * start-up, so the other eight are set up only for help and for a word that is not a command.
     */
    static final Map<String, Function<Context, Object>> COMMANDS;

    static {
        Map<String, Function<Context, Object>> commands = new LinkedHashMap<>();
        commands.put("diagnose", DiagnoseCommand::new);
        commands.put("batch", BatchCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("consult", ConsultCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("catalog", CatalogCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("mcp", McpCommand::new);
        COMMANDS = Collections.unmodifiableMap(commands);
    }

    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int INVALID = 2;
    /** A usage message quotes an argument; a message of one line stays readable at this length. */
    private static final int MAX_USAGE_MESSAGE_CHARS = 300;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        quietLogs();
        Function<List<Path>, BackupDoctor> doctors = builtInRulesAhead(args);
        // Not the PrintStream the JVM gives: a PrintStream swallows the IOException that tells a full disk from a closed pipe.
        System.exit(run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err, Terminal.detect(), doctors));
    }

    /**
     * The commands that take their doctor from {@link Context#doctors} ({@code serve} builds its own,
     * with its time limit inside), and those of them that read a snapshot file.
     */
    private static final Set<String> DIAGNOSING_COMMANDS = Set.of("diagnose", "batch", "report", "explain", "consult", "catalog",
            "mcp");
    private static final Set<String> SNAPSHOT_COMMANDS = Set.of("diagnose", "explain", "consult");

    /**
     * Builds the doctor the way {@link #doctor} does. Where the arguments name a command that needs
     * one and no {@code --rules}, the built-in doctor starts building now, and for a command that
     * reads a snapshot file the JSON reader is set up, each on a thread of its own, while picocli sets
     * up and parses on this one: these three are most of a short command's start-up, and they
     * overlap on two cores. The guess decides only when the work starts: the parsed options still
     * decide which doctor is used.
     */
    static Function<List<Path>, BackupDoctor> builtInRulesAhead(String[] args) {
        boolean diagnosing = args.length > 0 && DIAGNOSING_COMMANDS.contains(args[0])
                && Arrays.stream(args).noneMatch(arg -> arg.startsWith("--rules"));
        if (!diagnosing) {
            return Main::doctor;
        }
        if (SNAPSHOT_COMMANDS.contains(args[0])) {
            ahead("snapshot reader", () -> {
                // SLF4J's set-up, which looks through every jar for its settings, is the first thing
                // the doctor's build needs: here it starts beside it rather than in its way.
                LoggerFactory.getILoggerFactory();
                SnapshotFile.prepare();
            });
        }
        CompletableFuture<BackupDoctor> builtIn = new CompletableFuture<>();
        ahead("built-in rules", () -> {
            try {
                builtIn.complete(doctor(List.of()));
            } catch (Throwable failed) {
                builtIn.completeExceptionally(failed);
            }
        });
        return folders -> folders.isEmpty() ? await(builtIn) : doctor(folders);
    }

    /** Runs this on a thread of its own that does not keep the JVM alive. */
    private static void ahead(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The command line's logging, set here before any logger exists rather than in a
     * {@code simplelogger.properties}: the library's jar must not carry a logging configuration that
     * would take effect in an application embedding it. slf4j-simple logs to stderr, at {@code warn}.
     * Drools' own loggers are off: what they report (e.g. a rule file that doesn't compile, logged
     * once per attempt with the generated Java) this command reports itself, one line per problem.
     * Naming the provider spares SLF4J a search through every jar for one. Any setting made with
     * {@code -D} wins.
     */
    static void quietLogs() {
        if (present(SIMPLE_LOGGER)) {
            defaultProperty("slf4j.provider", SIMPLE_LOGGER);
            // Else SLF4J says on stderr which provider it was told to load.
            defaultProperty("slf4j.internal.verbosity", "WARN");
        }
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.drools", "off");
        defaultProperty("org.slf4j.simpleLogger.log.org.kie", "off");
        // serve's access log: one line a request.
        defaultProperty("org.slf4j.simpleLogger.log." + HttpServer.ACCESS_LOG, "info");
    }

    private static final String SIMPLE_LOGGER = "org.slf4j.simple.SimpleServiceProvider";

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** Runs one command with these streams, as if from a pipe, and returns its exit status. */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        return run(args, in, out, err, Terminal.NONE, Main::doctor);
    }

    /** {@code doctors} builds the doctor for the {@code --rules} folders given; tests share one to skip compiling. */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Terminal terminal,
            Function<List<Path>, BackupDoctor> doctors) {
        Context context = new Context(in, out, err, terminal, doctors);
        CommandLine commandLine = commandLine(args, context);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        // --format JSON, --from MDM: a value's case carries no meaning, so none is refused for it.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(context.writer()).setErr(errWriter)
                .setParameterExceptionHandler((problem, arguments) -> {
                    CommandLine command = problem.getCommandLine();
                    // Picocli quotes the argument it could not use, whatever its length.
                    errWriter.println(Printable.of(Printable.cut(usageProblem(problem), MAX_USAGE_MESSAGE_CHARS))
                            + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
                    return INVALID;
                })
                .setExecutionExceptionHandler((problem, command, parsed) -> failed(problem, errWriter, terminal));
        int status = commandLine.execute(args);
        // Whatever the command made of it: a scheduled job must not take a partial output as whole.
        Optional<String> failedWrite = context.out().failedWrite();
        if (failedWrite.isPresent()) {
            errWriter.println(failedWrite.get());
            return UNEXPECTED;
        }
        return status;
    }

    /** The command line with the command {@code args} name, or with all of them when they name none. */
    static CommandLine commandLine(String[] args, Context context) {
        CommandLine commandLine = new CommandLine(new Main());
        Function<Context, Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        for (Function<Context, Object> command : named != null ? List.of(named) : COMMANDS.values()) {
            commandLine.addSubcommand(command.apply(context));
        }
        return commandLine;
    }

    /** Picocli's message, or for a word where a command belongs, which command it may have meant. */
    private static String usageProblem(ParameterException problem) {
        CommandSpec spec = problem.getCommandLine().getCommandSpec();
        if (problem instanceof UnmatchedArgumentException unmatched && spec.parent() == null && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String typed = unmatched.getUnmatched().get(0);
            return "Unknown command '" + Printable.cut(typed) + "'" + DidYouMean.closest(typed, spec.subcommands().keySet())
                    .map(command -> "; did you mean '" + command + "'?")
                    .orElse("; the commands are " + commands(spec));
        }
        return problem.getMessage();
    }

    /** "diagnose, batch, ... or catalog". */
    private static String commands(CommandSpec spec) {
        List<String> names = List.copyOf(spec.subcommands().keySet());
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Messages quote input (a value, a file name, a rule's words), so they are shown {@link Printable}. */
    private static int failed(Exception problem, PrintWriter err, Terminal terminal) {
        if (problem instanceof RulesException rules) {
            // As compilers do, so that editors can jump to each problem.
            for (RuleProblem ruleProblem : rules.problems()) {
                err.println(Printable.of(ruleProblem.toString()));
            }
            return INVALID;
        }
        if (problem instanceof BatchStopped stopped) {
            err.println(Printable.of(stopped.getMessage()));
            return UNEXPECTED;
        }
        if (problem instanceof InvalidSnapshotException || problem instanceof UsageException
                || problem instanceof RuleFailedException) {
            err.println(Printable.of(problem.getMessage()));
            return INVALID;
        }
        err.println("unexpected error: " + Printable.of(problem.toString())
                + (terminal.debug() ? "" : " (set BACKUP_DOCTOR_DEBUG=1 for details)"));
        if (terminal.debug()) {
            problem.printStackTrace(err);
        }
        return UNEXPECTED;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: " + commands(spec));
    }

    /** The doctor built in the background, or the exception its build threw, as the build itself would throw it. */
    static BackupDoctor await(CompletableFuture<BackupDoctor> doctor) {
        try {
            return doctor.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Builds the doctor with the built-in rules and those of every {@code --rules} folder. */
    static BackupDoctor doctor(List<Path> ruleFolders) {
        return builder(ruleFolders).build();
    }

    /** The builder of {@link #doctor}, for a command that sets more than the rules. */
    static BackupDoctor.Builder builder(List<Path> ruleFolders) {
        BackupDoctor.Builder builder = BackupDoctor.builder();
        if (!ruleFolders.isEmpty()) {
            OptionalDependency.DRL_COMPILER.require();
        }
        for (Path folder : ruleFolders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--rules " + Printable.cut(folder.toString()) + ": "
                        + (Files.exists(folder) ? "not a folder" : "no such folder"));
            }
            builder.addRules(folder);
        }
        return builder;
    }

    /** What one run works with: the standard streams and how to build the doctor. */
    record Context(InputStream in, StandardOutput out, PrintStream err, Terminal terminal,
            Function<List<Path>, BackupDoctor> doctors) {

        Context(InputStream in, OutputStream out, PrintStream err, Terminal terminal,
                Function<List<Path>, BackupDoctor> doctors) {
            this(in, new StandardOutput(out), err, terminal, doctors);
        }

        /** Standard output as UTF-8 text. */
        PrintWriter writer() {
            return out.text();
        }

        /**
         * Flushes; {@code true} when stdout can take no more: the command stops there. Its reader
         * may have gone (a closed pipe), or a write failed, which {@link Main#run} then reports.
         */
        boolean outputStopped() {
            return out.stopped();
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream version = Main.class.getResourceAsStream("version.properties")) {
                if (version != null) {
                    properties.load(version);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"backup-doctor " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
