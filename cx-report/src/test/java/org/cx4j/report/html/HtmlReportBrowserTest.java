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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Renders the sample's report in a real headless Chromium (the distribution's package, driven by
 * its chromedriver) as a person would open it: the page loads with no console errors, every
 * chart's SVG is present and draws a non-empty box, and a screenshot is saved as {@code
 * cx-report/target/report-screenshot.png}.
 *
 * <p>Chromium and chromedriver are looked up at {@code /usr/bin} (system properties {@code
 * cx4j.chromium} and {@code cx4j.chromedriver} override). {@code .ci/run} installs them; in CI
 * ({@code CI=true}) their absence fails the test, elsewhere it skips it with a message.
 */
class HtmlReportBrowserTest {

  @Test
  void theReportRendersInHeadlessChromium() throws IOException {
    Path chromium = Path.of(System.getProperty("cx4j.chromium", "/usr/bin/chromium"));
    Path driverBinary = Path.of(System.getProperty("cx4j.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driverBinary)) {
      String why = "needs " + chromium + " and " + driverBinary
          + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path target = Path.of("target").toAbsolutePath();
    Path page = target.resolve("browser-report/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, HtmlReport.render(CxReport.of(ReportInput.sample())),
        StandardCharsets.UTF_8);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("cx4j-chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.get(page.toUri().toString());
      JavascriptExecutor js = driver;
      assertEquals("complete", js.executeScript("return document.readyState"));

      List<String> severe = new ArrayList<>();
      for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
        if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
          severe.add(e.getLevel() + " " + e.getMessage());
        }
      }
      assertTrue(severe.isEmpty(), "console errors: " + severe);

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript(
          "return Array.from(document.querySelectorAll('figure.chart')).map(f => {"
              + " const s = f.querySelector('svg'); const b = s ? s.getBBox() : null;"
              + " const r = s ? s.getBoundingClientRect() : null;"
              + " return {id: f.id, shapes: s ? s.querySelectorAll('rect,path,line,circle,polyline,polygon,text').length : 0,"
              + " w: b ? b.width : 0, h: b ? b.height : 0, shown: r ? r.width * r.height : 0}; })");
      assertEquals(HtmlReportTest.CHARTS.size(), charts.size(), charts.toString());
      for (Map<String, Object> c : charts) {
        String id = (String) c.get("id");
        assertTrue(((Number) c.get("shapes")).intValue() > 5, id + " draws too little: " + c);
        assertTrue(((Number) c.get("w")).doubleValue() > 100, id + " has an empty box: " + c);
        assertTrue(((Number) c.get("h")).doubleValue() > 50, id + " has an empty box: " + c);
        assertTrue(((Number) c.get("shown")).doubleValue() > 10_000, id + " is not shown: " + c);
      }

      // "What customers say": its tables are laid out and shown (comments rendered as text).
      Number textRows = (Number) js.executeScript(
          "const s = document.getElementById('text'); if (!s) return 0;"
              + " const t = s.querySelector('table'); const r = t ? t.getBoundingClientRect() : null;"
              + " return r && r.width * r.height > 1000 ? s.querySelectorAll('tbody tr').length : 0;");
      assertTrue(textRows.intValue() > 3, "the comments section shows too little: " + textRows);

      // The whole page in one screenshot: grow the window to the document's height first.
      long height = ((Number) js.executeScript(
          "return document.documentElement.scrollHeight")).longValue();
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280,
          (int) Math.min(height + 100, 16_000)));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Path shot = target.resolve("report-screenshot.png");
      Files.write(shot, png);
      assertTrue(png.length > 50_000, "screenshot too small: " + png.length + " bytes");
    } finally {
      driver.quit();
    }
  }
}
