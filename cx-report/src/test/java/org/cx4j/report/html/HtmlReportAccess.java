package org.cx4j.report.html;

/** Test access to the HTML package's constants. */
public final class HtmlReportAccess {

  private HtmlReportAccess() {}

  /** Returns the search box's script. */
  public static String searchScript() {
    return ValueHtml.SEARCH_SCRIPT;
  }

  /** Returns the table-sorting script. */
  public static String sortScript() {
    return HtmlReport.SORT_SCRIPT;
  }

  /**
   * Returns whether every script element of {@code doc} is one of the page's own scripts (the sort
   * script and the search script), with no {@code src}.
   */
  public static boolean onlyOwnScripts(org.jsoup.nodes.Document doc) {
    for (org.jsoup.nodes.Element s : doc.select("script")) {
      String data = s.data().strip() + "\n";
      if (s.hasAttr("src")
          || !(data.equals(HtmlReport.SORT_SCRIPT) || data.equals(ValueHtml.SEARCH_SCRIPT))) {
        return false;
      }
    }
    return true;
  }
}
