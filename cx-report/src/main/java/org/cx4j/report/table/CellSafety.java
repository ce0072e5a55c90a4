package org.cx4j.report.table;

/**
 * Text cells made safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a
 * formula by Excel, LibreOffice or Google Sheets, so it gets a leading single quote, which the
 * spreadsheet shows as text. Numbers are never passed through here: an NPS of -12.5 stays a
 * number.
 */
public final class CellSafety {

  private CellSafety() {}

  /**
   * Returns {@code text} with a leading {@code '} when it begins with a formula trigger; null
   * stays null.
   */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + text;
    }
    return text;
  }
}
