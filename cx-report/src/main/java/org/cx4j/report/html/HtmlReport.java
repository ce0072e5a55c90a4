package org.cx4j.report.html;

import java.util.Objects;
import org.cx4j.report.analysis.CxReport;

/** The self-contained HTML report of a {@link CxReport}. */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Returns the report as one HTML document.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static String render(CxReport report) {
    Objects.requireNonNull(report, "report");
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CX report</title></head><body><pre>"
        + report.toString().replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>\n";
  }
}
