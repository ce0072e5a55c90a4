package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Renders the sample's report in a real headless Chromium (the distribution's package, driven by
 * its chromedriver) as a person would open it, on a 1,400 px screen and a 390 px phone, with the
 * network switched off: the page loads with no console errors and fetches nothing; there is no
 * horizontal scroll; each chart shows one layout, with a title and a description, drawing a
 * non-empty box; and no two pieces of text in a chart overlap, measured from the DOM (the bounding
 * boxes the browser laid out, in screen pixels, rotation and scaling included). Screenshots for
 * review: {@code cx-report/target/report-<width>.png} (the whole page) and {@code
 * cx-report/target/browser-shots/<width>/<chart>.png} (each chart). Printed (print media on an A4
 * page's 680 px): no navigation, nothing wider than the paper, each chart in one layout without
 * overlapping text ({@code browser-shots/print/}), and {@code target/report.pdf} from Chromium's
 * own print to PDF.
 *
 * <p>Chromium and chromedriver are looked up at {@code /usr/bin} (system properties {@code
 * cx4j.chromium} and {@code cx4j.chromedriver} override). {@code .ci/run} installs them; in CI
 * ({@code CI=true}) their absence fails the test, elsewhere it skips it with a message.
 */
class HtmlReportBrowserTest {

  /** Text boxes may touch by this much (pixels, each way) before they count as overlapping. */
  private static final double TOUCH = 1.0;

  private static ChromeDriver driver;
  private static Path page;
  private static Path target;

  @BeforeAll
  static void start() throws IOException {
    Path chromium = Path.of(System.getProperty("cx4j.chromium", "/usr/bin/chromium"));
    Path driverBinary = Path.of(System.getProperty("cx4j.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driverBinary)) {
      String why =
          "needs "
              + chromium
              + " and "
              + driverBinary
              + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    target = Path.of("target").toAbsolutePath();
    page = target.resolve("browser-report/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(
        page, HtmlReport.render(CxReport.of(ReportInput.sample())), StandardCharsets.UTF_8);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory("cx4j-chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverBinary.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // No network: the report must open from the file alone.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** Returns the first elements (outside a scrolling box) that reach past {@code width}. */
  private static Object wider(int width) {
    return driver.executeScript(
        "const w = arguments[0]; return Array.from("
            + "document.querySelectorAll('body *')).filter(e => !e.closest('.scroll')"
            + " && e.getBoundingClientRect().right > w + 1).slice(0, 8).map(e => e.tagName + '#'"
            + " + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
        width);
  }

  private static void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1400, 390})
  void theReportReadsAtThisWidth(int width) throws IOException {
    viewport(width, 900);
    driver.get(page.toUri().toString());
    assertEquals("complete", driver.executeScript("return document.readyState"));
    // A phone widens its layout viewport to fit content that is too wide: name what is.
    Object wide = wider(width);
    assertEquals(
        width,
        ((Number) driver.executeScript("return window.innerWidth")).intValue(),
        "content wider than the screen: " + wide);

    List<String> severe = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        severe.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertTrue(severe.isEmpty(), "console errors: " + severe);
    assertEquals(
        0L,
        ((Number) driver.executeScript("return performance.getEntriesByType('resource').length"))
            .longValue(),
        "the page fetches nothing");

    long scroll =
        ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
    assertTrue(
        scroll <= width,
        "horizontal scroll at " + width + " px: the page is " + scroll + " px wide");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>) driver.executeScript(CHART_SCRIPT, TOUCH);
    assertEquals(HtmlReportTest.CHARTS.size(), charts.size(), charts.toString());
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> c : charts) {
      String id = (String) c.get("id");
      if (((Number) c.get("visible")).intValue() != 1) {
        problems.add(id + ": " + c.get("visible") + " layouts shown, not 1");
        continue;
      }
      if (!Boolean.TRUE.equals(c.get("titled"))) {
        problems.add(id + ": no title or no description");
      }
      if (((Number) c.get("shapes")).intValue() <= 5) {
        problems.add(id + " draws too little: " + c);
      }
      if (((Number) c.get("w")).doubleValue() < Math.min(300, width - 60)
          || ((Number) c.get("h")).doubleValue() < 100) {
        problems.add(id + " is too small: " + c);
      }
      if (((Number) c.get("right")).doubleValue() > width) {
        problems.add(id + " runs off the screen: " + c);
      }
      @SuppressWarnings("unchecked")
      List<String> overlaps = (List<String>) c.get("overlaps");
      for (String o : overlaps) {
        problems.add(id + ": text overlaps: " + o);
      }
    }

    // Screenshots for review: every chart, then the whole page.
    Path shots = target.resolve("browser-shots/" + width);
    Files.createDirectories(shots);
    for (WebElement fig : driver.findElements(By.cssSelector("figure.chart"))) {
      driver.executeScript("arguments[0].scrollIntoView()", fig);
      Files.write(
          shots.resolve(fig.getAttribute("id") + ".png"), fig.getScreenshotAs(OutputType.BYTES));
    }
    long height =
        ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
    @SuppressWarnings("unchecked")
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    width,
                    "height",
                    Math.min(height, 30_000),
                    "scale",
                    1)));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Files.write(target.resolve("report-" + width + ".png"), png);
    assertTrue(png.length > 50_000, "screenshot too small: " + png.length + " bytes");

    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @org.junit.jupiter.api.Test
  void theCommentsSectionIsLaidOutAndShown() {
    viewport(1400, 900);
    driver.get(page.toUri().toString());
    // "What customers say": its tables are laid out and shown (comments rendered as text).
    Number textRows =
        (Number)
            driver.executeScript(
                "const s = document.getElementById('text'); if (!s) return 0;"
                    + " const t = s.querySelector('table'); const r = t ? t.getBoundingClientRect() : null;"
                    + " return r && r.width * r.height > 1000 ? s.querySelectorAll('tbody tr').length : 0;");
    assertTrue(textRows.intValue() > 3, "the comments section shows too little: " + textRows);
  }

  @org.junit.jupiter.api.Test
  void theReportPrintsToPdf() throws IOException {
    // An A4 page at 96 px per inch, less 15 mm margins each side: 180 mm, 680 px.
    viewport(680, 1000);
    driver.get(page.toUri().toString());
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertEquals(
          "none",
          driver.executeScript("return getComputedStyle(document.querySelector('nav')).display"),
          "no navigation");
      long scroll =
          ((Number) driver.executeScript("return document.documentElement.scrollWidth"))
              .longValue();
      assertTrue(scroll <= 680, "the printed page is " + scroll + " px wide: " + wider(680));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> charts =
          (List<Map<String, Object>>) driver.executeScript(CHART_SCRIPT, TOUCH);
      for (Map<String, Object> c : charts) {
        assertEquals(1, ((Number) c.get("visible")).intValue(), c.get("id") + " layouts");
        assertEquals(List.of(), c.get("overlaps"), c.get("id") + " overlaps");
      }
      // The charts as printed (their 680 px layouts), for review.
      Path shots = target.resolve("browser-shots/print");
      Files.createDirectories(shots);
      for (WebElement fig : driver.findElements(By.cssSelector("figure.chart"))) {
        driver.executeScript("arguments[0].scrollIntoView()", fig);
        Files.write(
            shots.resolve(fig.getAttribute("id") + ".png"), fig.getScreenshotAs(OutputType.BYTES));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> pdf =
          driver.executeCdpCommand(
              "Page.printToPDF",
              Map.of(
                  "paperWidth",
                  8.27,
                  "paperHeight",
                  11.69,
                  "preferCSSPageSize",
                  true,
                  "printBackground",
                  true));
      byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
      Files.write(target.resolve("report.pdf"), bytes);
      assertTrue(new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
      assertTrue(bytes.length > 50_000, "PDF too small: " + bytes.length + " bytes");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  /**
   * Per chart: how many of its layouts are shown, whether the shown SVG starts with a title and has
   * a description, its size, and every pair of its text elements whose boxes overlap by more than
   * the touch tolerance (argument 0).
   */
  private static final String CHART_SCRIPT =
      String.join(
          "\n",
          "const touch = arguments[0];",
          "return Array.from(document.querySelectorAll('figure.chart')).map(f => {",
          "  const shown = Array.from(f.querySelectorAll('svg')).filter(s => {",
          "    const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; });",
          "  const s = shown[0];",
          "  const out = {id: f.id, visible: shown.length, overlaps: []};",
          "  if (!s) { return out; }",
          "  const r = s.getBoundingClientRect();",
          "  out.w = r.width; out.h = r.height; out.right = r.right + window.scrollX;",
          "  out.shapes = s.querySelectorAll('rect,path,line,circle,polyline,polygon,text').length;",
          "  const first = s.firstElementChild;",
          "  const desc = s.querySelector(':scope > desc');",
          "  out.titled = !!first && first.tagName === 'title' && first.textContent.trim() !== ''",
          "      && !!desc && desc.textContent.trim() !== '';",
          "  const boxes = Array.from(s.querySelectorAll('text'))",
          "      .filter(t => t.textContent.trim() !== '')",
          "      .map(t => ({t: t.firstChild ? t.firstChild.textContent : t.textContent,",
          "          b: t.getBoundingClientRect()}))",
          "      .filter(x => x.b.width > 0 && x.b.height > 0);",
          "  for (let i = 0; i < boxes.length; i++) {",
          "    for (let j = i + 1; j < boxes.length; j++) {",
          "      const a = boxes[i].b, b = boxes[j].b;",
          "      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);",
          "      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);",
          "      if (ox > touch && oy > touch) {",
          "        out.overlaps.push(JSON.stringify(boxes[i].t) + ' and ' + JSON.stringify(boxes[j].t)",
          "            + ' by ' + ox.toFixed(1) + ' x ' + oy.toFixed(1) + ' px');",
          "      }",
          "    }",
          "  }",
          "  return out;",
          "});");
}
