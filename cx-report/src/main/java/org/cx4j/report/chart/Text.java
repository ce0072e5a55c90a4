package org.cx4j.report.chart;

import java.util.Locale;

/** Text measurement estimates, truncation and number formats shared by the charts. */
final class Text {

  /** The ellipsis appended to truncated labels. */
  static final String ELLIPSIS = "\u2026";

  private Text() {}

  /**
   * Returns the estimated width of {@code text} in pixels. System sans-serif fonts average about
   * 0.6 em per lowercase character (DejaVu Sans, the usual Linux fallback, is among the widest);
   * digits and capitals are wider, so this errs on the wide side for typical labels.
   */
  static double width(String text, double fontSize, boolean bold) {
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == 'j' || c == '\''
          || c == '|' || c == '!' || c == ':' || c == 't' || c == 'f' || c == 'I') {
        em += 0.32;
      } else if (c == '%') {
        em += 0.95;
      } else if (Character.isDigit(c)) {
        em += 0.64;
      } else if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '@') {
        em += 0.74;
      } else {
        em += 0.6;
      }
    }
    return em * fontSize * (bold ? 1.07 : 1.0);
  }

  /** Returns {@code text}, or its longest prefix plus an ellipsis that fits in {@code max}. */
  static String fit(String text, double max, double fontSize, boolean bold) {
    if (text == null) {
      return "";
    }
    if (width(text, fontSize, bold) <= max) {
      return text;
    }
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (width(text.substring(0, mid) + ELLIPSIS, fontSize, bold) <= max) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    // Never split a surrogate pair.
    if (lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1))) {
      lo--;
    }
    return lo == 0 ? ELLIPSIS : text.substring(0, lo).stripTrailing() + ELLIPSIS;
  }

  /** Formats a share 0..1 as a percentage with the given decimals: {@code 0.6 -> "60.0%"}. */
  static String percent(double share, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100.0);
  }

  /** Formats a count with thousands separators: {@code 12345 -> "12,345"}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Formats a value with the given number of decimals, locale-independent. */
  static String decimal(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    // "-0.0" reads as an error in a chart.
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }
}
