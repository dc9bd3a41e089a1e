package dev.backupdoctor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles DRL into a KieBase through the executable model, the only DRL compiler drools-engine ships. */
final class RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private RuleCompiler() {
    }

    static KieBase compile(List<RuleSource> sources) {
        KieServices services = KieServices.get();
        // A unique release id per build: builds that share one silently replace each other.
        ReleaseId releaseId = services.newReleaseId("dev.backupdoctor.runtime", "rules-" + UUID.randomUUID(), "1");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (int i = 0; i < sources.size(); i++) {
            files.write(internalPath(i, sources.get(i)), sources.get(i).drl());
        }
        long start = System.nanoTime();
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problem(message, sources));
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        LOG.debug("Compiled {} rule files in {} ms", sources.size(), (System.nanoTime() - start) / 1_000_000);
        try {
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /** Drools expects a DRL file's folder to match its package, and file names only need to be unique. */
    private static String internalPath(int index, RuleSource source) {
        Matcher declared = PACKAGE.matcher(source.drl());
        String folder = declared.find() ? declared.group(1).replace('.', '/') : "defaultpkg";
        return "src/main/resources/" + folder + "/source" + index + ".drl";
    }

    private static RuleProblem problem(Message message, List<RuleSource> sources) {
        String file = message.getPath();
        for (int i = 0; i < sources.size(); i++) {
            if (internalPath(i, sources.get(i)).equals(file)) {
                file = sources.get(i).name();
            }
        }
        return new RuleProblem(file, message.getLine(), message.getColumn(), message.getText());
    }
}
