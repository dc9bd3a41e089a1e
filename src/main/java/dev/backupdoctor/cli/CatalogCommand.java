package dev.backupdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.cli.common.Printable;
import dev.backupdoctor.plan.CatalogEntry;
import dev.backupdoctor.plan.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Lists every action the rules can suggest, with the kinds it comes as (fix, check or general remedy),"
                + " its step of the troubleshooting article and its title.",
                "The built-in actions come first, in the catalog's order, then those of your own rules, by id."})
final class CatalogCommand implements Callable<Integer> {

    private final Main.Context context;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): a table for a person; json: the same as JSON.")
    private TextOrJson format;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Also list the actions of the rules in every .drl file in DIR and its subfolders (repeatable).")
    private List<Path> folders = new ArrayList<>();

    CatalogCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<CatalogEntry> catalog = context.doctors().apply(folders).catalog();
        context.writer().write(format == TextOrJson.json
                ? new ObjectMapper().writeValueAsString(Map.of("actions", catalog)) + "\n"
                : table(catalog));
        return Main.OK;
    }

    /** One row an action, in columns; what a rule of your own doesn't write literally shows as "?". */
    static String table(List<CatalogEntry> catalog) {
        int idWidth = Math.max("id".length(), catalog.stream().mapToInt(entry -> entry.id().length()).max().orElse(0));
        int kindWidth = "FIX, CHECK".length();
        String row = "%-" + idWidth + "s  %-" + kindWidth + "s  %-4s  %s%n";
        StringBuilder table = new StringBuilder(String.format(row, "id", "kinds", "step", "title"));
        for (CatalogEntry entry : catalog) {
            String kinds = entry.kinds().isEmpty() ? "?" : entry.kinds().stream().map(Kind::name).collect(Collectors.joining(", "));
            table.append(String.format(row, entry.id(), kinds, entry.step() == null ? "-" : entry.step(),
                    entry.title() == null ? "?" : Printable.of(entry.title())));
        }
        return table.toString();
    }
}
