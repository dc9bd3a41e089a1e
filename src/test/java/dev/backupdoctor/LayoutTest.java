package dev.backupdoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Where the public API ends: the rooms of the code and which way they may depend on each other. */
class LayoutTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.backupdoctor");

    /** More files than a reader takes in at a glance: such a package wants rooms of its own. */
    private static final int MAX_FILES_PER_PACKAGE = 20;

    /** The packages this checks: every one of the library, its tests and its bench. */
    private static final String SIZED_PACKAGES = "dev.backupdoctor";


    /**
     * Each package of this library is a slice. Classes of other libraries are not looked at, nor the
     * code Drools generates from the DRL at build time ({@code dev.backupdoctor.rules}).
     */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            boolean ours = name.equals("dev.backupdoctor") || name.startsWith("dev.backupdoctor.");
            boolean generated = name.startsWith("dev.backupdoctor.rules");
            return ours && !generated ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.backupdoctor";
        }
    };

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageHoldsMoreThanTwentyFiles() throws IOException {
        Map<String, Long> oversized = new TreeMap<>();
        for (Path sources : List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/bench/java"))) {
            List<Path> folders;
            try (Stream<Path> walk = Files.walk(sources)) {
                folders = walk.filter(Files::isDirectory).toList();
            }
            for (Path folder : folders) {
                String name = sources.relativize(folder).toString().replace(File.separatorChar, '.');
                if (!name.equals(SIZED_PACKAGES) && !name.startsWith(SIZED_PACKAGES + ".")) {
                    continue;
                }
                long files;
                try (Stream<Path> listing = Files.list(folder)) {
                    files = listing.filter(Files::isRegularFile).count();
                }
                if (files > MAX_FILES_PER_PACKAGE) {
                    oversized.put(name + " in " + sources, files);
                }
            }
        }
        assertThat(oversized).as("packages of more than %d files, and how many each holds", MAX_FILES_PER_PACKAGE)
                .isEmpty();
    }

    @Test
    void theCommandLinesRoomsDependOnlyOnTheRoomsBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("commands").definedBy("dev.backupdoctor.cli")
                .layer("report").definedBy("dev.backupdoctor.cli.report..")
                .layer("batch").definedBy("dev.backupdoctor.cli.batch..")
                .layer("inventory").definedBy("dev.backupdoctor.cli.inventory..")
                .layer("common").definedBy("dev.backupdoctor.cli.common..")
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("batch").mayOnlyBeAccessedByLayers("commands", "report")
                .whereLayer("inventory").mayOnlyBeAccessedByLayers("commands", "batch")
                .because("what two commands share lives in the room below them, not in either command;"
                        + " the inventories know nothing of the pipeline that diagnoses them, nor of the report")
                .check(MAIN);
    }

    @Test
    void thePublicApiUsesNoDroolsType() {
        noClasses().that().resideInAnyPackage("dev.backupdoctor", "dev.backupdoctor.problems")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .because("an embedder must not need Drools' API, and Drools can change inside without the API changing")
                .check(MAIN);
    }

    @Test
    void theFactsDependOnNothingButThemselves() {
        classes().that().resideInAPackage("dev.backupdoctor.facts")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.backupdoctor.facts", "java..")
                .because("rules are written against the facts: a rule file of one's own needs them and the plan's types, nothing else")
                .check(MAIN);
    }

    @Test
    void thePlansTypesKnowOnlyTheFactsAndDroolsPublicApi() {
        // The DRL global's interface takes the rule's kcontext, a type of Drools' public API; nothing else.
        classes().that().resideInAPackage("dev.backupdoctor.plan")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.backupdoctor.plan", "dev.backupdoctor.facts", "java..",
                        "org.kie.api..")
                .check(MAIN);
    }

    @Test
    void theLibraryDoesNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.backupdoctor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.backupdoctor.cli..", "picocli..", "gg.jte..", "com.dd.plist..")
                .because("picocli, the HTML report's template engine and the property-list reader are optional dependencies"
                        + " that embedders don't get")
                .check(MAIN);
    }

    @Test
    void onlyTheHttpServerAndTheCommandLineUseTheWebServer() {
        noClasses().that().resideOutsideOfPackages("dev.backupdoctor.serve.http..", "dev.backupdoctor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("Javalin and Jetty are optional dependencies that embedders don't get; the token and the turns'"
                        + " JSON (dev.backupdoctor.serve) serve every server")
                .check(MAIN);
    }

    @Test
    void theLibraryDoesNotDependOnServing() {
        noClasses().that().resideInAnyPackage("dev.backupdoctor", "dev.backupdoctor.problems", "dev.backupdoctor.facts..",
                        "dev.backupdoctor.plan..", "dev.backupdoctor.schema..", "dev.backupdoctor.catalog..", "dev.backupdoctor.json..",
                        "dev.backupdoctor.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.backupdoctor.serve..")
                .check(MAIN);
    }

    @Test
    void onlyTheMcpServerUsesTheMcpSdkAndOnlyTheCommandLineStartsIt() {
        noClasses().that().resideOutsideOfPackage("dev.backupdoctor.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "reactor..")
                .because("the MCP SDK is an optional dependency that embedders don't get")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackages("dev.backupdoctor.mcp..", "dev.backupdoctor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.backupdoctor.mcp..")
                .check(MAIN);
    }

    @Test
    void theLibraryNeedsNoDesktopModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.beans..", "java.awt..", "javax.swing..")
                .because("an application linked without java.desktop (jlink) must still be able to embed it")
                .check(MAIN);
    }

    @Test
    void theEngineShowsOnlyWhatTheFacadeUses() {
        classes().that().resideInAPackage("dev.backupdoctor.engine").and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleName("Knowledge")
                .orShould().haveSimpleName("Memo")
                .check(MAIN);
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.backupdoctor.engine")
                .and().areDeclaredInClassesThat().arePublic().and().arePublic()
                // What a record has of its own is public whoever uses it.
                .and().doNotHaveName("equals").and().doNotHaveName("hashCode").and().doNotHaveName("toString")
                .should(new ArchCondition<JavaMethod>("be used by the facade") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean used = method.getAccessesToSelf().stream()
                                .anyMatch(access -> access.getOriginOwner().getPackageName().equals("dev.backupdoctor"));
                        events.add(new SimpleConditionEvent(method, used,
                                method.getFullName() + (used ? " is" : " is not") + " used by the facade"));
                    }
                })
                .check(MAIN);
    }

    @Test
    void thePublicPackageIsAHandfulOfTypes() {
        long publicTypes = MAIN.stream()
                .filter(javaClass -> javaClass.getPackageName().equals("dev.backupdoctor"))
                .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC) && javaClass.isTopLevelClass())
                .count();
        assertThat(publicTypes).isBetween(1L, 9L);
    }

    @Test
    void theOpenApiDocumentNeedsNoServerLibrary() {
        noClasses().that().haveNameMatching("dev\\.backupdoctor\\.serve\\.(OpenApiDocument|SnapshotJsonSchema).*")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "io.modelcontextprotocol..",
                        "dev.backupdoctor.serve.http..", "dev.backupdoctor.cli..")
                .because("the MCP server takes its tools' input schemas from it, without the HTTP server's libraries")
                .check(MAIN);
    }

    @Test
    void theCatalogKnowsTheFactsAndNothingThatRunsIt() {
        noClasses().that().resideInAPackage("dev.backupdoctor.catalog")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "dev.backupdoctor.engine..",
                        "dev.backupdoctor.json..", "dev.backupdoctor.cli..", "dev.backupdoctor.serve..", "dev.backupdoctor.mcp..")
                .because("a catalog entry and its wording are data about iPhones: the engine reads them, not the other way round")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.backupdoctor.facts")
                .should().dependOnClassesThat().resideInAPackage("dev.backupdoctor.catalog")
                .because("rules match facts; the catalog words what they propose")
                .check(MAIN);
    }

    @Test
    void onlyTheCatalogUsesTheMessageLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.backupdoctor.catalog")
                .should().dependOnClassesThat().resideInAPackage("com.ibm.icu..")
                .check(MAIN);
    }
}
