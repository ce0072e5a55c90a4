package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cx4j.core.sample.SampleData;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.report.analysis.ChangeSection;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.ReportMetric;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The "What changed" table in headless Chromium: one order shown at a time, a click on another
 * order's label shows the table in that order (CSS only, no script), and at a phone's width the
 * section does not spill sideways (the table scrolls in its box). Screenshots of the section at
 * 1,400 and 390 px are saved as {@code target/changes-1400.png} and {@code changes-390.png}.
 * Skipped without Chromium, as {@link HtmlReportBrowserTest} is.
 */
class ChangesBrowserTest {

  @Test
  void theChangesTableSortsWithoutAScript() throws IOException {
    Path chromium = Path.of(System.getProperty("cx4j.chromium", "/usr/bin/chromium"));
    Path driverBinary = Path.of(System.getProperty("cx4j.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driverBinary)) {
      String why = "needs " + chromium + " and " + driverBinary;
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    CxReport base = CxReport.of(ReportInput.of(SampleData.generate(7, 3000)));
    CxReport now = CxReport.of(ReportInput.sample());
    now =
        now.withChanges(
            ChangeSection.compare(
                now.snapshot(),
                base.snapshot(),
                ReportMetric.defaults(),
                0.95,
                30,
                MultipleTesting.Method.BENJAMINI_HOCHBERG));
    Path target = Path.of("target").toAbsolutePath();
    Path page = target.resolve("browser-changes/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, HtmlReport.render(now), StandardCharsets.UTF_8);

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
        "--window-size=1400,6000",
        "--user-data-dir=" + Files.createTempDirectory("cx4j-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverBinary.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.get(page.toUri().toString());
      WebElement byZ = driver.findElement(By.cssSelector("#changes table.chg-z"));
      WebElement byChange = driver.findElement(By.cssSelector("#changes table.chg-change"));
      WebElement byGroup = driver.findElement(By.cssSelector("#changes table.chg-group"));
      assertTrue(byZ.isDisplayed());
      assertFalse(byChange.isDisplayed());
      assertFalse(byGroup.isDisplayed());

      driver
          .findElement(By.id("changes"))
          .getScreenshotAs(OutputType.FILE)
          .renameTo(target.resolve("changes-1400.png").toFile());
      driver.findElement(By.cssSelector("label[for=chg-by-change]")).click();
      assertFalse(byZ.isDisplayed());
      assertTrue(byChange.isDisplayed());
      // The first row now has the largest absolute change of all rows.
      List<WebElement> cells = byChange.findElements(By.cssSelector("tbody tr td:nth-child(5)"));
      double first = Math.abs(number(cells.get(0).getText()));
      for (WebElement c : cells) {
        assertTrue(Math.abs(number(c.getText())) <= first + 1e-9, c.getText());
      }

      driver.findElement(By.cssSelector("label[for=chg-by-group]")).click();
      assertTrue(byGroup.isDisplayed());
      assertEquals(
          "overall", byGroup.findElement(By.cssSelector("tbody tr td:nth-child(2)")).getText());

      // At 390 px the section does not spill sideways: the table scrolls inside its box.
      // (The page as a whole is the charts' work; this checks only this section.)
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
      JavascriptExecutor js = driver;
      Number over =
          (Number)
              js.executeScript(
                  "const s = document.getElementById('changes');"
                      + " return Math.max(s.scrollWidth - s.clientWidth,"
                      + " s.getBoundingClientRect().right - document.documentElement.clientWidth)");
      assertTrue(over.intValue() <= 0, "the section spills " + over + " px at 390 px");
      driver
          .findElement(By.id("changes"))
          .getScreenshotAs(OutputType.FILE)
          .renameTo(target.resolve("changes-390.png").toFile());
    } finally {
      driver.quit();
    }
  }

  /** "+12.3 points", "-0.4 pp" or "+0.21": the leading number. */
  private static double number(String text) {
    return Double.parseDouble(text.split(" ")[0]);
  }
}
