package io.legalhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.ingress.WebhookSignature;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 4: the console in a real browser (headless Chromium, Debian's browser and driver, nothing
 * downloaded). An operator signs in, finds a matter whose update did not fit the canonical model, corrects
 * it in the payload editor, replays it and sees billing get the corrected matter; then replays a batch of
 * dead letters at once and watches the progress bar reach 100%. Each page visited is saved as a
 * screenshot under target/console-screenshots/.
 */
class ConsoleBrowserTest extends HubIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver; .ci/run does it)");
        // Selenium Manager must never look for (or download) a browser or driver: both are given explicitly
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            old.filter(p -> p.toString().endsWith(".png")).forEach(p -> p.toFile().delete());
        }
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anOperatorCorrectsAMatterThatDidNotFitTheModelReplaysItAndThenReplaysABatch() throws Exception {
        // --- the situation: a matter billing has, whose next update breaks the canonical model,
        //     and a batch of matters billing refused until just now
        String number = newMatterNumber();
        String batch = "CB" + newMatterNumber().substring(1, 7);
        List<String> batchNumbers = List.of(batch + "-1", batch + "-2");
        batchNumbers.forEach(n -> sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + n + "\":\"Client is on credit hold\"}}"));
        long client = sandbox.createClient("Northwind Traders " + number, "Company");
        long matterId = sandbox.createMatter(number, "Northwind supply agreement", client, null).get("id").asLong();
        for (String n : batchNumbers) {
            sandbox.createMatter(n, "Credit hold " + n, client, null);
        }
        await().atMost(WAIT).until(() -> sandbox.billingMatters(number).size() == 1);
        awaitQueuesDrained();
        sendArchivedUpdate(sandbox.matter(matterId));
        await().atMost(WAIT).until(() -> openDeadLetters("target=hub&q=" + number) == 1 && openDeadLetters("target=billing&q=" + batch) == 2);
        batchNumbers.forEach(n -> sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + n + "\":null}}"));

        // --- sign in (a wrong password first)
        open("/console");
        waitFor(By.id("username"));
        screenshot("01-login");
        signIn("operator", "not-the-password");
        assertThat(waitFor(By.cssSelector("[data-testid=problem]")).getText()).contains("user name or password is not right");
        signIn("operator", "operator");
        waitFor(By.cssSelector("[data-testid=systems]"));
        assertThat(text("[data-testid=user-name]")).isEqualTo("operator");
        assertThat(text("[data-testid=user-role]")).isEqualTo("Operator");
        assertThat(text("[data-testid=queues]")).contains("hub.out.billing.matter");
        screenshot("02-dashboard");

        // --- filter the dead letters down to the matter
        browser.findElement(By.linkText("Dead letters")).click();
        waitFor(By.cssSelector("[data-testid=filters]"));
        new Select(browser.findElement(By.id("target"))).selectByValue("hub");
        browser.findElement(By.id("q")).sendKeys(number);
        browser.findElement(By.xpath("//button[normalize-space()='Apply filters']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=total]"), "1"));
        assertThat(browser.getCurrentUrl()).contains("target=hub").contains("q=" + number);
        assertThat(text("[data-testid=dead-letters]")).contains(number).contains("canonicalize")
                .contains("does not fit the canonical matter model");
        screenshot("03-dead-letters");

        // --- open it: the cause in plain words and the failing field
        browser.findElement(By.cssSelector("[data-testid=dead-letters] tbody a")).click();
        waitFor(By.cssSelector("[data-testid=headline]"));
        assertThat(text("[data-testid=headline]")).contains("does not fit the canonical matter model");
        assertThat(text("[data-testid=failed-field]")).contains("status");
        assertThat(text("[data-testid=hint]")).contains("the field status").contains("then replay");
        screenshot("04-dead-letter");
        String detailUrl = browser.getCurrentUrl();

        // --- correct the status, change the description, save
        WebElement editor = browser.findElement(By.id("payload"));
        String payload = editor.getDomProperty("value");
        assertThat(payload).contains("\"status\" : \"Archived\"");
        String corrected = payload.replace("\"status\" : \"Archived\"", "\"status\" : \"Open\"")
                .replace("Northwind supply agreement", "Northwind supply agreement (renewed)");
        editor.clear();
        editor.sendKeys(corrected);
        assertThat(browser.findElement(By.id("replay-button")).isEnabled()).as("replay waits for the edit to be saved").isFalse();
        browser.findElement(By.cssSelector("[data-testid=save]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=notice]")).getText()).contains("is saved");
        assertThat(text("[data-testid=history]")).contains("edited").contains("+ ").contains("Open");

        // --- dry run: what a replay would do, without doing it
        browser.findElement(By.cssSelector("[data-testid=dry-run]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=dry-run-outcome]")).getText()).contains("billing");
        assertThat(text("[data-testid=dry-run-canonical]")).contains("Northwind supply agreement (renewed)").contains("\"open\"");
        screenshot("05-dry-run");
        browser.navigate().to(detailUrl);

        // --- replay, and see it go through
        waitFor(By.cssSelector("[data-testid=replay]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=notice]")).getText()).contains("sent back");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=status]"), "replayed"));
        await().atMost(WAIT).until(() -> sandbox.billingMatters(number).get(0).get("name").asText().equals("Northwind supply agreement (renewed)"));
        assertThat(text("[data-testid=history]")).contains("replay-requested").contains("replayed");
        screenshot("06-dead-letter-replayed");

        // --- its trail: delivered to billing after the replay
        browser.findElement(By.partialLinkText("its trail")).click();
        waitFor(By.cssSelector("[data-testid=steps]"));
        List<String> steps = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("[data-testid=steps] tbody tr"))) {
            steps.add(row.getDomAttribute("data-step") + "@" + row.getDomAttribute("data-system"));
        }
        assertThat(steps).contains("failed@hub", "replay-requested@hub");
        assertThat(steps.subList(steps.lastIndexOf("replay-requested@hub"), steps.size())).contains("canonicalized@hub", "delivered@billing");
        assertThat(text("[data-testid=places]")).contains("billing").contains(sandbox.billingMatters(number).get(0).get("id").asText());
        screenshot("07-trail");

        // --- bulk replay of the batch, watching the progress bar
        open("/console/dead-letters?status=open&target=billing&q=" + batch);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=total]"), "2"));
        browser.findElement(By.cssSelector("[data-testid=replay-all]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=matching]")).getText()).isEqualTo("2");
        screenshot("08-bulk-replay-confirm");
        browser.findElement(By.cssSelector("[data-testid=start-bulk-replay]")).click();
        waitFor(By.cssSelector("[data-testid=progress]"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=percent]"), "100%"));
        wait.until(ExpectedConditions.textMatches(By.cssSelector("[data-testid=job-status]"), java.util.regex.Pattern.compile("^Done: 2 replayed")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=progress]")).getDomAttribute("aria-valuenow")).isEqualTo("100");
        screenshot("09-bulk-replay-progress");
        await().atMost(WAIT).untilAsserted(() -> batchNumbers.forEach(n -> assertThat(sandbox.billingMatters(n)).hasSize(1)));

        // --- a viewer reads the same dead letter but has no buttons, and is told why a change is refused
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=notice]")).getText()).contains("signed out");
        signIn("viewer", "viewer");
        waitFor(By.cssSelector("[data-testid=systems]"));
        browser.navigate().to(detailUrl);
        waitFor(By.cssSelector("[data-testid=headline]"));
        assertThat(text("[data-testid=user-role]")).isEqualTo("Viewer");
        assertThat(browser.findElements(By.cssSelector("[data-testid=replay], [data-testid=save], [data-testid=discard]"))).isEmpty();
        open("/console/dead-letters/replay?q=" + batch);
        assertThat(waitFor(By.cssSelector("[data-testid=problem]")).getText()).contains("need the operator role");
    }

    // ---- helpers

    private final WebDriverWait wait = browser == null ? null : new WebDriverWait(browser, WAIT);

    /** Matter management sends the matter again, one version on, with a status the canonical model does not have. */
    private void sendArchivedUpdate(JsonNode matter) {
        ObjectNode data = matter.deepCopy();
        data.put("updated_at", java.time.Instant.parse(matter.get("updated_at").asText()).plusSeconds(1).toString());
        data.put("etag", "\"console-" + matter.get("display_number").asText() + "\"");
        data.put("status", "Archived");
        ObjectNode event = SandboxClient.JSON.createObjectNode();
        event.set("data", data);
        event.putObject("meta").put("event", "updated").put("webhook_id", matterSubscription().webhookId());
        var answer = postClioWebhook(event.toString(), null);
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    private int openDeadLetters(String filter) throws IOException {
        return SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?status=open&" + filter, null, "viewer").body()).get("total").asInt();
    }

    private void signIn(String user, String password) {
        WebElement name = waitFor(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
    }

    private void open(String path) {
        browser.navigate().to("http://127.0.0.1:" + port + path);
    }

    private WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The whole page (the window grows to the page's height for the shot), for the README and for reviewers. */
    private static void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        try {
            Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(4000, Math.max(window.getHeight(), height.intValue() + 140))));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
