package org.cx4j.metrics.rfm;

/**
 * Named RFM segments from the recency score {@code R} and frequency score {@code F} (each 1..5),
 * the widely used R x F grid of marketing practice. The rules, which cover all 25 cells exactly
 * once:
 *
 * <table>
 *   <caption>Segment by R (rows) and F (columns)</caption>
 *   <tr><th>R \ F</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr>
 *   <tr><td>5</td><td>NEW_CUSTOMERS</td><td>POTENTIAL_LOYALISTS</td><td>POTENTIAL_LOYALISTS</td>
 *       <td>CHAMPIONS</td><td>CHAMPIONS</td></tr>
 *   <tr><td>4</td><td>PROMISING</td><td>POTENTIAL_LOYALISTS</td><td>POTENTIAL_LOYALISTS</td>
 *       <td>LOYAL</td><td>LOYAL</td></tr>
 *   <tr><td>3</td><td>ABOUT_TO_SLEEP</td><td>ABOUT_TO_SLEEP</td><td>NEED_ATTENTION</td>
 *       <td>LOYAL</td><td>LOYAL</td></tr>
 *   <tr><td>2</td><td>HIBERNATING</td><td>HIBERNATING</td><td>AT_RISK</td><td>AT_RISK</td>
 *       <td>CANNOT_LOSE</td></tr>
 *   <tr><td>1</td><td>HIBERNATING</td><td>HIBERNATING</td><td>AT_RISK</td><td>AT_RISK</td>
 *       <td>CANNOT_LOSE</td></tr>
 * </table>
 *
 * <p>The monetary score does not enter the segment (it ranks customers within one).
 */
public enum RfmSegment {
  /** Bought recently and often: R 5, F 4-5. */
  CHAMPIONS,
  /** Buy often and fairly recently: R 3-4, F 4-5. */
  LOYAL,
  /** Recent with a few purchases: R 4-5, F 2-3. */
  POTENTIAL_LOYALISTS,
  /** Very recent first-timers: R 5, F 1. */
  NEW_CUSTOMERS,
  /** Recent, one purchase: R 4, F 1. */
  PROMISING,
  /** Middling recency and frequency: R 3, F 3. */
  NEED_ATTENTION,
  /** Fading, few purchases: R 3, F 1-2. */
  ABOUT_TO_SLEEP,
  /** Used to buy often, not lately: R 1-2, F 3-4. */
  AT_RISK,
  /** The most frequent buyers gone quiet: R 1-2, F 5. */
  CANNOT_LOSE,
  /** Long ago and rarely: R 1-2, F 1-2. */
  HIBERNATING;

  /**
   * Returns the segment of the scores, by the table in the class documentation.
   *
   * @throws IllegalArgumentException if a score is not in 1..5
   */
  public static RfmSegment of(int recencyScore, int frequencyScore) {
    if (recencyScore < 1 || recencyScore > 5 || frequencyScore < 1 || frequencyScore > 5) {
      throw new IllegalArgumentException(
          "scores must be in 1..5, got R=" + recencyScore + ", F=" + frequencyScore);
    }
    int r = recencyScore;
    int f = frequencyScore;
    if (r <= 2) {
      return f <= 2 ? HIBERNATING : f <= 4 ? AT_RISK : CANNOT_LOSE;
    }
    if (r == 3) {
      return f <= 2 ? ABOUT_TO_SLEEP : f == 3 ? NEED_ATTENTION : LOYAL;
    }
    if (f >= 4) {
      return r == 5 ? CHAMPIONS : LOYAL;
    }
    if (f >= 2) {
      return POTENTIAL_LOYALISTS;
    }
    return r == 5 ? NEW_CUSTOMERS : PROMISING;
  }
}
