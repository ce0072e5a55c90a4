package org.cx4j.report.analysis;

import java.util.Locale;

/**
 * Counts and durations as a person writes them in the report's sentences: "1 customer", "2,345
 * customers", "less than a day", "1 day", "12 days". Static methods only.
 */
public final class Wording {

  private Wording() {}

  /**
   * Returns {@code n} with thousands separators and the singular or plural noun: {@code count(1,
   * "customer", "customers")} is "1 customer", {@code count(0, ...)} "0 customers".
   */
  public static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }

  /**
   * Returns a number of days rounded to whole days: "less than a day" below 0.5, "1 day", else "N
   * days" (NaN: "an unknown number of days").
   */
  public static String days(double days) {
    if (Double.isNaN(days)) {
      return "an unknown number of days";
    }
    long d = Math.round(days);
    return d == 0 ? "less than a day" : count(d, "day", "days");
  }

  /**
   * Returns a confidence interval of days in words: "95% interval 3 days to 12 days", or "95%
   * interval: less than a day" when both ends read the same.
   *
   * @param level the confidence level in percent
   * @param lower the lower end in days, or NaN when unknown ("n/a")
   * @param upper the upper end in days, or NaN when unknown ("n/a")
   */
  public static String dayInterval(int level, double lower, double upper) {
    String lo = Double.isNaN(lower) ? "n/a" : days(lower);
    String hi = Double.isNaN(upper) ? "n/a" : days(upper);
    return lo.equals(hi) ? level + "% interval: " + lo : level + "% interval " + lo + " to " + hi;
  }

  /** Returns "1 month" or "N months". */
  public static String months(long n) {
    return count(n, "month", "months");
  }
}
