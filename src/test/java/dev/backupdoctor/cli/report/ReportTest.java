package dev.backupdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.bench.RandomSnapshots;
import dev.backupdoctor.catalog.Remedy;
import dev.backupdoctor.catalog.Wording;
import dev.backupdoctor.cli.Run;
import dev.backupdoctor.cli.batch.Batch;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.json.InvalidSnapshotException;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import dev.backupdoctor.problems.RunawayRuleException;
import dev.backupdoctor.support.Limits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code report} counts what the plans say: checked against plans worked out one snapshot at a
 * time with {@link BackupDoctor#diagnose}, in each of its three formats.
 */
class ReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_RULES = Path.of("examples/rules");
    /** Enough lines for many chunks on every worker, with a generated fleet's invalid and blank lines among them. */
    private static final int FLEET_LINES = 6_000;
    private static final long FLEET_SEED = 20241026L;

    @TempDir
    Path temp;

    /** What the report must say, counted here one plan at a time. */
    private record Expected(long devices, long invalid, long healthy, Map<String, Long> backupAge, long atRisk,
            Map<String, long[]> actions, Map<String, String> titles) {

        static Expected of(String jsonLines, BackupDoctor doctor) {
            SnapshotReader reader = new SnapshotReader();
            long devices = 0;
            long invalid = 0;
            long healthy = 0;
            long atRisk = 0;
            Map<String, Long> backupAge = new LinkedHashMap<>();
            for (String bucket : List.of("0-1", "2-6", "7-13", "14+", "unknown")) {
                backupAge.put(bucket, 0L);
            }
            Map<String, long[]> actions = new LinkedHashMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            for (String line : jsonLines.split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                DeviceSnapshot snapshot;
                Diagnosis diagnosis;
                try {
                    snapshot = reader.read(line);
                    diagnosis = doctor.diagnose(snapshot);
                } catch (InvalidSnapshotException | RunawayRuleException e) {
                    invalid++;
                    continue;
                }
                devices++;
                Integer days = snapshot.icloud().lastBackupDaysAgo();
                healthy += diagnosis.actions().stream().allMatch(action -> action.kind() == Kind.TRY) && (days == null || days < 14) ? 1 : 0;
                backupAge.merge(days == null ? "unknown" : days < 2 ? "0-1" : days < 7 ? "2-6" : days < 14 ? "7-13" : "14+", 1L, Long::sum);
                atRisk += days != null && days >= 150 ? 1 : 0;
                for (Action action : diagnosis.actions()) {
                    actions.computeIfAbsent(action.id(), id -> new long[3])[action.kind().ordinal()]++;
                    titles.putIfAbsent(action.id(), catalogTitle(action));
                }
            }
            return new Expected(devices, invalid, healthy, backupAge, atRisk, actions, titles);
        }

        private static String catalogTitle(Action action) {
            return Stream.of(Remedy.values()).filter(remedy -> remedy.id().equals(action.id()))
                    .map(Wording.english()::title).findFirst().orElse(action.title());
        }

        /** The contract's order, written out independently of the command's comparator. */
        List<String> idsInReportOrder() {
            Comparator<String> order = Comparator.comparingLong((String id) -> -actions.get(id)[0])
                    .thenComparingLong(id -> -actions.get(id)[1])
                    .thenComparingLong(id -> -actions.get(id)[2])
                    .thenComparingInt(id -> Stream.of(Remedy.values()).filter(remedy -> remedy.id().equals(id))
                            .mapToInt(Remedy::ordinal).findFirst().orElse(Integer.MAX_VALUE))
                    .thenComparing(Comparator.naturalOrder());
            return actions.keySet().stream().sorted(order).toList();
        }
    }

    private static String fleet(int lines) throws IOException {
        StringWriter fleet = new StringWriter();
        RandomSnapshots.writeFleet(fleet, lines, FLEET_SEED);
        return fleet.toString();
    }

    private static BackupDoctor doctor(String rules) {
        return Run.doctor(rules.isEmpty() ? List.of() : List.of(Path.of(rules)));
    }

    private static Run report(String input, String rules, String format) {
        List<String> args = new ArrayList<>(List.of("report", "--format", format));
        if (!rules.isEmpty()) {
            args.addAll(List.of("--rules", rules));
        }
        return Run.of(input, args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "rules: [{0}]")
    @ValueSource(strings = {"", "examples/rules"})
    void theJsonReportCountsWhatThePlansDiagnosedOneByOneSay(String rules) throws IOException {
        String fleet = fleet(FLEET_LINES);
        Expected expected = Expected.of(fleet, doctor(rules));

        Run run = report(fleet, rules, "json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("devices").asLong()).isEqualTo(expected.devices()).isPositive();
        assertThat(report.get("invalid").asLong()).isEqualTo(expected.invalid()).isPositive();
        assertThat(report.get("healthy").asLong()).isEqualTo(expected.healthy()).isPositive();
        assertThat(fieldNames(report.get("backupAge"))).containsExactly("0-1", "2-6", "7-13", "14+", "unknown");
        for (String bucket : fieldNames(report.get("backupAge"))) {
            assertThat(report.get("backupAge").get(bucket).asLong()).as(bucket).isEqualTo(expected.backupAge().get(bucket));
        }
        assertThat(expected.backupAge().values()).as("the fleet reaches every bucket").allMatch(count -> count > 0);
        assertThat(report.get("atRisk").asLong()).isEqualTo(expected.atRisk()).isPositive();
        List<String> ids = new ArrayList<>();
        for (JsonNode action : report.get("actions")) {
            String id = action.get("id").asText();
            ids.add(id);
            assertThat(List.of(action.get("FIX").asLong(), action.get("CHECK").asLong(), action.get("TRY").asLong()))
                    .as(id).containsExactly(expected.actions().get(id)[0], expected.actions().get(id)[1], expected.actions().get(id)[2]);
            assertThat(action.size()).isEqualTo(4);
        }
        assertThat(ids).isEqualTo(expected.idsInReportOrder());
        assertThat(fieldNames(report)).containsExactly("devices", "invalid", "healthy", "backupAge", "atRisk", "actions");
        if (!rules.isEmpty()) {
            assertThat(ids).as("the examples' own action occurs in the fleet").contains("ASK_IT_TO_RESET_SETTINGS");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void invalidLinesExitTwoWithTheReportPrintedAndBatchsSummaryOnStandardError() throws IOException {
        String fleet = fleet(FLEET_LINES);

        Run report = Run.of(fleet, "report");
        Run batch = Run.of(fleet, "batch");

        assertThat(report.status()).isEqualTo(2);
        assertThat(report.out()).startsWith("Devices:  5,982\nInvalid:  12 lines\n");
        // The generated snapshots also try an id no rule proposes, which both warn about first.
        assertThat(report.err()).isEqualTo(batch.err())
                .startsWith("warning: tried: ").contains(" snapshots list an action no loaded rule suggests: \"ACME_CUSTOM_REMEDY\"\n")
                .endsWith("\n12 of 5994 lines were invalid; the first, line 250: $.wifi.signalBars: must be between 0 and 3, was 7\n");
    }

    @ParameterizedTest(name = "rules: [{0}]")
    @ValueSource(strings = {"", "examples/rules"})
    void theTextReportIsTheHeadlineAndOneAlignedRowPerAction(String rules) throws IOException {
        String fleet = fleet(FLEET_LINES);
        Expected expected = Expected.of(fleet, doctor(rules));

        String[] lines = report(fleet, rules, "text").out().split("\n");

        assertThat(lines[0]).isEqualTo(String.format(java.util.Locale.ROOT, "Devices:  %,d", expected.devices()));
        assertThat(lines[1]).isEqualTo("Invalid:  " + expected.invalid() + " lines");
        assertThat(lines[2]).isEqualTo(String.format(java.util.Locale.ROOT, "Healthy:  %,d (%.1f %%)", expected.healthy(),
                100.0 * expected.healthy() / expected.devices()));
        assertThat(lines[3]).isEqualTo("Last backup, days ago: " + expected.backupAge().entrySet().stream()
                .map(bucket -> bucket.getKey() + " " + number(bucket.getValue())).collect(java.util.stream.Collectors.joining(", ")));
        assertThat(lines[4]).isEqualTo(String.format(java.util.Locale.ROOT, "At risk:  %,d (150 days or more without a backup:"
                + " Apple may delete iCloud backups after 180)", expected.atRisk()));
        assertThat(lines[5]).isEmpty();
        lines = java.util.Arrays.copyOfRange(lines, 1, lines.length);
        assertThat(lines[5]).matches("id +title +FIX +CHECK +TRY");
        List<String> rows = List.of(lines).subList(6, lines.length);
        List<String> ids = expected.idsInReportOrder();
        assertThat(rows).hasSameSizeAs(ids);
        int titleColumn = lines[5].indexOf("title");
        int fixEnd = lines[5].indexOf("FIX") + 3;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String row = rows.get(i);
            long[] counts = expected.actions().get(id);
            assertThat(row).as("aligned under the header").hasSize(lines[5].length())
                    .startsWith(id + " ");
            assertThat(row.substring(titleColumn)).startsWith(expected.titles().get(id) + "  ");
            assertThat(row.substring(fixEnd).trim().split(" +")).hasSize(2);
            String[] columns = row.substring(titleColumn + expected.titles().get(id).length()).trim().split(" +");
            assertThat(columns).containsExactly(number(counts[0]), number(counts[1]), number(counts[2]));
        }
    }

    private static String number(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }

    @Test
    void theHtmlReportHasTheFiguresOneBarPerActionWithProportionalSegmentsAndTheTable() throws IOException {
        String fleet = fleet(FLEET_LINES);
        Expected expected = Expected.of(fleet, Run.DOCTOR);

        Run run = Run.of(fleet, "report", "--format", "html");
        Document page = Jsoup.parse(run.out());

        assertThat(run.status()).isEqualTo(2);
        assertThat(page.select("#devices").text()).isEqualTo(number(expected.devices()));
        assertThat(page.select("#invalid").text()).isEqualTo(number(expected.invalid()));
        assertThat(page.select("#healthy").text()).startsWith(number(expected.healthy()) + " ")
                .endsWith(String.format(java.util.Locale.ROOT, "%.1f %% of the devices", 100.0 * expected.healthy() / expected.devices()));

        Element chart = page.selectFirst("svg#chart");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-label")).startsWith("Bar chart: for each of " + expected.actions().size() + " actions,");
        assertThat(chart.select("title").first().text()).isEqualTo(chart.attr("aria-label"));
        List<Element> bars = chart.select("g.bar");
        List<String> ids = expected.idsInReportOrder();
        assertThat(bars).extracting(bar -> bar.attr("data-id")).isEqualTo(ids);

        double scale = ReportPage.BAR_AREA / (double) expected.actions().values().stream()
                .mapToLong(counts -> counts[0] + counts[1] + counts[2]).max().orElseThrow();
        for (Element bar : bars) {
            String id = bar.attr("data-id");
            long[] counts = expected.actions().get(id);
            assertThat(bar.select("text.id").text()).isEqualTo(id);
            assertThat(bar.select("text.title").text()).isEqualTo(expected.titles().get(id));
            assertThat(bar.select("text.counts").text()).as("the numbers read without colour")
                    .isEqualTo(number(counts[0]) + " FIX · " + number(counts[1]) + " CHECK · " + number(counts[2]) + " TRY");
            double x = ReportPage.BAR_X;
            for (Kind kind : Kind.values()) {
                Element segment = bar.selectFirst("rect.segment." + kind.name().toLowerCase(java.util.Locale.ROOT));
                assertThat(segment).as(id + " " + kind).isNotNull();
                assertThat(Double.parseDouble(segment.attr("width"))).as(id + " " + kind + " width")
                        .isCloseTo(counts[kind.ordinal()] * scale, within(0.01));
                assertThat(Double.parseDouble(segment.attr("x"))).as(id + " " + kind + " starts where the last ended")
                        .isCloseTo(x, within(0.01));
                x += counts[kind.ordinal()] * scale;
            }
        }

        List<Element> rows = page.select("table#actions tbody tr");
        assertThat(rows).extracting(row -> row.attr("data-id")).isEqualTo(ids);
        for (Element row : rows) {
            long[] counts = expected.actions().get(row.attr("data-id"));
            assertThat(row.select("td").eachText()).containsExactly(row.attr("data-id"),
                    expected.titles().get(row.attr("data-id")), number(counts[0]), number(counts[1]), number(counts[2]));
        }
        assertThat(page.select("#at-risk").text()).isEqualTo(number(expected.atRisk())
                + " 150 days or more without a backup: Apple may delete iCloud backups after 180");
        assertThat(page.select("table#backup-age tbody tr")).extracting(row -> row.select("td").eachText())
                .isEqualTo(expected.backupAge().entrySet().stream()
                        .map(bucket -> List.of(bucket.getKey(), number(bucket.getValue()))).toList());
        assertSelfContained(run.out(), page);
    }

    @Test
    void theHtmlBackupAgeChartHasOneBarPerBucketAsLongAsItsCountAsTheSnapshotsSayOneByOne() throws IOException {
        String fleet = fleet(FLEET_LINES);
        Map<String, Long> expected = Expected.of(fleet, Run.DOCTOR).backupAge();

        Run run = Run.of(fleet, "report", "--format", "html");
        Document page = Jsoup.parse(run.out());

        Element chart = page.selectFirst("svg#age-chart");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-label")).startsWith("Bar chart: how many devices last backed up how many days ago: ")
                .contains("14+ days " + number(expected.get("14+")) + ", unknown " + number(expected.get("unknown")) + ".");
        assertThat(chart.select("title").first().text()).isEqualTo(chart.attr("aria-label"));
        List<Element> bars = chart.select("g.age-bar");
        assertThat(bars).extracting(bar -> bar.attr("data-age")).containsExactly("0-1", "2-6", "7-13", "14+", "unknown");
        assertThat(bars).extracting(bar -> bar.select("text.label").text())
                .containsExactly("0-1 days", "2-6 days", "7-13 days", "14+ days", "unknown");
        double scale = ReportPage.AGE_BAR_AREA / (double) expected.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (Element bar : bars) {
            long devices = expected.get(bar.attr("data-age"));
            assertThat(devices).as("the fleet reaches every bucket").isPositive();
            assertThat(bar.select("text.count").text()).as("the number reads without colour").isEqualTo(number(devices));
            Element rect = bar.selectFirst("rect");
            assertThat(Double.parseDouble(rect.attr("x"))).isEqualTo(ReportPage.AGE_BAR_X);
            assertThat(Double.parseDouble(rect.attr("width"))).as(bar.attr("data-age") + " width")
                    .isCloseTo(devices * scale, within(0.01));
        }
        assertSelfContained(run.out(), page);
    }

    /**
     * A generated fleet, with an id on two lines in three and the backup ages spread over 0..399
     * days, so that the oldest fifty come from many chunks, with and without an id, and tie on days.
     */
    private static String fleetWithIdsAndManyBackupAges() throws IOException {
        Random random = new Random(FLEET_SEED);
        SnapshotReader reader = new SnapshotReader();
        SnapshotWriter writer = new SnapshotWriter();
        List<String> invalid = RandomSnapshots.INVALID.stream().map(line -> line[0]).toList();
        StringBuilder fleet = new StringBuilder();
        int number = 0;
        for (String line : fleet(FLEET_LINES).split("\n")) {
            number++;
            if (line.isBlank() || invalid.contains(line)) {
                fleet.append(line).append('\n');
                continue;
            }
            DeviceSnapshot snapshot = reader.read(line);
            ICloudSettings icloud = snapshot.icloud();
            fleet.append(writer.toJsonLine(snapshot.withId(number % 3 != 0 ? "device-" + number : null)
                    .with(icloud.lastBackupDaysAgo() == null ? icloud : icloud.withLastBackupDaysAgo(random.nextInt(400)))));
        }
        return fleet.toString();
    }

    @Test
    void theOldestBackupsTableListsTheFiftyMostDaysFirstEqualDaysInInputOrder() throws IOException {
        String fleet = fleetWithIdsAndManyBackupAges();
        record Known(long line, String id, int days) {
        }
        List<Known> known = new ArrayList<>();
        SnapshotReader reader = new SnapshotReader();
        String[] lines = fleet.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            DeviceSnapshot snapshot;
            try {
                snapshot = reader.read(lines[i]);
                Run.DOCTOR.diagnose(snapshot);
            } catch (InvalidSnapshotException e) {
                continue;
            }
            if (snapshot.icloud().lastBackupDaysAgo() != null) {
                known.add(new Known(i + 1, snapshot.id(), snapshot.icloud().lastBackupDaysAgo()));
            }
        }
        List<Known> oldest = known.stream()
                .sorted(Comparator.comparingInt((Known device) -> -device.days()).thenComparingLong(Known::line))
                .limit(50).toList();
        assertThat(known).as("more devices than the table lists").hasSizeGreaterThan(10 * 50);
        assertThat(oldest).as("some of the oldest have no id").anyMatch(device -> device.id() == null)
                .as("and some have one").anyMatch(device -> device.id() != null);
        assertThat(oldest.get(49).days()).as("days alone don't decide the last rows").isEqualTo(known.stream()
                .filter(device -> !oldest.contains(device)).mapToInt(Known::days).max().orElseThrow());

        Run run = Run.of(fleet, "report", "--format", "html");
        Document page = Jsoup.parse(run.out());

        assertThat(run.status()).isEqualTo(2);
        assertThat(page.select("table#oldest-backups tbody tr")).extracting(row -> row.select("td").eachText())
                .isEqualTo(oldest.stream().map(device -> List.of(device.id() == null ? "line " + device.line() : device.id(),
                        number(device.days()))).toList());
        assertThat(page.select("#no-known-age")).isEmpty();
        assertSelfContained(run.out(), page);
    }

    @Test
    void theOldestBackupsTableNamesASnapshotWithoutAnIdByItsLineAndEscapesAnId() {
        String input = "{\"id\":\"<script>x</script>\",\"icloud\":{\"lastBackupDaysAgo\":3}}\n"
                + "\n"
                + "{\"icloud\":{\"lastBackupDaysAgo\":5}}\n"
                + "{\"id\":\"no age\"}\n"
                + "{\"id\":\"\",\"icloud\":{\"lastBackupDaysAgo\":1}}\n";

        Run run = Run.of(input, "report", "--format", "html");
        Document page = Jsoup.parse(run.out());

        assertThat(run.out()).doesNotContain("<script").contains("<code>&lt;script&gt;x&lt;/script&gt;</code>");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("table#oldest-backups tbody tr")).extracting(row -> row.select("td").eachText())
                .containsExactly(List.of("line 3", "5"), List.of("<script>x</script>", "3"), List.of("line 5", "1"));
    }

    @Test
    void withoutAKnownBackupAgeTheOldestBackupsAreOneSentenceAndNoTable() {
        Run run = Run.of("{\"id\":\"A1\"}\n{}\n", "report", "--format", "html");
        Document page = Jsoup.parse(run.out());

        assertThat(page.select("#no-known-age").text())
                .isEqualTo("No snapshot says how many days ago its device last backed up (icloud.lastBackupDaysAgo).");
        assertThat(page.select("table#oldest-backups")).isEmpty();
        assertThat(page.select("svg#age-chart g.age-bar[data-age=unknown] text.count").text()).isEqualTo("2");
    }

    /** Works offline: no script, nothing fetched from elsewhere. */
    private static void assertSelfContained(String html, Document page) {
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainIgnoringCase("@import");
        assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
    }

    @Test
    void actionsSortByFixThenCheckThenTryCountThenCatalogOrder() {
        String input = """
                {"wifi":{"enabled":true,"connected":false}}
                {"icloud":{"backupEnabled":false}}
                {"wifi":{"enabled":true,"connected":false}}
                {}
                {"tried":["BACK_UP_NOW"]}
                """;

        Run run = Run.of(input, "report", "--format", "json");

        assertThat(run).isEqualTo(new Run(0, "{\"devices\":5,\"invalid\":0,\"healthy\":0,"
                + "\"backupAge\":{\"0-1\":0,\"2-6\":0,\"7-13\":0,\"14+\":0,\"unknown\":5},\"atRisk\":0,\"actions\":["
                // most FIX first, whatever their CHECK count
                + "{\"id\":\"CONNECT_TO_WIFI\",\"FIX\":2,\"CHECK\":3,\"TRY\":0},"
                + "{\"id\":\"TURN_ON_ICLOUD_BACKUP\",\"FIX\":1,\"CHECK\":4,\"TRY\":0},"
                // equal counts: catalog order (steps 3, 4, 5)
                + "{\"id\":\"CONNECT_TO_POWER\",\"FIX\":0,\"CHECK\":5,\"TRY\":0},"
                + "{\"id\":\"FREE_UP_ICLOUD_STORAGE\",\"FIX\":0,\"CHECK\":5,\"TRY\":0},"
                + "{\"id\":\"CHECK_SYSTEM_STATUS\",\"FIX\":0,\"CHECK\":5,\"TRY\":0},"
                + "{\"id\":\"SIGN_OUT_AND_BACK_IN\",\"FIX\":0,\"CHECK\":0,\"TRY\":5},"
                + "{\"id\":\"RESTART_IPHONE\",\"FIX\":0,\"CHECK\":0,\"TRY\":5},"
                + "{\"id\":\"RESET_ALL_SETTINGS\",\"FIX\":0,\"CHECK\":0,\"TRY\":5},"
                + "{\"id\":\"UPDATE_IOS\",\"FIX\":0,\"CHECK\":0,\"TRY\":5},"
                + "{\"id\":\"FIND_APP_BREAKING_BACKUP\",\"FIX\":0,\"CHECK\":0,\"TRY\":5},"
                // fewer TRY: after them, though first in the catalog
                + "{\"id\":\"BACK_UP_NOW\",\"FIX\":0,\"CHECK\":0,\"TRY\":4}]}\n", ""));
    }

    @Test
    void anExtensionsActionsComeAfterTheCatalogsAtEqualCountsByIdAndTheirTitlesAreEscapedInHtml() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("desk.drl"), """
                package acme
                import dev.backupdoctor.facts.*
                import dev.backupdoctor.plan.*
                rule "Ask the help desk"
                when
                    DeviceInfo( $model : model, model != null )
                then
                    insert( Action.of( Kind.CHECK, "ZZ_ASK_THE_DESK", 2 ).title( "Ask <script>alert(1)</script> about the " + $model )
                        .instructions( "Call the desk." ).reason( "The desk knows." ).build() );
                    insert( Action.of( Kind.CHECK, "AA_ASK_THE_DESK", 2 ).title( "Ask the desk & co" )
                        .instructions( "Call the desk." ).reason( "The desk knows." ).build() );
                end
                """);
        // The first title is the one in the first line; the later lines are other chunks, diagnosed on other workers.
        String input = "{\"device\":{\"model\":\"iPhone 8\"}}\n"
                + "{\"device\":{\"model\":\"iPhone X\"}}\n".repeat(3 * (int) Limits.of(Batch.class, "CHUNK_LINES"));

        Run json = Run.of(input, "report", "--format", "json", "--rules", rules.toString());
        Run text = Run.of(input, "report", "--rules", rules.toString());
        Run html = Run.of(input, "report", "--format", "html", "--rules", rules.toString());

        assertThat(json.status()).isZero();
        List<String> ids = new ArrayList<>();
        JSON.readTree(json.out()).get("actions").forEach(action -> ids.add(action.get("id").asText()));
        assertThat(ids).as("CHECK for every line, like the catalog's CONNECT_TO_POWER: after it, by id")
                .containsSubsequence("CONNECT_TO_POWER", "FREE_UP_ICLOUD_STORAGE", "CHECK_SYSTEM_STATUS",
                        "AA_ASK_THE_DESK", "ZZ_ASK_THE_DESK");
        assertThat(text.out()).containsPattern("\nZZ_ASK_THE_DESK +Ask <script>alert\\(1\\)</script> about the iPhone 8 +0 +769 +0\n");

        assertThat(html.out()).doesNotContain("<script").contains("Ask &lt;script&gt;alert(1)&lt;/script&gt; about the iPhone 8")
                .contains("Ask the desk &amp; co");
        Document page = Jsoup.parse(html.out());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("g.bar[data-id=ZZ_ASK_THE_DESK] text.title").text())
                .isEqualTo("Ask <script>alert(1)</script> about the iPhone 8");
        assertThat(page.select("tr[data-id=ZZ_ASK_THE_DESK] td").eachText())
                .containsExactly("ZZ_ASK_THE_DESK", "Ask <script>alert(1)</script> about the iPhone 8", "0", "769", "0");
        assertThat(page.select("g.bar[data-id=ZZ_ASK_THE_DESK] title").text()).contains("<script>");
    }

    /** A rule of one's own whose action's title quotes the snapshot's model. */
    private Path deskRules() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("desk.drl"), """
                package acme
                import dev.backupdoctor.facts.*
                import dev.backupdoctor.plan.*
                rule "Ask the help desk"
                when
                    DeviceInfo( $model : model, model != null )
                then
                    insert( Action.of( Kind.CHECK, "ASK_THE_DESK", 2 ).title( "Ask the desk about the " + $model )
                        .instructions( "Call the desk." ).reason( "The desk knows." ).build() );
                end
                """);
        return rules;
    }

    @Test
    void anExtensionsTitleThatQuotesTheSnapshotCannotSteerTheTerminal() throws IOException {
        Path rules = deskRules();

        Run text = Run.of("{\"device\":{\"model\":\"iPhone\\u001b[2J 8\"}}\n", "report", "--rules", rules.toString());

        assertThat(text.out()).doesNotContain("\u001b").containsPattern("\nASK_THE_DESK +Ask the desk about the iPhone\\\\u001B\\[2J 8 +0 +1 +0\n");
    }

    @Test
    void textFromSnapshotsAndRulesIsIsolatedOnThePageAndItsControlCharactersShownEscaped() throws IOException {
        Path rules = deskRules();
        // Unescaped, the right-to-left override (U+202E) would show the id as "photoexe.jpg", and ESC would be a raw byte in the page.
        String input = "{\"id\":\"photo\\u202Egpj.exe\\u001b[2J\",\"device\":{\"model\":\"iPhone\\u202E 8\\u001b[31m\"},"
                + "\"icloud\":{\"lastBackupDaysAgo\":20}}\n";

        Run run = Run.of(input, "report", "--format", "html", "--rules", rules.toString());
        Document page = Jsoup.parse(run.out());

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("\u202E").doesNotContain("\u001b");
        String title = "Ask the desk about the iPhone\\u202E 8\\u001B[31m";
        assertThat(page.select("table#oldest-backups tbody td bdi > code").text()).isEqualTo("photo\\u202Egpj.exe\\u001B[2J");
        assertThat(page.select("tr[data-id=ASK_THE_DESK] td bdi").text()).isEqualTo(title);
        assertThat(page.select("g.bar[data-id=ASK_THE_DESK] text.title").text()).isEqualTo(title);
        assertThat(page.select("g.bar[data-id=ASK_THE_DESK] > title").text())
                .isEqualTo("ASK_THE_DESK, \u2068" + title + "\u2069: 0 FIX, 1 CHECK, 0 TRY");
    }

    @Test
    void theReportsShownInTheDocsAreCurrent() throws IOException {
        String report = Run.of(Files.readString(Path.of("examples/snapshots/fleet.jsonl")), "report").out();

        // Both quote its first rows, down to a line "...": the rest changes with every step the catalog gains.
        String docs = Files.readString(Path.of("docs/command-line.md"));
        int section = docs.indexOf("\n### report\n");
        int start = docs.indexOf("```\n", section) + 4;
        assertThat(report).startsWith(docs.substring(start, docs.indexOf("...\n", start)));
        String readme = Files.readString(Path.of("README.md"));
        int example = readme.indexOf("$ backup-doctor report examples/snapshots/fleet.jsonl\n") + "$ backup-doctor report examples/snapshots/fleet.jsonl\n".length();
        assertThat(report).startsWith(readme.substring(example, readme.indexOf("...\n", example)));
    }

    @Test
    void anEmptyInputReportsNoDevice() {
        assertThat(Run.of("", "report", "--format", "json")).isEqualTo(new Run(0, "{\"devices\":0,\"invalid\":0,\"healthy\":0,"
                + "\"backupAge\":{\"0-1\":0,\"2-6\":0,\"7-13\":0,\"14+\":0,\"unknown\":0},\"atRisk\":0,\"actions\":[]}\n", ""));
        assertThat(Run.of("\n  \n", "report")).isEqualTo(new Run(0, """
                Devices:  0
                Invalid:  0 lines
                Healthy:  0
                Last backup, days ago: 0-1 0, 2-6 0, 7-13 0, 14+ 0, unknown 0
                At risk:  0 (150 days or more without a backup: Apple may delete iCloud backups after 180)

                No action in any plan.
                """, ""));

        Run html = Run.of("", "report", "--format", "html");
        Document page = Jsoup.parse(html.out());
        assertThat(page.select("#devices").text()).isEqualTo("0");
        assertThat(page.select("#healthy").text()).isEqualTo("0");
        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("#no-actions").text()).isEqualTo("No action in any plan.");
        assertThat(page.select("table#actions tbody tr")).isEmpty();
        assertThat(page.select("#no-known-age")).hasSize(1);
    }

    @Test
    void oneInvalidLineIsCountedAndNamed() {
        Run run = Run.of("{}\nnot json\n", "report", "--format", "json");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).startsWith("{\"devices\":1,\"invalid\":1,\"healthy\":0,");
        assertThat(run.err()).isEqualTo("1 of 2 lines was invalid: line 2: $: malformed JSON at line 1, column 1:"
                + " 'not' is not a value (a string in double quotes, a number, an object, an array, true, false or null)\n");
    }

    @Test
    void aLineWhoseRuleThrowsCountsAsInvalidAndTheReportGoesOn() {
        Path rules = Path.of("src/test/resources/hostile-rules/throws");

        Run run = Run.of("{}\n{\"wifi\": {\"connected\": true, \"signalBars\": 1}}\n{}\n", "report", "--format", "json",
                "--rules", rules.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).startsWith("{\"devices\":2,\"invalid\":1,\"healthy\":0,");
        assertThat(run.err()).isEqualTo("1 of 3 lines was invalid: line 2: rule \"Throw on weak Wi-Fi\" (" + rules
                + "/throws.drl:5) failed: IllegalStateException: boom\n");
    }

    @Test
    void badUsageAndInvalidRulesExitTwoWithOneMessageAndNoReport() throws IOException {
        Path missing = temp.resolve("nope.jsonl");
        assertThat(Run.of("", "report", missing.toString())).isEqualTo(new Run(2, "", missing + ": no such file\n"));
        assertThat(Run.of("", "report", temp.toString()))
                .isEqualTo(new Run(2, "", temp + ": is a folder, not a JSON Lines file\n"));
        assertThat(Run.of("{}\n", "report", "--format", "pdf")).isEqualTo(new Run(2, "",
                "Invalid value for option '--format': expected one of [text, json, html] (case-insensitive) but was 'pdf'"
                        + " (see 'Main report --help')\n"));
        assertThat(Run.of("{}\n", "report", "a.jsonl", "b.jsonl")).isEqualTo(new Run(2, "",
                "one FILE (or '-') at most without --from, was 2; to read several, cat them into standard input\n"));
        assertThat(Run.of("{}\n", "report", "--rules", temp.resolve("no-rules").toString()))
                .isEqualTo(new Run(2, "", "--rules " + temp.resolve("no-rules") + ": no such folder\n"));

        Path rules = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(rules.resolve("broken.drl"), "package acme\n\nrule \"broken\"\nwhen\n    NoSuchFact( )\nthen\nend\n");
        assertThat(Run.of("{}\n", "report", "--rules", rules.toString()))
                .isEqualTo(new Run(2, "", rules.resolve("broken.drl") + ":5:5: Unable to find class: NoSuchFact\n"));
    }

    /** Linux's /proc/self/mem exists but fails with an I/O error when read at offset 0, even for root. */
    @Test
    void anInputThatFailsWhenReadExitsTwoWithoutAReport() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "needs Linux's /proc");

        assertThat(Run.of("", "report", mem.toString())).isEqualTo(new Run(2, "", mem + ": cannot read: Input/output error\n"));
    }

    @Test
    void progressGoesToStandardErrorOnlyWhenItIsATerminal() {
        byte[] input = "{}\n".repeat(10).getBytes(StandardCharsets.UTF_8);

        Run run = Run.showingProgress(input, "report", "--format", "json");

        assertThat(run.status()).isZero();
        assertThat(run.err()).matches("\r10 snapshots, [0-9,]+/s\n");
        assertThat(run.out()).startsWith("{\"devices\":10,");
        assertThat(Run.of(new String(input, StandardCharsets.UTF_8), "report").err()).isEmpty();
    }
}
