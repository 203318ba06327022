// The web pages in a real headless browser (Debian's chromium via chromedriver): what a user sees.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the pages served by a real {@link DecisionServer}. Skipped only where no chromium is installed and the
 * {@code CI} variable is unset; under CI a missing browser fails the test.
 */
class ServePageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path ARTIFACTS = Path.of("target", "artifacts");
  /** Held so that the quieted level is not garbage-collected with the logger. */
  static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  @TempDir
  static Path tmp;
  static DecisionServer server;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
        "no " + CHROMIUM + " here (apt-get install chromium chromium-driver); runs under CI");
    SELENIUM_LOG.setLevel(Level.SEVERE);
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0).withLimits(1 << 20, 300, 64)
        .withRunsDir(FakeRuns.write(tmp.resolve("runs")));
    server = DecisionServer.start(new KeywordModel(), config, new RequestLog(l -> { }, false));
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(ARTIFACTS);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .withLogFile(ARTIFACTS.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void noteGetsDecisionBarsAndHighlightedRationale() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(base + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.textToBe(By.id("model-badge"), "model: keyword-triage · 3 labels"));
    browser.findElement(By.id("note")).sendKeys(DecisionServerTest.NOTE);
    browser.findElement(By.id("decide")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));

    assertEquals("Emergency", browser.findElement(By.id("decision-label")).getText());
    assertEquals("86.0 %", browser.findElement(By.id("decision-p")).getText());
    List<WebElement> rows = browser.findElements(By.cssSelector("#probabilities .bar-row"));
    assertEquals(List.of("emergency 86.0 %", "urgent 10.0 %", "routine 4.0 %"),
        rows.stream().map(r -> r.getText().replace('\n', ' ')).toList(), "every label, most probable first");
    assertTrue(rows.get(0).getAttribute("class").contains("predicted"));
    WebElement track = rows.get(0).findElement(By.className("bar-track"));
    WebElement fill = rows.get(0).findElement(By.className("bar-fill"));
    assertEquals(0.86, (double) fill.getSize().getWidth() / track.getSize().getWidth(), 0.02, "bar length");

    assertEquals(KeywordModel.EMERGENCY_RATIONALE, browser.findElement(By.id("rationale")).getText());
    // rationale words that occur in the note (stopwords and words under 3 letters left out), worked by hand
    assertEquals(List.of("Crushing", "chest", "pain", "radiating", "arm"), texts("#rationale mark"));
    browser.findElement(By.cssSelector("details summary")).click();
    assertEquals(List.of("crushing", "chest", "pain", "radiating", "arm"), texts("#note-echo mark"));

    assertOnlyOwnAssetsAndNoConsoleErrors();
    screenshot("serve-page.png");
  }

  @Test
  void refusedNoteShowsTheServersMessage() {
    browser.get(base + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-count"), "/ 300"));
    browser.findElement(By.id("note")).sendKeys("x".repeat(301));
    assertTrue(browser.findElement(By.id("note-count")).getAttribute("class").contains("over"));
    browser.findElement(By.id("decide")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertEquals("The server refused the note (422): field 'text' has 301 characters; the limit is 300 characters "
        + "(--max-input-chars)", browser.findElement(By.id("error")).getText());
  }

  @Test
  void runsViewComparesReportsAndDrawsCurves() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(base + "/runs#r2d-base-seed1");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.textToBe(By.id("run-title"), "Run r2d-base-seed1"));
    List<WebElement> runs = browser.findElements(By.cssSelector("#compare-table tbody tr"));
    assertEquals(3, runs.size());
    // best macro F1 of the three: r2d-small-seed1 (0.66 > 0.61; broken-run has no report)
    WebElement best = browser.findElement(By.cssSelector("#compare-table td.best[data-column='macro F1']"));
    assertEquals("0.66", best.getText());
    assertEquals("r2d-small-seed1", best.findElement(By.xpath("..")).getAttribute("data-run"));
    WebElement brokenChrf = browser.findElement(By.cssSelector("tr[data-run='broken-run'] td[data-column='chrF']"));
    assertEquals("—", brokenChrf.getText(), "absent values show a dash");

    List<String> charts = browser.findElements(By.cssSelector("#charts .chart")).stream()
        .map(c -> c.getAttribute("data-metric")).toList();
    assertEquals(List.of("loss", "L_pred (label)", "L_rat (rationale)", "α (label weight)", "π (scheduled sampling)",
        "predicted-rationale fraction", "learning rate", "val_accuracy", "val_macro_f1"), charts);
    WebElement loss = browser.findElement(By.cssSelector(".chart[data-metric='loss']"));
    assertEquals(List.of("stage1", "stage2"), loss.findElements(By.cssSelector("path")).stream()
        .map(p -> p.getAttribute("data-series")).toList());
    assertTrue(browser.findElement(By.id("run-config")).getText().contains("model.name t5-base"));
    assertTrue(browser.findElement(By.id("run-provenance")).getText().contains("git_commit abc1234"));
    assertOnlyOwnAssetsAndNoConsoleErrors();
    screenshot("serve-runs.png");

    browser.findElement(By.cssSelector("tr[data-run='broken-run'] button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("run-title"), "Run broken-run"));
    String skipped = browser.findElement(By.id("skipped-lines")).getText();
    assertTrue(skipped.startsWith("4 line(s) of metrics.jsonl could not be read and were skipped (line 2: "),
        skipped);
    assertTrue(browser.findElement(By.id("run-notices")).getText().contains("config.json: malformed JSON"));
    assertEquals("— (no evaluation/report.json)", browser.findElement(By.id("run-report")).getText());
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** Every resource the page loaded came from this server, and the console shows no error (e.g. a CSP block). */
  private static void assertOnlyOwnAssetsAndNoConsoleErrors() {
    @SuppressWarnings("unchecked")
    List<Object> urls = (List<Object>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name);");
    assertTrue(!urls.isEmpty());
    for (Object u : urls) {
      assertTrue(u.toString().startsWith(base + "/"), "loaded from elsewhere: " + u);
    }
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .filter(e -> !e.getMessage().contains("status of 422")) // the refused-note test's answer
        .toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
  }

  private static void screenshot(String name) throws Exception {
    // the whole page, not only the first screenful
    Number height = (Number) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(1280, Math.max(900, Math.min(4000, height.intValue() + 100))));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
