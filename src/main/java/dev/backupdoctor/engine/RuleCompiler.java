package dev.backupdoctor.engine;

import dev.backupdoctor.problems.RuleProblem;
import dev.backupdoctor.problems.RulesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.util.Drools;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles DRL into a KieBase through the executable model, the only DRL compiler drools-engine ships.
 * Its code generator is an optional dependency: only rules added at run time need it.
 */
final class RuleCompiler {

    private static final String CODE_GENERATOR = "org.drools.model.codegen.ExecutableModelProject";

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final String RESOURCES = "src/main/resources/";
    /** Where a problem is said to be when no file can be named. */
    private static final String UNKNOWN_FILE = "(rules)";
    /** Follows every parse error and says nothing of its own. */
    private static final String PARSER_ECHO = "Parser returned a null Package";
    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.*)$");

    private RuleCompiler() {
    }

    /**
     * @throws RulesException listing every problem, each pointing into the DRL
     */
    static KieBase compile(List<RuleSource> sources, Set<String> disabledRules) {
        requireCodeGenerator();
        KieBase kieBase;
        try {
            kieBase = build(sources);
        } catch (RulesException failure) {
            throw new RulesException(everyProblem(sources, failure.problems()));
        }
        disable(kieBase, disabledRules);
        return kieBase;
    }

    /** @throws IllegalStateException naming the dependency to add when the code generator is missing */
    private static void requireCodeGenerator() {
        try {
            Class.forName(CODE_GENERATOR, false, RuleCompiler.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("compiling rules at run time needs org.drools:drools-model-codegen "
                    + Drools.getFullVersion() + " on the class path (backup-doctor declares it optional: only rules"
                    + " added with addRules or addClasspathRules need it)");
        }
    }

    /**
     * Drools stops at the first package that fails, so with several packages the others are
     * compiled one by one too, to report every package's problems in one go.
     */
    private static List<RuleProblem> everyProblem(List<RuleSource> sources, List<RuleProblem> firstPass) {
        Map<String, List<RuleSource>> byPackage = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            byPackage.computeIfAbsent(packageOf(source), name -> new ArrayList<>()).add(source);
        }
        Set<RuleProblem> problems = new LinkedHashSet<>(firstPass);
        if (byPackage.size() > 1) {
            for (List<RuleSource> onePackage : byPackage.values()) {
                try {
                    build(onePackage);
                } catch (RulesException failure) {
                    problems.addAll(failure.problems());
                }
            }
        }
        // A problem found without its file in the first pass, and with it package by package, once.
        Set<String> located = new LinkedHashSet<>();
        problems.stream().filter(problem -> !problem.file().equals(UNKNOWN_FILE)).forEach(problem -> located.add(problem.message()));
        problems.removeIf(problem -> problem.file().equals(UNKNOWN_FILE) && located.contains(problem.message()));
        return List.copyOf(problems);
    }

    private static KieBase build(List<RuleSource> sources) {
        KieServices services = KieServices.get();
        // A unique release id per build: builds that share one silently replace each other.
        ReleaseId releaseId = services.newReleaseId("dev.backupdoctor.runtime", "rules-" + UUID.randomUUID(), "1");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, RuleSource> byInternalPath = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String path = internalPath(i, sources.get(i));
            byInternalPath.put(path, sources.get(i));
            files.write(path, sources.get(i).drl());
        }
        long start = System.nanoTime();
        KieBuilder builder;
        try {
            builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException crash) {
            // Some mistakes (a function that doesn't parse, a string compared with a number) make
            // the compiler throw instead of reporting; its message is still the best clue there is.
            throw new RulesException(List.of(RuleFiles.problem(sources.size() == 1 ? sources.get(0).name() : UNKNOWN_FILE,
                    0, 0, "the rule compiler stopped: " + (crash.getMessage() == null ? crash.toString() : crash.getMessage()))));
        }
        List<RuleProblem> problems = problems(builder.getResults().getMessages(Message.Level.ERROR), sources, byInternalPath);
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        LOG.debug("Compiled {} rule files in {} ms", sources.size(), (System.nanoTime() - start) / 1_000_000);
        try {
            return services.newKieContainer(releaseId).newKieBase(immutable(services));
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * A knowledge base that never changes once its sessions exist (rules are only switched off
     * before the first one) spares every new session registering with it for updates.
     */
    private static KieBaseConfiguration immutable(KieServices services) {
        KieBaseConfiguration configuration = services.newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    /** Drools expects a DRL file's folder to match its package, and file names only need to be unique. */
    private static String internalPath(int index, RuleSource source) {
        return RESOURCES + packageOf(source).replace('.', '/') + "/source" + index + ".drl";
    }

    private static String packageOf(RuleSource source) {
        Matcher declared = PACKAGE.matcher(source.drl());
        return declared.find() ? declared.group(1) : "defaultpkg";
    }

    private static List<RuleProblem> problems(List<Message> messages, List<RuleSource> sources,
            Map<String, RuleSource> byInternalPath) {
        Map<String, String> generatedJava = new HashMap<>();
        for (Message message : messages) {
            String[] generated = DrlLocator.generatedSource(message.getText());
            if (generated != null) {
                generatedJava.put(generated[0], generated[1]);
            }
        }
        DrlLocator locator = new DrlLocator(sources);
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (Message message : messages) {
            String text = message.getText().strip();
            if (DrlLocator.generatedSource(text) != null || (text.equals(PARSER_ECHO) && messages.size() > 1)) {
                continue;
            }
            // Parse errors name the file relative to the resources folder, the others in full.
            RuleSource source = byInternalPath.getOrDefault(message.getPath(),
                    byInternalPath.get(RESOURCES + message.getPath()));
            problems.add(clarified(locator.locate(source, message.getLine(), message.getColumn(), text,
                    generatedJava.get(message.getPath())), sources));
        }
        return List.copyOf(problems);
    }

    /**
     * A rule of the caller's named as a built-in rule of the same package would take its place;
     * Drools only says the name is taken, which reads like a slip rather than a replacement, and at
     * times points at the built-in rule instead of the caller's.
     */
    private static RuleProblem clarified(RuleProblem problem, List<RuleSource> sources) {
        Matcher duplicate = DUPLICATE_RULE.matcher(problem.message());
        if (!duplicate.matches()) {
            return problem;
        }
        Pattern declared = Pattern.compile("^[ \\t]*rule\\s+\"" + Pattern.quote(duplicate.group(1)) + "\"", Pattern.MULTILINE);
        boolean builtIn = sources.stream().anyMatch(source -> isBuiltIn(source) && declared.matcher(source.drl()).find());
        for (RuleSource source : sources) {
            Matcher own = declared.matcher(source.drl());
            if (builtIn && !isBuiltIn(source) && own.find()) {
                int line = (int) source.drl().substring(0, own.start()).chars().filter(c -> c == '\n').count() + 1;
                return RuleFiles.problem(source.name(), line, 1, "rule \"" + duplicate.group(1) + "\" has the package"
                        + " and name of a built-in rule, which it would silently replace: give it a name of its own, and"
                        + " to replace the built-in rule switch that one off (disableRule)");
            }
        }
        return problem;
    }

    private static boolean isBuiltIn(RuleSource source) {
        return source.name().startsWith("classpath:" + RuleFiles.BUILT_IN + "/");
    }

    static void disable(KieBase kieBase, Set<String> ruleNames) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : ruleNames) {
            boolean found = false;
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                // A copy: a precompiled package hands out its live rule collection.
                for (Rule rule : List.copyOf(kiePackage.getRules())) {
                    if (rule.getName().equals(name)) {
                        kieBase.removeRule(kiePackage.getName(), name);
                        found = true;
                    }
                }
            }
            if (!found) {
                problems.add(RuleFiles.problem("(rules)", 0, 0, "there is no rule named \"" + name + "\" to switch off"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
    }
}
