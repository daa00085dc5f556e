package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of {@code mta-sts serve} in a real browser: Debian's headless Chromium, against the server on 127.0.0.1
 * checking sandbox domains. The layers pending then filling in, the verdict and promotion in words, a failing layer
 * and its fix, what to publish with copy buttons, the keyboard, axe-core's accessibility rules, a phone-width
 * viewport, hostile content shown as text. Screenshots go to {@code target/serve-screenshots/}. Skips, saying what
 * is missing, without chromium and chromedriver (and the axe checks without axe-core).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServePageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "serve-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ServeFixture fixture;
    private static ChromeDriver browser;
    private static final AtomicReference<GatedResolver> GATE = new AtomicReference<>();

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() {
        Browser.missing().ifPresent(why -> Assumptions.abort(why));
        // the look-ups of pending.good.test wait for the test, so the page can be seen while they do
        fixture = ServeFixture.start(s -> s.withRate(1000, Duration.ofMillis(1)), (sandbox, builder) -> {
            GATE.set(new GatedResolver(sandbox.resolver(), name -> name.value().endsWith("pending.good.test")));
            return builder.resolver(GATE.get());
        });
        fixture.sandbox.domain("pending.good.test").stsRecord("v=STSv1; id=20261101T000000")
                .mx(10, "mx1.pending.good.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@pending.good.test")
                .policy("version: STSv1\r\nmode: testing\r\nmx: mx1.pending.good.test\r\nmax_age: 86400\r\n");
        browser = Browser.start(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 2000));
    }

    @Test
    void eachLayerIsPendingThenFillsInThenTheVerdictAndPromotionAreSaidInWords() throws IOException {
        open("/?domain=pending.good.test");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElements(By.cssSelector("#layers > li")).size() == 6);
        // the TXT look-ups are held: the record layers are still pending, the verdict not in
        assertThat(badge("DNS_RECORD")).isIn("Pending", "Checking");
        assertThat(badge("TLS_RPT")).isIn("Pending", "Checking");
        assertThat(text("#verdict-label")).isEqualTo("Checking…");
        assertThat(text("#status")).startsWith("Checking pending.good.test");
        screenshot("pending");

        GATE.get().open();
        awaitDone();
        for (String layer : List.of("DNS_RECORD", "POLICY_FETCH", "POLICY_PARSE", "MX_COVERAGE", "TLS_RPT",
                "PROMOTION")) {
            assertThat(badge(layer)).as(layer).isIn("Passed", "Warning", "Failed", "Skipped");
        }
        assertThat(badge("DNS_RECORD")).isEqualTo("Passed");
        assertThat(text("#layer-DNS_RECORD .text")).contains("v=STSv1; id=20261101T000000");
        assertThat(text("#verdict-label")).isEqualTo("Testing");
        assertThat(text("#verdict-headline")).contains("testing mode", "still deliver");
        assertThat(text("#promotion-headline")).startsWith("Ready for enforce");
        assertThat(text("#status")).startsWith("Done: Testing.");
        // what to publish for the promotion, each with its copy button
        List<WebElement> copies = browser.findElements(By.cssSelector("#publish button.copy"));
        assertThat(copies).isNotEmpty();
        assertThat(copies.get(0).getAttribute("aria-label")).startsWith("Copy ");
        assertThat(text("#publish")).contains("mode: enforce", "mx: mx1.pending.good.test");
        // the JSON link is the same report
        String href = browser.findElement(By.id("json-link")).getAttribute("href");
        assertThat(href).endsWith("/api/check?domain=pending.good.test");
        JsonNode json = ServeFixture.JSON.readTree(fixture.get("/api/check?domain=pending.good.test").body());
        assertThat(json.get("verdict").asText()).isEqualTo("TESTING");
        assertOnlyLoopbackRequests();
    }

    @Test
    void aBrokenDomainShowsTheFailingLayerTheFindingAndItsFix() {
        open("/?domain=redirect.test");
        awaitDone();

        assertThat(text("#verdict-label")).isEqualTo("Broken");
        assertThat(text("#verdict-headline")).contains("broken");
        assertThat(badge("POLICY_FETCH")).isEqualTo("Failed");
        WebElement finding = browser.findElements(By.cssSelector("#findings li")).stream()
                .filter(li -> li.getText().contains("POLICY_REDIRECT")).findFirst().orElseThrow();
        assertThat(finding.findElement(By.cssSelector(".fix-text")).getText()).isNotBlank();
        assertThat(finding.findElement(By.cssSelector(".fix")).getText()).startsWith("Fix: ");
        assertThat(finding.findElement(By.tagName("h4")).getText()).contains("Error");
        screenshot("desktop-broken");
    }

    @Test
    void aBlockerIsMarkedAndTheMissingRecordIsOfferedToCopy() {
        open("/?domain=no-tlsrpt.test");
        awaitDone();

        assertThat(text("#promotion-headline")).startsWith("Not ready for enforce yet");
        WebElement finding = browser.findElements(By.cssSelector("#findings li")).stream()
                .filter(li -> li.getText().contains("TLSRPT_MISSING")).findFirst().orElseThrow();
        assertThat(finding.getText()).contains("Blocks promotion to enforce.");
        assertThat(text("#publish")).contains("_smtp._tls.no-tlsrpt.test", "v=TLSRPTv1; rua=mailto:");
        WebElement copy = browser.findElements(By.cssSelector("#publish button.copy")).stream()
                .filter(b -> b.getAttribute("aria-label").contains("TLS-RPT")).findFirst().orElseThrow();
        copy.click();
        // copied to the clipboard, or (where the browser refuses) selected for Ctrl+C: said in the live region
        new WebDriverWait(browser, WAIT).until(d -> text("#status").startsWith("Copied")
                || text("#status").startsWith("Selected"));
        screenshot("desktop-blocker");
    }

    @Test
    void theMxProbeResultsFillTheMxTable() {
        open("/?domain=mx-no-starttls.test");
        awaitDone();

        WebElement row = browser.findElements(By.cssSelector("#mx-table tbody tr")).get(0);
        assertThat(row.getText()).contains("mx1.mx-no-starttls.test", "no STARTTLS offered");
        assertThat(text("#verdict-label")).isEqualTo("Enforcing, mail at risk");
    }

    @Test
    void theKeyboardTypesADomainRunsTheCheckAndTabReachesTheExamplesAndTheCopyButton() {
        open("/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("examples")).isDisplayed());
        // Tab from the top: the skip link, then the field; type and press Enter
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("domain");
        browser.switchTo().activeElement().sendKeys("testing.good.test", Keys.ENTER);
        awaitDone();
        assertThat(browser.getCurrentUrl()).endsWith("/?domain=testing.good.test");

        // on to a copy button with Tab alone, past the Check button
        List<String> seen = new ArrayList<>();
        boolean reached = false;
        for (int i = 0; i < 120 && !reached; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            seen.add(active.getTagName() + "#" + active.getAttribute("id") + "." + active.getAttribute("class")
                    + " " + active.getText());
            reached = "button".equals(active.getTagName()) && active.getAttribute("class").contains("copy");
        }
        assertThat(reached).as("Tab order: %s", seen).isTrue();
        assertThat(seen).anyMatch(s -> s.startsWith("button#check-button"));
        // the copy button is a button: Enter activates it, and the live region says what happened
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> text("#status").startsWith("Copied") || text("#status").startsWith("Selected"));
        // and further on, the JSON link and the demo domains
        boolean json = false;
        boolean example = false;
        for (int i = 0; i < 120 && !example; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            json |= "json-link".equals(active.getAttribute("id"));
            example = "a".equals(active.getTagName()) && active.getText().endsWith(".test");
        }
        assertThat(json).isTrue();
        assertThat(example).isTrue();
    }

    @Test
    void aDomainOfMarkupIsRefusedInWordsAndHostileContentIsShownAsText() {
        open("/?domain=%3Cscript%3Ewindow.pwned%3D9%3C%2Fscript%3E");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("problem")).isDisplayed());
        assertThat(text("#problem")).startsWith("Not a domain name:").contains("<script>");
        assertThat(pwned()).isNull();

        open("/?domain=hostile.test");
        awaitDone();
        assertThat(text("#verdict-label")).isEqualTo("Broken");
        assertThat(text("#findings")).contains("<script>window.pwned=1</script>");
        assertThat(pwned()).isNull();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#result img"))).isEmpty();

        open("/?domain=hostile-record.test");
        awaitDone();
        assertThat(text("#result")).contains("<img src=x onerror=window.pwned=3>");
        assertThat(pwned()).isNull();
        assertThat(browser.findElements(By.cssSelector("#result img"))).isEmpty();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnTheResultsGoodOrBroken() throws IOException {
        Browser.axeMissing().ifPresent(why -> Assumptions.abort(why));
        for (String domain : List.of("enforce.good.test", "bad-syntax.test", "no-tlsrpt.test")) {
            open("/?domain=" + domain);
            awaitDone();
            assertThat(axeViolations()).as(domain).isEmpty();
        }
        open("/");
        assertThat(axeViolations()).as("the empty page").isEmpty();
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndAxeStillPasses() throws IOException {
        browser.manage().window().setSize(new Dimension(375, 2400));
        open("/?domain=backup-mx.test");
        awaitDone();

        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        assertThat(width.intValue()).isLessThanOrEqualTo(400);
        assertThat(browser.findElement(By.id("domain")).getSize().getWidth()).isLessThanOrEqualTo(375);
        screenshot("phone");
        if (Browser.axeMissing().isEmpty()) {
            assertThat(axeViolations()).isEmpty();
        }
        browser.manage().window().setSize(new Dimension(1280, 2000));
        open("/?domain=enforce.good.test");
        awaitDone();
        screenshot("desktop");
    }

    private static void open(String path) {
        browser.get(fixture.uri(path).toString());
    }

    private static void awaitDone() {
        new WebDriverWait(browser, WAIT).until(d -> text("#status").startsWith("Done")
                || d.findElement(By.id("problem")).isDisplayed());
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).as(text("#problem")).isFalse();
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String badge(String layer) {
        return text("#layer-" + layer + " .badge");
    }

    private static Object pwned() {
        return ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null"
                + " : String(window.pwned);");
    }

    /** @return each serious or critical violation as "id: help (targets)" */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations() throws IOException {
        JavascriptExecutor js = browser;
        js.executeScript(Browser.axeSource());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
                + " impact: 'critical', help: String(e), nodes: []}])));");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : ServeFixture.JSON.readTree(result)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    /** Every resource the page loaded came from the server on 127.0.0.1. */
    private static void assertOnlyLoopbackRequests() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        String origin = fixture.server.uri().toString();
        assertThat(names).isNotEmpty().allMatch(n -> n.startsWith(origin));
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
