package org.cx4j.report.console;

/**
 * Makes text from the data safe to print on a terminal: control characters and the bidirectional
 * formatting characters are shown in a visible escaped form instead of being sent to the terminal,
 * where they could move the cursor, change colours, set the window title, ring the bell or reorder
 * the text around them.
 *
 * <p>Escaped, as <code>&#92;n</code>, <code>&#92;t</code>, <code>&#92;r</code> or <code>&#92;uXXXX
 * </code> (four lower-case hexadecimal digits, like Java's own escapes): every C0 control character
 * U+0000 to U+001F, DEL U+007F, every C1 control character U+0080 to U+009F (including the
 * one-character CSI U+009B and OSC U+009D), the line and paragraph separators U+2028 and U+2029,
 * the marks U+200E and U+200F, and the bidirectional embeddings, overrides and isolates U+202A to
 * U+202E and U+2066 to U+2069. With ESC (U+001B) escaped, no terminal escape sequence (CSI {@code
 * ESC [ ...}, OSC {@code ESC ] ... BEL}) can start: the rest of the sequence is plain printable
 * text, so a name "red", ESC, "[31m" prints as <code>red&#92;u001b[31m</code>. Everything else,
 * including non-Latin letters and emoji, is kept.
 */
public final class SafeText {

  private SafeText() {}

  /**
   * Returns {@code text} with control and bidirectional formatting characters escaped (see the
   * class comment); null as the empty string. Line breaks in a data value are escaped too: the
   * layout's own line breaks are never passed through this method.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    int i = 0;
    while (i < text.length() && !isUnsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * Returns whether {@code c} is a control character or a bidirectional formatting character that
   * {@link #escape(String)} escapes.
   */
  public static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || isBidiControl(c);
  }

  /**
   * Returns whether {@code c} is a bidirectional formatting character: the marks U+200E and U+200F,
   * embeddings and overrides U+202A to U+202E, isolates U+2066 to U+2069.
   */
  public static boolean isBidiControl(char c) {
    return c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
