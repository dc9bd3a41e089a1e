package dev.backupdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.Question;
import dev.backupdoctor.Snapshots;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.schema.Schema;
import dev.backupdoctor.serve.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The consult page in a real browser, headless Chromium, against the real server: one consultation
 * clicked through from a pasted snapshot to "Fixed by", part of it from the keyboard alone.
 * Debian's chromium and chromedriver are used as installed, so that nothing is downloaded; where
 * they are missing the test is skipped, saying so. With {@code -Dbackupdoctor.screenshot=FILE} it
 * also saves what the page shows mid-consultation (scripts/screenshot-consult.sh).
 */
class ConsultPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final boolean INSTALLED = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    private static final String NOT_INSTALLED = "Skipped: the consult page's browser test needs Debian's chromium and"
            + " chromium-driver (apt-get install -y chromium chromium-driver), and " + CHROMIUM + " or " + CHROMEDRIVER + " is missing";
    /** Only a safety net: every wait ends as soon as the page shows what is expected. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final By TURN_HEADING = By.cssSelector("#turn h2");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static HttpServer server;
    private static BackupDoctor doctor;
    @TempDir
    static Path downloads;

    @BeforeAll
    static void openBrowser() {
        if (!INSTALLED) {
            // Surefire's console counts skipped tests without their reason: say it where the build's reader looks.
            System.err.println(NOT_INSTALLED);
            return;
        }
        doctor = BackupDoctor.create();
        server = Servers.start(doctor);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1000,1560");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        Assumptions.assumeTrue(INSTALLED, NOT_INSTALLED);
        browser.get(server.url() + "/");
    }

    @Test
    void aConsultationFromPastedSnapshotToFixedBy() throws IOException {
        assertThat(browser.getTitle()).isEqualTo("Backup Doctor: consult");
        String pasted = Files.readString(Path.of("examples/snapshots/icloud-full-app-backups.json"));
        paste(pasted);
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();

        // The page asks what the library asks, in its order: the walk is the library's, each reply
        // the one that clears the question's cause, as on an iPhone where all else is fine.
        Consultation walk = doctor.consult(new SnapshotReader().read(pasted));
        int asked = 0;
        boolean byKeyboard = false;
        for (Consultation.Step step = walk.next(); step instanceof Consultation.Ask ask; step = walk.next()) {
            asked++;
            String heading = asked + ". " + ask.question().text();
            expectTurn(heading);
            // Focus is on the new turn, for a keyboard or a screen reader.
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo(heading);
            if (asked == 1) {
                assertThat(turnText()).contains("I'll ask only what would change the plan, most useful first.");
            }
            String reply = clearingReply(ask.question());
            if (!byKeyboard && reply.equals("No")) {
                // From the keyboard alone: Tab reaches the turn's buttons, Enter presses one.
                assertThat(turnText()).contains("(yes or no)");
                assertThat(buttonsOfTurn()).containsExactly("Yes", "No", "Skip", "Stop");
                browser.switchTo().activeElement().sendKeys(Keys.TAB);
                browser.switchTo().activeElement().sendKeys(Keys.TAB);
                assertThat(browser.switchTo().activeElement().getText()).isEqualTo("No");
                browser.switchTo().activeElement().sendKeys(Keys.ENTER);
                expectTurn((asked + 1) + ". " + ((Consultation.Ask) walk.answer(reply).next()).question().text());
                assertThat(history()).last().isEqualTo(heading + " \u2192 no");
                byKeyboard = true;
            } else {
                answer(reply);
            }
            walk = reply.equals("Skip") ? walk.skip() : walk.answer(reply);
        }
        assertThat(byKeyboard).as("a question answered from the keyboard").isTrue();
        assertThat(asked).as("questions asked before the plan").isGreaterThan(2);

        expectTurn("1. Either one of these");
        assertThat(turnText()).contains("No more questions would change the plan. Now the plan, one action at a time:"
                + " after each, say whether it fixed the backup.");
        assertThat(texts(By.cssSelector("#turn .either"))).containsExactly("Either:", "Or instead:");
        assertThat(texts(By.cssSelector("#turn .way h3")))
                .containsExactly("[FIX] Free up iCloud storage", "[FIX] Upgrade your iCloud storage");
        assertThat(turnText()).contains("Turn off WhatsApp and tap Turn Off & Delete; this frees 0.9 GB.")
                .contains("Why: iCloud has 0.8 GB free but the next backup needs 1.5 GB, 0.7 GB short;")
                .contains("Careful: Turn Off & Delete removes the app's data");
        assertThat(buttonsOfTurn()).containsExactly("Yes", "No", "Skip", "Stop");
        screenshotIfAsked();
        answer("No");
        // Which of the two: asked in the same turn, from the keyboard again.
        wait.until(textToBe(By.id("which-did"), "Which did you do?"));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Which did you do?");
        assertThat(buttonsOfTurn()).endsWith("1 = Free up iCloud storage", "2 = Upgrade your iCloud storage");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("1 = Free up iCloud storage");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        expectTurn("2. [TRY] Tap Back Up Now and read what it says");
        assertThat(history()).last().isEqualTo(
                "1. [FIX] Free up iCloud storage → taken as done, and the plan worked out again");
        answer("No");
        expectTurn("3. [TRY] Sign in again, or sign out of iCloud and back in");
        assertThat(history()).last().isEqualTo("2. [TRY] Tap Back Up Now and read what it says → tried, without success");
        answer("Yes");

        expectTurn("Fixed by: Sign in again, or sign out of iCloud and back in (SIGN_OUT_AND_BACK_IN). The backup works again.");
        assertThat(browser.findElement(By.id("learned")).getText())
                .contains("\"tried\"").contains("BACK_UP_NOW").doesNotContain("WhatsApp");
    }

    @Test
    void aTypedAnswerThenServerTextShownAsTextNeverAsMarkup() {
        paste("""
                {"device": {"model": "iPhone 12", "iosVersion": "17.0.3", "latestIosVersion": "17.1.2", "screenLocked": true, "sideloadedApps": false},
                 "icloud": {"signedIn": true, "backupEnabled": true, "verificationRequired": false, "emailVerified": true, "twoFactor": true,
                            "backupMessage": "UNKNOWN_ERROR"},
                 "restrictions": {"backupAllowed": true},
                 "wifi": {"enabled": true, "connected": true, "signalBars": 3, "lowDataMode": false, "filtered": false},
                 "power": {"connected": true, "charging": true, "cable": "APPLE"},
                 "storage": {"totalBytes": 5000000000, "usedBytes": 4200000000,
                             "appBackups": [{"app": "<img src=x onerror=alert(1)>\u202Eevil", "bytes": 900000000}]},
                 "service": {"icloudBackup": "AVAILABLE"}}
                """);
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();

        expectTurn("1. How big is the next backup (Settings > your name > iCloud > Manage Storage > Backups > this iPhone)?");
        assertThat(buttonsOfTurn()).containsExactly("Answer", "Skip", "Stop");
        WebElement answer = browser.findElement(By.id("answer"));
        assertThat(browser.findElement(By.cssSelector("label[for=answer]")).getText())
                .isEqualTo("Your answer (a size such as 5 GB, 750 MB or 1.5 TB)");
        answer.sendKeys("a lot", Keys.ENTER);
        wait.until(textToBe(By.id("error"), "$.reply.answer: answer a size such as 5 GB, 750 MB or 1.5 TB"));
        answer.clear();
        answer.sendKeys("1.5 GB", Keys.ENTER);

        expectTurn("1. Either one of these");
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        assertThat(turnText()).contains("No more questions would change the plan.")
                .contains("Turn off <img src=x onerror=alert(1)>\\u202Eevil and tap Turn Off & Delete; this frees 0.9 GB.");
        assertThat(browser.findElements(By.cssSelector("#turn img"))).isEmpty();
        answer("Stop");
        expectTurn("Stopped.");
        assertThat(browser.findElement(By.id("learned")).getText())
                .contains("\"app\": \"<img src=x onerror=alert(1)>\\u202Eevil\"").contains("\"nextBackupBytes\": 1500000000");
        assertThat(history()).containsExactly("1. How big is the next backup (Settings > your name > iCloud > Manage Storage"
                + " > Backups > this iPhone)? → 1.5 GB", "1. Either one of these → stopped");
    }

    @Test
    void theCommonFactsJoinThePastedSnapshot() {
        paste("{\"id\": \"desk-42\", \"wifi\": {\"enabled\": true}}");
        choose("Connected to Wi-Fi", "Yes");
        choose("iCloud Backup switched on", "No");
        browser.findElement(By.xpath("//label[contains(., 'iPhone model')]/input")).sendKeys("iPhone 8");
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        wait.until(driver -> !driver.findElements(By.cssSelector("#turn h2")).isEmpty());
        answer("Stop");

        expectTurn("Stopped.");
        String learned = browser.findElement(By.id("learned")).getText();
        answer("Download the snapshot");
        Path saved = downloads.resolve("snapshot.json");
        wait.until(driver -> Files.exists(saved));
        assertThat(saved).hasContent(learned);
        assertThat(learned.replaceAll("\\s+", " "))
                .contains("\"id\": \"desk-42\"").contains("\"model\": \"iPhone 8\"").contains("\"backupEnabled\": false")
                .contains("\"enabled\": true, \"connected\": true");

        browser.findElement(By.id("restart")).click();
        assertThat(browser.findElement(By.id("start")).isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("What do you know about the iPhone?");
    }

    @Test
    void aSnapshotThatIsNotJsonIsToldBeforeAddingTheFacts() {
        paste("{\"wifi\": ");
        choose("Plugged into power", "No");
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error")).getText())
                .startsWith("The snapshot is not JSON (").endsWith("); fix it, or empty it to use only the facts above.");
    }

    @Test
    void theEndOfThePlanAndAPlanWithNothingToDo() throws IOException {
        String allFine = Files.readString(Path.of("examples/snapshots/all-fine-still-failing.json"));
        paste(allFine.replace("\"tried\":   [ \"SIGN_OUT_AND_BACK_IN\", \"RESTART_IPHONE\" ]", "\"tried\": [\"BACK_UP_NOW\","
                + " \"SIGN_OUT_AND_BACK_IN\", \"RESTART_IPHONE\", \"RESET_ALL_SETTINGS\", \"FIND_APP_BREAKING_BACKUP\"]")
                .replace("\"twoFactor\": true", "\"twoFactor\": true, \"backupMessage\": \"UNKNOWN_ERROR\""));
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        expectTurn("1. [TRY] Back up with a computer instead");
        assertThat(turnText()).startsWith("Nothing to ask: all that would change the plan is known. Now the plan, one action at a time:");
        answer("No");
        expectTurn("That was the whole plan, and nothing in it fixed the backup.");

        browser.findElement(By.id("restart")).click();
        paste(allFine.replace("\"twoFactor\": true", "\"twoFactor\": true, \"lastBackupDaysAgo\": 0"));
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        expectTurn("The last backup went through less than a day ago: iCloud Backup works, and nothing stands in the way of the next one.");
        assertThat(history()).isEmpty();
    }

    @Test
    void aSnapshotThatIsNotAnObjectIsToldBeforeAddingTheFacts() {
        paste("[1]");
        choose("Screen locked", "Yes");
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("The snapshot must be a JSON object, such as {}.");
    }

    /** A proxy in front that answers for the server, then nobody at all. */
    @Test
    void anAnswerThatIsNotTheApisAndNoAnswerAtAllAreToldPlainly() throws IOException {
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/backupdoctor/serve/consult.html")) {
            page = in.readAllBytes();
        }
        proxy.createContext("/", exchange -> {
            boolean forPage = exchange.getRequestMethod().equals("GET");
            byte[] body = forPage ? page : "Bad Gateway".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", forPage ? "text/html; charset=utf-8" : "text/plain");
            exchange.sendResponseHeaders(forPage ? 200 : 502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            browser.get("http://127.0.0.1:" + proxy.getAddress().getPort() + "/");
            browser.findElement(By.cssSelector("#start button[type=submit]")).click();
            wait.until(textToBe(By.id("error"), "The server answered 502 without a message."));
        } finally {
            proxy.stop(0);
        }
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        wait.until(textToBe(By.id("error"), "The server can't be reached; try again."));
    }

    @Test
    void anInvalidSnapshotIsToldWithTheServersMessage() {
        paste("{\"wifi\": {\"signalBars\": 7}}");
        browser.findElement(By.cssSelector("#start button[type=submit]")).click();
        wait.until(textToBe(By.id("error"), "$.wifi.signalBars: must be between 0 and 3, was 7"));
        assertThat(browser.findElement(By.id("start")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("consultation")).isDisplayed()).isFalse();
    }

    /** The reply under which the question's field holds what it holds on an iPhone where all else is fine; Skip where that is unknown. */
    private static String clearingReply(Question question) {
        if (question.type() != Question.Type.YES_NO) {
            return "Skip";
        }
        Schema.Field field = Schema.field(question.id()).orElseThrow();
        Object fine = Schema.get(Snapshots.allFine(), field);
        return Objects.equals(Schema.get(question.answer(DeviceSnapshot.unknown(), "Yes"), field), fine) ? "Yes" : "No";
    }

    private void paste(String snapshot) {
        WebElement field = browser.findElement(By.id("snapshot"));
        field.clear();
        field.sendKeys(snapshot);
    }

    private void choose(String label, String option) {
        new Select(browser.findElement(By.xpath("//label[contains(., '" + label + "')]/select"))).selectByVisibleText(option);
    }

    private void expectTurn(String heading) {
        wait.until(textToBe(TURN_HEADING, heading));
    }

    private void answer(String label) {
        browser.findElement(By.xpath("//div[@id='turn']//button[normalize-space()='" + label + "']")).click();
    }

    private String turnText() {
        return browser.findElement(By.id("turn")).getText();
    }

    private List<String> buttonsOfTurn() {
        return texts(By.cssSelector("#turn button"));
    }

    private List<String> history() {
        return texts(By.cssSelector("#history li"));
    }

    private List<String> texts(By which) {
        return browser.findElements(which).stream().map(WebElement::getText).toList();
    }

    private void screenshotIfAsked() throws IOException {
        String file = System.getProperty("backupdoctor.screenshot");
        if (file != null) {
            Files.write(Path.of(file), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
