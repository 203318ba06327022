// The decision page with a real T5 model: unsupported numbers marked "not in the note", a contradicting rationale warned.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.Main;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.io.Json;
import dev.reason2decide.testing.Shared;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tiny T5 (the t5-tiny-v1_1 fixture) is trained with {@code r2d train} until it repeats one example: the decision
 * ESI-1 and the rationale of the served note, which argues for ESI-4 with vital signs the note does not have.
 * The API must report both failures, refuse the decision (trust), and the page must show them with the
 * "Refer to a clinician" banner (the page test is skipped like
 * {@link ServePageBrowserTest} where no chromium is installed).
 */
class ServePageRealModelTest {
  /** Rules by hand: a high-risk complaint and danger-zone HR, RR, SpO2 and pain make it ESI-2, not ESI-1. */
  static final String NOTE = "67-year-old man with crushing chest pain with sweating, started 30 minutes ago. HR 118, "
      + "BP 92/60, RR 24, SpO2 90% on room air, T 37.2 C. Alert and oriented. Pain 9/10. History: hypertension.";
  static final String RATIONALE = "Stable: alert, HR 93, BP 135/61, SpO2 95%, pain 4/10. Lingering cough needs one "
      + "resource (chest X-ray), so ESI-4.";
  static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  @TempDir
  static Path tmp;
  static T5DecisionModel model;
  static DecisionServer server;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    JsonObject ex = new JsonObject();
    ex.addProperty("id", "served-note");
    ex.addProperty("question", NOTE);
    ex.addProperty("label", "ESI-1");
    ex.addProperty("rationale", RATIONALE);
    Path data = tmp.resolve("one.jsonl");
    Files.writeString(data, Json.COMPACT.toJson(ex) + "\n");
    Path run = tmp.resolve("run");
    int code = Main.run("train", "--train", data.toString(), "--validation", data.toString(), "--init",
        Shared.fixture("t5-tiny-v1_1").toString(), "--recipe", "r2d-stage2", "--steps", "160", "--lr", "3e-3",
        "--lr-schedule", "constant", "--batch-size", "1", "--eval-batch-size", "1", "--eval-every", "1000",
        "--label-max-new-tokens", "8", "--rationale-max-new-tokens",
        "64", "--seed", "3", "--threads", "1", "--quiet", "--out", run.toString());
    assertEquals(0, code, "r2d train");
    model = T5DecisionModel.load(run.resolve("model"));
    ServeConfig config = ServeConfig.defaults().withAddress("127.0.0.1", 0);
    server = DecisionServer.start(model, config, new RequestLog(l -> { }, false));
    base = "http://127.0.0.1:" + server.port();
    if (!Files.isExecutable(ServePageBrowserTest.CHROMIUM) && System.getenv("CI") == null) {
      return; // the API test still runs; the page test is skipped
    }
    SELENIUM_LOG.setLevel(Level.SEVERE);
    Files.createDirectories(ServePageBrowserTest.ARTIFACTS);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ServePageBrowserTest.CHROMEDRIVER.toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ServePageBrowserTest.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1100));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void theApiReturnsTheChecksOfTheRealModelsRationale() throws Exception {
    Decision d = model.decide(NOTE);
    assertEquals("ESI-1", d.label(), "the trained model repeats its one example");
    assertEquals(RATIONALE, d.rationale());
    JsonObject o = new JsonObject();
    o.addProperty("text", NOTE);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/predict"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(o.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject checks = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("checks");
    List<String> unsupported = new ArrayList<>();
    checks.getAsJsonArray("unsupported_numbers").forEach(x -> {
      JsonObject s = x.getAsJsonObject();
      unsupported.add(s.get("text").getAsString());
      assertEquals(s.get("text").getAsString(), RATIONALE.substring(s.get("start").getAsInt(), s.get("end").getAsInt()));
    });
    // numbers of the rationale: 93 135 61 95 4 10 4; the note has 10 ("9/10"), and on the synthetic set the ESI
    // levels are labels, so 4 (ESI-4) is known
    assertEquals(List.of("93", "135", "61", "95"), unsupported);
    assertEquals(7, checks.get("numbers_stated").getAsInt());
    assertEquals("ESI-4", checks.get("stated_decision").getAsString());
    assertFalse(checks.get("states_decision").getAsBoolean());
    assertFalse(checks.get("findings_grounded").getAsBoolean());
    assertFalse(checks.get("fully_faithful").getAsBoolean());
    // a rationale that argues for another decision with numbers the note lacks: the case is referred
    JsonObject trust = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("trust");
    assertFalse(trust.get("decide").getAsBoolean(), trust.toString());
    List<String> reasons = new ArrayList<>();
    trust.getAsJsonArray("reasons").forEach(x -> reasons.add(x.getAsString()));
    assertTrue(reasons.contains("The explanation argues for another decision [the rationale states ESI-4, not the "
        + "decision ESI-1]"), reasons.toString());
    // the synthetic grammar reads this rationale, so its findings are checked against the note's values exactly
    assertTrue(reasons.contains("The explanation misreads a value in the note [the rationale cites heart_rate 93 "
        + "where the note has 118]"), reasons.toString());
  }

  @Test
  void unsupportedNumbersAreMarkedAndTheContradictionIsWarned() throws Exception {
    assumeTrue(browser != null, "no " + ServePageBrowserTest.CHROMIUM + " here; runs under CI");
    browser.get(base + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.findElement(By.id("note")).sendKeys(NOTE);
    browser.findElement(By.id("decide")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
    assertEquals("ESI-1", browser.findElement(By.id("decision-label")).getText());
    // numbers of the rationale: 93 135 61 95 4 10 4; the note has 10 ("9/10") and the labels have 4 (ESI-4)
    List<WebElement> marked = browser.findElements(By.cssSelector("#rationale .unsupported"));
    assertEquals(List.of("93", "135", "61", "95"), marked.stream().map(WebElement::getText).toList());
    for (WebElement m : marked) {
      assertEquals("not in the note", m.getAttribute("title"));
    }
    assertEquals(4, browser.findElements(By.cssSelector("#rationale .unsupported-tag")).stream()
        .filter(t -> t.getText().equals("not in the note")).count());
    WebElement warning = browser.findElement(By.id("decision-warning"));
    assertTrue(warning.isDisplayed());
    assertTrue(warning.getText().contains("ESI-4") && warning.getText().contains("ESI-1"), warning.getText());
    WebElement refer = browser.findElement(By.id("refer"));
    assertTrue(refer.isDisplayed());
    assertTrue(refer.getText().startsWith("Refer to a clinician"), refer.getText());
    assertTrue(refer.getText().contains("the rationale states ESI-4, not the decision ESI-1"), refer.getText());
    assertTrue(browser.findElement(By.id("answer")).getAttribute("class").contains("unreliable"));
    screenshot("serve-page-real-model.png");
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), ServePageBrowserTest.ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
