package org.cx4j.metrics.priority;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.driver.KeyDriverResult;

/**
 * An effort-impact (or value-complexity) matrix: each initiative is placed in a {@link Quadrant} by
 * comparing its impact and effort with two thresholds, and all are ranked.
 *
 * <p><b>Thresholds.</b> By default the medians of impact and of effort over the initiatives (the
 * usual "split the chart through the middle" reading, robust to one huge project); or fixed values
 * via {@link #of(List, double, double)}. Impact at or above its threshold is high; effort above its
 * threshold is high, so an initiative exactly at the median effort counts as low effort.
 *
 * <p><b>Ranking.</b> By quadrant (quick wins, major projects, fill-ins, thankless tasks), then by
 * impact per unit of effort, largest first, then by name for a stable order.
 *
 * @param items the initiatives with their quadrants, ranked
 * @param impactThreshold the impact threshold used
 * @param effortThreshold the effort threshold used
 */
public record EffortImpactMatrix(
    List<Placed> items, double impactThreshold, double effortThreshold) {

  /**
   * An initiative in its quadrant.
   *
   * @param initiative the initiative
   * @param quadrant its quadrant
   * @param rank its 1-based rank
   */
  public record Placed(Initiative initiative, Quadrant quadrant, int rank) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d. %s [%s] impact %.4g, effort %.4g",
          rank,
          initiative.name(),
          quadrant.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          initiative.impact(),
          initiative.effort());
    }
  }

  /** Validates and copies. */
  public EffortImpactMatrix {
    items = List.copyOf(items);
  }

  /**
   * Returns the matrix with median thresholds.
   *
   * @throws IllegalArgumentException if the list is empty or names repeat
   */
  public static EffortImpactMatrix of(List<Initiative> initiatives) {
    checkArgument(!initiatives.isEmpty(), "no initiatives to prioritise");
    double[] impact = new double[initiatives.size()];
    double[] effort = new double[initiatives.size()];
    for (int i = 0; i < impact.length; i++) {
      impact[i] = initiatives.get(i).impact();
      effort[i] = initiatives.get(i).effort();
    }
    return of(initiatives, median(impact), median(effort));
  }

  /**
   * Returns the matrix with fixed thresholds.
   *
   * @throws IllegalArgumentException if the list is empty, names repeat, or a threshold is not
   *     finite
   */
  public static EffortImpactMatrix of(
      List<Initiative> initiatives, double impactThreshold, double effortThreshold) {
    checkArgument(!initiatives.isEmpty(), "no initiatives to prioritise");
    checkArgument(Double.isFinite(impactThreshold), "impact threshold %s", impactThreshold);
    checkArgument(Double.isFinite(effortThreshold), "effort threshold %s", effortThreshold);
    Set<String> names = new HashSet<>();
    List<Initiative> sorted = new ArrayList<>(initiatives);
    for (Initiative i : sorted) {
      checkArgument(
          names.add(Objects.requireNonNull(i, "initiative").name()),
          "initiative '%s' appears twice",
          i.name());
    }
    sorted.sort(
        Comparator.comparing((Initiative i) -> quadrant(i, impactThreshold, effortThreshold))
            .thenComparing(Comparator.comparingDouble(Initiative::impactPerEffort).reversed())
            .thenComparing(Initiative::name));
    List<Placed> placed = new ArrayList<>(sorted.size());
    for (int k = 0; k < sorted.size(); k++) {
      Initiative i = sorted.get(k);
      placed.add(new Placed(i, quadrant(i, impactThreshold, effortThreshold), k + 1));
    }
    return new EffortImpactMatrix(placed, impactThreshold, effortThreshold);
  }

  /**
   * Returns the matrix of a key driver analysis: each driver's impact is its Shapley share of
   * R-squared, and its effort comes from {@code effort} (by driver name).
   *
   * @throws IllegalArgumentException if a driver has no effort
   */
  public static EffortImpactMatrix ofDrivers(KeyDriverResult drivers, Map<String, Double> effort) {
    List<Initiative> list = new ArrayList<>();
    for (DriverImportance d : drivers.drivers()) {
      Double e = effort.get(d.name());
      checkArgument(e != null, "no effort given for driver '%s'", d.name());
      list.add(new Initiative(d.name(), Math.max(0, d.shapleyShare()), e));
    }
    return of(list);
  }

  /** Returns the initiatives in {@code q}, in rank order. */
  public List<Placed> in(Quadrant q) {
    return items.stream().filter(p -> p.quadrant() == q).toList();
  }

  /** Returns the number of initiatives per quadrant. */
  public Map<Quadrant, Integer> counts() {
    Map<Quadrant, Integer> m = new EnumMap<>(Quadrant.class);
    for (Quadrant q : Quadrant.values()) {
      m.put(q, 0);
    }
    for (Placed p : items) {
      m.merge(p.quadrant(), 1, Integer::sum);
    }
    return m;
  }

  static Quadrant quadrant(Initiative i, double impactThreshold, double effortThreshold) {
    boolean high = i.impact() >= impactThreshold;
    boolean hard = i.effort() > effortThreshold;
    if (high) {
      return hard ? Quadrant.MAJOR_PROJECT : Quadrant.QUICK_WIN;
    }
    return hard ? Quadrant.THANKLESS_TASK : Quadrant.FILL_IN;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "EffortImpactMatrix[impact >= %.4g is high, effort > %.4g is high]",
                impactThreshold,
                effortThreshold));
    for (Placed p : items) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
