package dev.backupdoctor.cli.common;

/**
 * The command line's optional dependencies beyond picocli (declared {@code <optional>} in the pom,
 * so that an application embedding the library doesn't get them; the DRL compiler is one, which the
 * installed command keeps apart in {@code lib/compiler/} and puts on the class path only for
 * {@code --rules}): what needs each, and a class that shows it is on the class path. A command
 * checks before it starts, so that a missing jar is one line saying what to add, not a
 * {@link NoClassDefFoundError} half-way through a fleet.
 */
public enum OptionalDependency {

    JTE("report --format html", "gg.jte:jte-runtime", "gg.jte.TemplateOutput"),
    DD_PLIST("--from mdm", "com.googlecode.plist:dd-plist", "com.dd.plist.NSObject"),
    JAVALIN("serve", "io.javalin:javalin", "io.javalin.Javalin"),
    MCP("mcp", "io.modelcontextprotocol.sdk:mcp-json-jackson2", "io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper"),
    DRL_COMPILER("--rules", "org.drools:drools-model-codegen", "org.drools.model.codegen.ExecutableModelProject",
            "the installed command keeps it, with the rest of the DRL compiler, in lib/compiler/");

    private final String neededBy;
    private final String artifact;
    private final String probe;
    private final String where;

    OptionalDependency(String neededBy, String artifact, String probe) {
        this(neededBy, artifact, probe, "it is an optional dependency of backup-doctor");
    }

    OptionalDependency(String neededBy, String artifact, String probe, String where) {
        this.neededBy = neededBy;
        this.artifact = artifact;
        this.probe = probe;
        this.where = where;
    }

    /** @throws UsageException when it is not on the class path */
    public void require() {
        try {
            Class.forName(probe, false, OptionalDependency.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new UsageException(neededBy + " needs " + artifact + " on the class path (" + where + ")");
        }
    }
}
