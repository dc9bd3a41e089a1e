package dev.backupdoctor;

import dev.backupdoctor.engine.Knowledge;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.plan.CatalogEntry;
import dev.backupdoctor.problems.RuleFailedException;
import dev.backupdoctor.problems.RulesException;
import dev.backupdoctor.problems.RunawayRuleException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The troubleshooter. Building one compiles the rules, which is the expensive part: build it once
 * and share it. It is immutable and thread-safe; {@link #diagnose} is cheap and may be called from
 * many threads at once.
 *
 * <pre>{@code
 * BackupDoctor doctor = BackupDoctor.create();
 * Diagnosis plan = doctor.diagnose(snapshot);
 * }</pre>
 */
public final class BackupDoctor {

    private final Knowledge knowledge;
    private final Questions questions;

    private BackupDoctor(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.questions = new Questions(this::diagnose);
    }

    /**
     * A doctor with the built-in knowledge base.
     *
     * @return a doctor ready to diagnose
     */
    public static BackupDoctor create() {
        return builder().build();
    }

    /**
     * Chooses the rules: the built-in ones, your own, and built-in ones switched off.
     *
     * @return a builder with the built-in rules chosen
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Works out the ordered plan for one snapshot.
     *
     * @param snapshot what is known about the device
     * @return the plan, every FIX, then every CHECK, then every TRY
     * @throws RuleFailedException if a rule threw, recursed too deeply, ran out of memory or past the
     *     time limit, or kept firing without end ({@link RunawayRuleException}); only an added rule can
     */
    public Diagnosis diagnose(DeviceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        ICloudSettings icloud = snapshot.icloud();
        return new Diagnosis(snapshot.id(), knowledge.plan(snapshot), icloud.lastBackupDaysAgo(), icloud.backupRecent(), icloud.backupStale(),
                unknownTried(snapshot.tried()), diagnosis -> questions.rank(snapshot, diagnosis));
    }

    /**
     * Every action the rules of this doctor can propose: the built-in catalog, in its order, then
     * the ids your own rules create with {@code Action.of} that the catalog lacks, in id order, with
     * the kind, step and title those rules write (the first time, your rules' DRL is parsed, which
     * takes a few hundred milliseconds).
     *
     * @return the actions, each with its kinds, step and title
     */
    public List<CatalogEntry> catalog() {
        return knowledge.catalog();
    }

    /**
     * Whether a rule of this doctor can propose the action: a {@code tried} id that none can is
     * probably a typo, as {@link Diagnosis#unknownTried()} lists.
     *
     * @param actionId an action id, for example {@code "RESTART_IPHONE"}
     * @return whether it is in {@link #catalog()}
     */
    public boolean proposes(String actionId) {
        return knowledge.proposes(Objects.requireNonNull(actionId, "actionId"));
    }

    private List<String> unknownTried(List<String> tried) {
        // Most snapshots have tried nothing: no stream for them.
        return tried.isEmpty() ? List.of() : tried.stream().filter(id -> !knowledge.proposes(id)).distinct().toList();
    }

    /**
     * A diagnosis running now for longer than {@code limit}, as the exception it would end with, for
     * a watchdog thread to check now and then. A rule whose own code never returns (a loop in its
     * {@code then}) can't be stopped from outside its thread: it never reaches the next firing, where
     * {@link Builder#timeLimit} would stop it, so only ending the process ends it. The command line's
     * {@code --time-limit} does that.
     *
     * @param limit how long a diagnosis may take
     * @return one such diagnosis, naming the rule firing in it, or empty when none is
     */
    public Optional<RuleFailedException> overrunning(Duration limit) {
        return knowledge.overrunning(limit);
    }

    /**
     * Starts a consultation with a person about this snapshot: the questions that would change its
     * plan, then the plan one action at a time (see {@link Consultation}).
     *
     * @param known what is already known about the device; {@link DeviceSnapshot#unknown()} for nothing
     * @return the consultation at its first step
     * @throws RuleFailedException if a rule fails, as {@link #diagnose} says
     */
    public Consultation consult(DeviceSnapshot known) {
        return Consultation.start(this, Objects.requireNonNull(known, "known"));
    }

    /**
     * Continues a consultation from its {@link Consultation#state()}, taken in this process or another
     * with the same rules: the next step is the one it had.
     *
     * @param state what the consultation had learned and settled
     * @return the consultation, with the plan worked out again
     * @throws IllegalArgumentException if it ended fixed by an action that is not in the plan
     * @throws RuleFailedException if a rule fails, as {@link #diagnose} says
     */
    public Consultation resume(Consultation.State state) {
        return Consultation.resume(this, Objects.requireNonNull(state, "state"));
    }

    /**
     * Why an action is in the snapshot's plan, or why not: which rule could have produced it and
     * which of its conditions was false or unknown, or which rule took it out.
     *
     * @param snapshot what is known about the device
     * @param actionId the action asked about, for example {@code "MOVE_CLOSER_TO_ROUTER"}
     * @return the reasoning, one sentence a reason
     * @throws RuleFailedException if a rule fails, as {@link #diagnose} says
     */
    public Explanation explain(DeviceSnapshot snapshot, String actionId) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(actionId, "actionId");
        Knowledge.Explained explained = knowledge.explain(snapshot, actionId);
        return new Explanation(actionId, explained.plan().stream().filter(action -> action.id().equals(actionId))
                .findFirst().orElse(null), explained.reasons());
    }

    /**
     * Chooses the rules a doctor uses: the built-in knowledge base, your own DRL files, and which
     * built-in rules to switch off. Rules come only from the places named here. The built-in rules
     * alone come precompiled; adding rules of your own compiles them together with the built-in DRL.
     */
    public static final class Builder {

        private final List<Path> paths = new ArrayList<>();
        private final List<String> classpathLocations = new ArrayList<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private ClassLoader classLoader = BackupDoctor.class.getClassLoader();
        private boolean builtInRules = true;
        private Duration timeLimit;
        private Locale language = Locale.ROOT;

        private Builder() {
        }

        /**
         * Adds a {@code .drl} file, or every {@code .drl} file below a folder.
         *
         * @param fileOrFolder the file or folder
         * @return this builder
         */
        public Builder addRules(Path fileOrFolder) {
            paths.add(Objects.requireNonNull(fileOrFolder, "fileOrFolder"));
            return this;
        }

        /**
         * Adds a {@code .drl} resource, or every {@code .drl} resource below a folder, from the
         * classpath (rules shipped inside your own jar), e.g. {@code "com/acme/backup-rules"}.
         *
         * @param location the resource or folder, without a leading slash
         * @return this builder
         */
        public Builder addClasspathRules(String location) {
            classpathLocations.add(Objects.requireNonNull(location, "location"));
            return this;
        }

        /**
         * The class loader {@link #addClasspathRules} reads from; by default the one that loaded Backup Doctor.
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Leaves out the built-in knowledge base, so only your own rules run.
         *
         * @return this builder
         */
        public Builder withoutBuiltInRules() {
            builtInRules = false;
            return this;
        }

        /**
         * Switches off a rule by its name, e.g. {@code "Reset all settings"}. To replace it, also add
         * a rule of your own that produces the action your way.
         *
         * @param ruleName the rule's name, as a plan's {@code rule} shows it
         * @return this builder
         */
        public Builder disableRule(String ruleName) {
            disabledRules.add(Objects.requireNonNull(ruleName, "ruleName"));
            return this;
        }

        /**
         * The language the built-in actions are worded in: their message files for it where these
         * have a message ({@code dev/backupdoctor/rules/02-wifi_de.properties} beside
         * {@code 02-wifi.properties}, on Backup Doctor's class path; docs/extending.md says how to
         * write them), English elsewhere. By default English.
         *
         * @param locale the language
         * @return this builder
         */
        public Builder language(Locale locale) {
            this.language = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Limits how long one diagnosis may take. A diagnosis past the limit is stopped at its next
         * rule firing with a {@link RuleFailedException} ({@link RuleFailedException.Reason#TIME_LIMIT})
         * naming the rule that was firing when the limit passed. Java can't stop a rule's own code
         * while it runs: a {@code then} that never returns keeps its thread, and
         * {@link BackupDoctor#overrunning(Duration)} names it for a watchdog that ends the process. By
         * default there is no limit.
         *
         * @param limit how long one diagnosis may take, more than zero
         * @return this builder
         */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a time limit must be more than zero, was " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @return a doctor with these rules
         * @throws RulesException listing every problem ({@code file:line:column: message}) if any
         *     rule file is missing or doesn't compile; no doctor is built from a partial rule set
         * @throws IllegalStateException if rules are added but the DRL compiler,
         *     {@code org.drools:drools-model-codegen}, is not on the class path: the built-in rules
         *     come compiled, so backup-doctor's pom declares the compiler optional, and an
         *     application that adds rules of its own adds that dependency too
         */
        public BackupDoctor build() {
            return new BackupDoctor(Knowledge.load(builtInRules, classpathLocations, classLoader, paths, disabledRules, timeLimit, language));
        }
    }
}
