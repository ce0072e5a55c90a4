package org.cx4j.report.html;

/** Test access to the HTML package's constants. */
public final class HtmlReportAccess {

  private HtmlReportAccess() {}

  /** Returns the search box's script. */
  public static String searchScript() {
    return ValueHtml.SEARCH_SCRIPT;
  }
}
