package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * Rule-based attribution of the conversions (and value) of each converting path to its touches.
 *
 * <p>Each model gives every touch of a path a weight; the weights of a path sum to 1 and the path's
 * conversions and value are split in proportion. Non-converting paths get no credit.
 *
 * <ul>
 *   <li>{@link #firstTouch}: all to the first touch;
 *   <li>{@link #lastTouch}: all to the last touch;
 *   <li>{@link #lastNonDirect}: all to the last touch that is not the "direct" channel (to the last
 *       touch when every touch is direct), as Google Analytics' default;
 *   <li>{@link #linear}: equally to every touch (a channel touched twice gets two shares);
 *   <li>{@link #timeDecay}: weight {@code 2^(-d / halfLife)} for a touch {@code d} steps before the
 *       last one (aggregated paths carry no timestamps, so distance is counted in touches);
 *   <li>{@link #positionBased}: {@code first} to the first touch, {@code last} to the last, the
 *       rest shared equally by the touches in between (40/20/40 by default); a path of one touch
 *       gives it everything and a path of two splits {@code first : last} in proportion.
 * </ul>
 */
public final class HeuristicAttribution {

  private HeuristicAttribution() {}

  /** Returns first-touch attribution. */
  public static AttributionResult firstTouch(PathData data) {
    return run("first_touch", data, (len, k, path, d) -> k == 0 ? 1 : 0);
  }

  /** Returns last-touch attribution. */
  public static AttributionResult lastTouch(PathData data) {
    return run("last_touch", data, (len, k, path, d) -> k == len - 1 ? 1 : 0);
  }

  /**
   * Returns last-non-direct attribution.
   *
   * @param direct the name of the direct channel (typed URL, bookmark), one of the data's channels
   * @throws IllegalArgumentException if {@code direct} is not a channel of the data (a misspelt
   *     name would silently give last-touch attribution)
   */
  public static AttributionResult lastNonDirect(PathData data, String direct) {
    Objects.requireNonNull(direct, "direct");
    int code = data.channels().indexOf(direct);
    checkArgument(
        code >= 0, "direct channel '%s' is not a channel of the data %s", direct, data.channels());
    return run(
        "last_non_direct",
        data,
        (len, k, path, d) -> {
          int target = len - 1;
          if (code >= 0) {
            for (int t = len - 1; t >= 0; t--) {
              if (d.touch(path, t) != code) {
                target = t;
                break;
              }
            }
          }
          return k == target ? 1 : 0;
        });
  }

  /** Returns linear attribution. */
  public static AttributionResult linear(PathData data) {
    return run("linear", data, (len, k, path, d) -> 1.0 / len);
  }

  /**
   * Returns time-decay attribution with weights {@code 2^(-d / halfLife)}, d the number of touches
   * before the last, normalized per path.
   *
   * @throws IllegalArgumentException if {@code halfLife} is not positive and finite
   */
  public static AttributionResult timeDecay(PathData data, double halfLife) {
    checkArgument(
        halfLife > 0 && Double.isFinite(halfLife), "halfLife must be positive, got %s", halfLife);
    return run(
        "time_decay(half_life=" + halfLife + ")",
        data,
        (len, k, path, d) -> {
          double total = 0;
          for (int t = 0; t < len; t++) {
            total += Math.pow(2, -(len - 1 - t) / halfLife);
          }
          return Math.pow(2, -(len - 1 - k) / halfLife) / total;
        });
  }

  /** Returns 40/20/40 position-based attribution. */
  public static AttributionResult positionBased(PathData data) {
    return positionBased(data, 0.4, 0.4);
  }

  /**
   * Returns position-based attribution.
   *
   * @param first the share of the first touch
   * @param last the share of the last touch
   * @throws IllegalArgumentException if a share is negative or they sum above 1
   */
  public static AttributionResult positionBased(PathData data, double first, double last) {
    checkArgument(first >= 0 && last >= 0, "shares must be >= 0, got %s and %s", first, last);
    checkArgument(first + last <= 1 + 1e-12, "first + last must be <= 1, got %s", first + last);
    return run(
        "position_based(" + first + "/" + last + ")",
        data,
        (len, k, path, d) -> {
          if (len == 1) {
            return 1;
          }
          if (len == 2) {
            double s = first + last;
            return s == 0 ? 0.5 : (k == 0 ? first : last) / s;
          }
          if (k == 0) {
            return first;
          }
          if (k == len - 1) {
            return last;
          }
          return (1 - first - last) / (len - 2);
        });
  }

  /** The weight of touch k of a path of length len. */
  @FunctionalInterface
  private interface Rule {
    double weight(int len, int k, int path, PathData data);
  }

  private static AttributionResult run(String model, PathData data, Rule rule) {
    Objects.requireNonNull(data, "data");
    int c = data.channels().size();
    KahanSum[] conv = new KahanSum[c];
    KahanSum[] val = new KahanSum[c];
    for (int i = 0; i < c; i++) {
      conv[i] = new KahanSum();
      val[i] = new KahanSum();
    }
    for (int p = 0; p < data.size(); p++) {
      long n = data.conversions(p);
      if (n == 0) {
        continue;
      }
      int len = data.length(p);
      for (int k = 0; k < len; k++) {
        double w = rule.weight(len, k, p, data);
        if (w != 0) {
          int ch = data.touch(p, k);
          conv[ch].add(w * n);
          val[ch].add(w * data.value(p));
        }
      }
    }
    double[] cv = new double[c];
    double[] vv = new double[c];
    for (int i = 0; i < c; i++) {
      cv[i] = conv[i].value();
      vv[i] = val[i].value();
    }
    return AttributionResult.of(model, data.channels(), cv, vv);
  }
}
