package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.input.ReportInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The lifetime value section's customer search in headless Chromium (set up as {@link
 * HtmlReportBrowserTest}): typing part of an id leaves exactly the rows whose id contains it,
 * counted independently from the page's source with jsoup; clearing the box shows every row.
 */
class ClvSearchBrowserTest {

  @Test
  void typingFiltersTheCustomerRowsById() throws IOException {
    Path chromium = Path.of(System.getProperty("cx4j.chromium", "/usr/bin/chromium"));
    Path driverBinary = Path.of(System.getProperty("cx4j.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driverBinary)) {
      String why = "needs " + chromium + " and " + driverBinary;
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    String html = HtmlReport.render(CxReport.of(ReportInput.sample()));
    Path page = Path.of("target").toAbsolutePath().resolve("browser-clv/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, html, StandardCharsets.UTF_8);
    List<String> ids =
        Jsoup.parse(html).select("table.clv-searchable tbody tr").stream()
            .map(tr -> tr.child(0).text())
            .toList();
    String query = ids.get(0).substring(0, 3).toLowerCase(Locale.ROOT);
    long matching = ids.stream().filter(id -> id.toLowerCase(Locale.ROOT).contains(query)).count();
    assertTrue(matching > 1 && matching < ids.size(), "a query that splits the rows: " + query);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("cx4j-chromium"));
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.get(page.toUri().toString());
      JavascriptExecutor js = driver;
      String visible =
          "return Array.from(document.querySelectorAll("
              + "'table.clv-searchable tbody tr')).filter(r => !r.hidden).length";
      assertEquals(ids.size(), ((Number) js.executeScript(visible)).intValue());
      WebElement box = driver.findElement(By.id("clv-search"));
      box.sendKeys(query.toUpperCase(Locale.ROOT));
      assertEquals(matching, ((Number) js.executeScript(visible)).longValue());
      box.clear();
      box.sendKeys("<img src=x>");
      assertEquals(0, ((Number) js.executeScript(visible)).intValue());
      assertEquals(
          0L,
          ((Number) js.executeScript("return document.querySelectorAll('img').length"))
              .longValue());
      box.clear();
      js.executeScript("document.getElementById('clv-search').dispatchEvent(new Event('input'))");
      assertEquals(ids.size(), ((Number) js.executeScript(visible)).intValue());
    } finally {
      driver.quit();
    }
  }
}
