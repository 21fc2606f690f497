package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.record.RecordRef;
import io.baton.sandbox.http.Faults;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterStatus;
import io.baton.sync.LeakScan;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.HasAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser — the system's headless Chromium driven through its chromedriver —
 * against the demo's seeded sandbox, synced and scanned for leaks: the page loads behind the admin's
 * basic auth, lists the same open leaks as {@code /api/leaks}, shows the funnel of {@code /api/funnel},
 * and its Replay button replays a dead letter. Leaves a screenshot in target/dashboard.png, or
 * where {@code -Dbaton.dashboard.screenshot} says (the README's is docs/dashboard.png).
 * Without Chromium it is skipped, or fails when the environment says CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends SyncedServiceTest {

    /** The system's browser and driver (Debian's paths; -Dbaton.test.chromium / -Dbaton.test.chromedriver for others). */
    static final Path CHROMIUM = Path.of(System.getProperty("baton.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("baton.test.chromedriver", "/usr/bin/chromedriver"));
    /** Under target/ by default, so a test run never dirties the tree. */
    static final Path SCREENSHOT = Path.of(System.getProperty("baton.dashboard.screenshot", "target/dashboard.png"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final String LOCKED = "dashboard.locked@initech.example";

    private static final SandboxedService SERVICE = new SandboxedService("dashboard");

    private static Path profile;
    private static WebDriver browser;
    private static boolean prepared;
    private static long replayable;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 60, 45, 0.5);
    }

    @LocalServerPort
    int port;

    @Autowired
    LeakScan scan;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "the dashboard browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver; .ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(missing + " — CI is set, so this is a failure, not a skip");
            }
            // Surefire does not show why a whole class was skipped: say it in the build's output too.
            System.err.println("DashboardBrowserTest skipped: " + missing);
            Assumptions.abort(missing + " — skipped");
        }
        // Never Selenium Manager: the driver and the browser are the system's, named here.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("baton-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        ((HasAuthentication) browser).register(UsernameAndPassword.of("admin", "demo"));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Once: sync the seeded people, scan for leaks, and leave one record's row lock as a dead letter. */
    @BeforeEach
    void syncScanAndFileOneDeadLetter() {
        if (prepared) {
            return;
        }
        Faults faults = sandbox.salesforceServer().faults();
        faults.failRecord(LOCKED, "UNABLE_TO_LOCK_ROW");
        String locked = people.hubspotMql(LOCKED, Map.of());
        sync.syncUntilQuiet(10);
        scan.scan();
        faults.clearRecordFailures();
        replayable = deadLetters.findOpen(RecordRef.hubspotContact(locked), "hubspot:contacts").orElseThrow().id();
        prepared = true;
        openDashboard();
    }

    private void openDashboard() {
        browser.get("http://127.0.0.1:" + port + "/");
        waitForLoads(1);
    }

    /** The page counts its finished loads in body[data-loaded]. */
    private void waitForLoads(int atLeast) {
        new WebDriverWait(browser, WAIT).until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && Integer.parseInt(loaded) >= atLeast;
        });
    }

    @Test
    @Order(1)
    void thePageLoadsBehindBasicAuthWithEverySectionFilled() throws Exception {
        assertThat(browser.getTitle()).isEqualTo("Baton — dashboard");
        assertThat(browser.findElement(By.id("load-error")).isDisplayed()).as("no API call failed").isFalse();
        assertThat(rows("#status tbody tr", "stream")).containsExactly("hubspot:contacts", "salesforce:Lead",
                "salesforce:Contact", "salesforce:Opportunity");
        assertThat(rows("#budget tbody tr", "system")).containsExactly("hubspot", "salesforce");
        assertThat(browser.findElement(By.cssSelector("#budget tbody tr[data-system='hubspot'] td:nth-child(2)")).getText())
                .as("HubSpot calls were made and counted").isNotEqualTo("0");
        assertThat(get("/", null).statusCode()).as("the page itself needs the admin's credentials").isEqualTo(401);
    }

    @Test
    @Order(2)
    void itShowsTheSeededLeaksThatTheApiLists() throws Exception {
        List<String> apiIds = new ArrayList<>();
        long total = 0;
        for (int page = 0; ; page++) {
            JsonNode answer = JSON.readTree(get("/api/leaks?size=200&page=" + page, ADMIN).body());
            total = answer.path("total").asLong();
            answer.path("leaks").forEach(l -> apiIds.add(l.path("id").asText()));
            if (answer.path("leaks").size() < 200) {
                break;
            }
        }

        assertThat(total).as("the demo seed leaks").isPositive();
        assertThat(rows("#leak-list tbody tr", "leakId")).containsExactlyElementsOf(apiIds);
        assertThat(browser.findElement(By.id("leak-total")).getText()).startsWith(total + " open flags");
        WebElement first = browser.findElement(By.cssSelector("#leak-list tbody tr"));
        assertThat(first.findElement(By.linkText("HubSpot")).getDomProperty("href")).startsWith("https://");
        long summed = browser.findElements(By.cssSelector("#leak-summary tbody tr td:nth-child(3)")).stream()
                .mapToLong(td -> Long.parseLong(td.getText().replace(",", ""))).sum();
        assertThat(summed).as("the kind-and-owner table counts every flag").isEqualTo(total);
    }

    @Test
    @Order(3)
    void itShowsTheFunnelOfTheApi() throws Exception {
        JsonNode funnel = JSON.readTree(get("/api/funnel", ADMIN).body());
        List<String> stages = new ArrayList<>();
        funnel.path("stages").forEach(s -> stages.add(s.path("stage").asText()));

        assertThat(funnel.path("people").asLong()).isPositive();
        assertThat(rows("#funnel tbody tr", "stage")).containsExactlyElementsOf(stages);
        for (JsonNode s : funnel.path("stages")) {
            WebElement row = browser.findElement(By.cssSelector("#funnel tr[data-stage='" + s.path("stage").asText() + "']"));
            assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).getText().replace(",", ""))
                    .isEqualTo(s.path("reached").asText());
        }
        assertThat(browser.findElements(By.cssSelector("#funnel .bar"))).hasSize(stages.size());
    }

    @Test
    @Order(4)
    void itsReplayButtonReplaysTheDeadLetter() throws Exception {
        assertThat(deadLetters.find(replayable).orElseThrow().status()).isEqualTo(DeadLetterStatus.OPEN);
        WebElement replay = browser.findElement(By.cssSelector("button[data-replay-id='" + replayable + "']"));
        screenshot();

        replay.click();

        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("action-result")).getText().contains("letter now"));
        assertThat(browser.findElement(By.id("action-result")).getText())
                .isEqualTo("Replay of letter " + replayable + ": synced — letter now REPLAYED");
        DeadLetter after = deadLetters.find(replayable).orElseThrow();
        assertThat(after.status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(JSON.readTree(get("/api/dead-letters/" + replayable, ADMIN).body()).path("status").asText())
                .isEqualTo("REPLAYED");
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("tr[data-letter-id='" + replayable + "']"))
                .isEmpty());
    }

    @Test
    @Order(5)
    void aPastedListIsResyncedByIdAndEmailAndWhatIsNotAnIdIsNamed() {
        String contact = people.hubspotMql("pasted.contact@resync.example", Map.of());
        String lead = people.salesforceLead("pasted.lead@resync.example", Map.of());
        WebElement list = browser.findElement(By.id("resync-list"));

        list.clear();
        list.sendKeys("not-an-id, " + contact);
        browser.findElement(By.id("resync-submit")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("action-result")).getText()
                .startsWith("Resync: not an id"));
        assertThat(browser.findElement(By.id("action-result")).getText()).isEqualTo("Resync: not an id or email: not-an-id");
        assertThat(links.findByHubSpotId(contact)).as("nothing was sent").isEmpty();

        list.clear();
        list.sendKeys(contact + "\n" + lead + "\nnobody@resync.example");
        browser.findElement(By.id("resync-submit")).click();

        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("action-result")).getText().contains("synced,"));
        assertThat(browser.findElement(By.id("action-result")).getText())
                .startsWith("Resync: 2 synced, 0 failed, 1 not found, 0 skipped")
                .contains("nobody@resync.example: not_found");
        assertThat(links.findByHubSpotId(contact)).as("the contact was synced to Salesforce").isPresent();
        assertThat(links.findBySalesforceId(lead)).as("the lead was synced to HubSpot").isPresent();
    }

    /** The whole page, as tall as it is, for the README. */
    private void screenshot() throws IOException {
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 40, 6000)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> rows(String css, String data) {
        return browser.findElements(By.cssSelector(css)).stream().map(r -> r.getDomAttribute("data-" + kebab(data)))
                .toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
