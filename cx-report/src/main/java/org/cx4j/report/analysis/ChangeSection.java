package org.cx4j.report.analysis;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.compare.Difference;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.metrics.score.SurveyMetric;
import org.cx4j.report.analysis.ReportSnapshot.GroupStats;
import org.cx4j.report.analysis.ReportSnapshot.MetricStats;

/**
 * What changed since a baseline report: for every metric and group (overall, segment, touchpoint,
 * channel) present in both, the change of the headline figure with its two-sample test, and whether
 * it is significant after multiple-testing correction across every change tested. Built from two
 * {@link ReportSnapshot}s: this report's and the baseline's {@code report.json}.
 *
 * <p><b>Tests</b> (cx-metrics' {@link Comparisons}, through each metric's {@link
 * SurveyMetric#compare}): NPS by the z test on the difference with variance {@code se_a² + se_b²},
 * each the trinomial (linearization, under weights) variance; a share metric (CSAT top box, CES
 * easy share, a rating's top box) by the pooled two-proportion z test with Kish's {@code n_eff}; a
 * {@link Instrument.Kind#RATING} metric also by Welch's t test on the mean score, with {@code
 * n_eff}. Both periods are scored with this report's definition of the metric, so a change of
 * definition cannot pass for a change of customers.
 *
 * <p><b>Which changes are tested.</b> A group is tested when both periods have an effective sample
 * size of at least {@code minGroup} (the report's {@code --min-group}): the z and t tests rest on
 * large-sample approximations that give false alarms on a handful of answers. Smaller groups are
 * listed with their change and no test. The tested changes form one family, adjusted by
 * Benjamini-Hochberg (false discovery rate) or Holm (family-wise error rate) at {@code alpha = 1 -
 * level}; a change is significant when its adjusted p-value is {@code <= alpha}.
 *
 * <p><b>Independence.</b> The tests assume the two periods have different respondents. When the
 * periods of the two reports overlap, {@link #overlap()} is true and {@link #warnings()} says so.
 *
 * @param baselineSource the baseline report's data name
 * @param currentPeriod this report's response period, null without responses
 * @param baselinePeriod the baseline's response period, null without responses
 * @param method the multiple-testing procedure
 * @param level the confidence level of the intervals; {@code alpha = 1 - level}
 * @param minGroup the smallest effective sample size tested, in both periods
 * @param changes one row per metric, group and test, in report order (metric, dimension, key)
 * @param warnings what the reader must know before trusting the tests (overlapping periods)
 * @param notes what was not compared and why (groups in one report only, changed scales)
 */
public record ChangeSection(
    String baselineSource,
    ReportSnapshot.Period currentPeriod,
    ReportSnapshot.Period baselinePeriod,
    MultipleTesting.Method method,
    double level,
    int minGroup,
    List<Change> changes,
    List<String> warnings,
    List<String> notes) {

  /** How many significant changes the summary opens with. */
  public static final int HEADLINES = 3;

  /**
   * Checks for nulls and copies.
   *
   * @throws NullPointerException if a required argument is null
   */
  public ChangeSection {
    Objects.requireNonNull(baselineSource, "baselineSource");
    Objects.requireNonNull(method, "method");
    changes = ImmutableList.copyOf(changes);
    warnings = ImmutableList.copyOf(warnings);
    notes = ImmutableList.copyOf(notes);
  }

  /** The kind of test behind a change. */
  public enum Test {
    /** NPS difference, z test with the trinomial variances. */
    NPS("NPS difference, z test"),
    /** Difference of two shares, pooled two-proportion z test. */
    SHARE("two-proportion z test"),
    /** Difference of two means, Welch's t test. */
    MEAN("Welch t test");

    private final String description;

    Test(String description) {
      this.description = description;
    }

    /** Returns the test's name for a reader, e.g. "two-proportion z test". */
    public String description() {
      return description;
    }
  }

  /**
   * One change: a metric's figure in one group, baseline and now.
   *
   * @param metric the metric, e.g. "NPS"
   * @param figure what is compared, with its unit, e.g. "NPS (points)" or "mean score"
   * @param test the test
   * @param dimension the group's dimension ({@link ReportSnapshot#DIMENSIONS})
   * @param key the group's key (a segment, touchpoint or channel; "overall")
   * @param baseline the baseline figure in display units (NPS points, a share in percent)
   * @param current this report's figure in display units
   * @param baselineN responses in the baseline
   * @param currentN responses now
   * @param baselineEffectiveN the baseline's Kish effective sample size
   * @param currentEffectiveN this report's Kish effective sample size
   * @param difference the test of {@code current - baseline} in the metric's own unit (a share in
   *     [0, 1]); null when not tested
   * @param adjusted the adjusted p-value (BH q-value or Holm), null when not tested
   * @param significant whether {@code adjusted <= 1 - level}
   * @param untested why the change was not tested, null when it was
   */
  public record Change(
      String metric,
      String figure,
      Test test,
      String dimension,
      String key,
      double baseline,
      double current,
      long baselineN,
      long currentN,
      double baselineEffectiveN,
      double currentEffectiveN,
      Difference difference,
      Double adjusted,
      boolean significant,
      String untested) {

    /** Checks for nulls. */
    public Change {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(figure, "figure");
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(key, "key");
    }

    /** Returns {@code current - baseline} in display units (NPS points, percentage points). */
    public double change() {
      return current - baseline;
    }

    /** Returns whether the change was tested. */
    public boolean tested() {
      return difference != null;
    }

    /** Returns the scale factor from the test's unit to display units (100 for a share). */
    public double displayFactor() {
      return test == Test.SHARE ? 100 : 1;
    }

    /** Returns the unit of {@link #change()}: "points", "pp" (percentage points) or "". */
    public String changeUnit() {
      return switch (test) {
        case NPS -> "points";
        case SHARE -> "pp";
        case MEAN -> "";
      };
    }

    /** Returns the group for a reader: "overall", or e.g. "segment premium". */
    public String group() {
      return dimension.equals(ReportSnapshot.OVERALL) ? "overall" : dimension + " " + key;
    }

    /**
     * Returns the change in one line, e.g. {@code NPS, segment premium: 31.2 -> 44.0 (+12.8 points,
     * z 3.41, q 0.004)}.
     */
    public String describe(String adjustedName) {
      String f =
          test == Test.MEAN ? "%s%s, %s: %.2f -> %.2f (%+.2f%s" : "%s%s, %s: %.1f -> %.1f (%+.1f%s";
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  f,
                  metric,
                  test == Test.MEAN ? " mean" : "",
                  group(),
                  baseline,
                  current,
                  change(),
                  changeUnit().isEmpty() ? "" : " " + changeUnit()));
      if (tested()) {
        sb.append(
            String.format(
                Locale.ROOT,
                ", %s %s, %s %s",
                difference.degreesOfFreedom() == null ? "z" : "t",
                number(difference.statistic()),
                adjustedName,
                pValue(adjusted)));
      }
      return sb.append(')').toString();
    }
  }

  /** Returns a statistic with two decimals; "inf" or "-inf" when infinite. */
  public static String number(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** Returns a p-value with three decimals, or {@code "< 0.001"}. */
  public static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** Returns {@code alpha = 1 - level}, the level at which adjusted p-values are significant. */
  public double alpha() {
    return 1 - level;
  }

  /** Returns the short name of the adjusted p-value: "q" (BH) or "p_holm". */
  public String adjustedName() {
    return method == MultipleTesting.Method.BENJAMINI_HOCHBERG ? "q" : "p_holm";
  }

  /** Returns the procedure's name for a reader. */
  public String methodName() {
    return method == MultipleTesting.Method.BENJAMINI_HOCHBERG
        ? "Benjamini-Hochberg (false discovery rate)"
        : "Holm (family-wise error rate)";
  }

  /** Returns whether the two reports' response periods overlap. */
  public boolean overlap() {
    return currentPeriod != null
        && baselinePeriod != null
        && currentPeriod.overlaps(baselinePeriod);
  }

  /** Returns the number of changes tested. */
  public int tested() {
    return (int) changes.stream().filter(Change::tested).count();
  }

  /** Returns the significant changes, largest {@code |z|} (or {@code |t|}) first. */
  public List<Change> significant() {
    List<Change> s = new ArrayList<>();
    for (Change c : changes) {
      if (c.significant()) {
        s.add(c);
      }
    }
    s.sort(BY_STATISTIC);
    return s;
  }

  /** Returns the at most {@link #HEADLINES} significant changes with the largest {@code |z|}. */
  public List<Change> headlines() {
    List<Change> s = significant();
    return s.subList(0, Math.min(HEADLINES, s.size()));
  }

  /** Tested changes by decreasing {@code |statistic|}, then untested ones, in report order. */
  public static final Comparator<Change> BY_STATISTIC =
      Comparator.comparing((Change c) -> !c.tested())
          .thenComparing(c -> c.tested() ? -Math.abs(c.difference().statistic()) : 0.0);

  /**
   * Compares {@code current} with {@code baseline}, scoring both with {@code metrics} (the report's
   * registered metrics; a metric of the snapshot without one is noted and skipped).
   *
   * @param level the confidence level of the intervals; {@code 1 - level} is the significance level
   *     of the adjusted p-values
   * @param minGroup the smallest effective sample size tested, in both periods
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or {@code minGroup < 1}
   * @throws NullPointerException if an argument is null
   */
  public static ChangeSection compare(
      ReportSnapshot current,
      ReportSnapshot baseline,
      List<ReportMetric<?>> metrics,
      double level,
      int minGroup,
      MultipleTesting.Method method) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(method, "method");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (minGroup < 1) {
      throw new IllegalArgumentException("minGroup must be at least 1, got " + minGroup);
    }
    List<Change> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MetricStats cur : current.metrics()) {
      Optional<MetricStats> base = baseline.metric(cur.metric());
      if (base.isEmpty()) {
        notes.add(cur.metric() + " is not in the baseline: not compared.");
        continue;
      }
      if (!base.get().instrument().scale().equals(cur.instrument().scale())) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s was on scale %s in the baseline and is on %s " + "now: not compared.",
                cur.metric(),
                base.get().instrument().scale(),
                cur.instrument().scale()));
        continue;
      }
      ReportMetric<?> m = find(metrics, cur, level);
      if (m == null) {
        notes.add(cur.metric() + " is not a registered metric of this report: not compared.");
        continue;
      }
      int only = 0;
      for (GroupStats g : cur.groups()) {
        Optional<GroupStats> b = base.get().group(g.dimension(), g.key());
        if (b.isEmpty()) {
          only++;
          continue;
        }
        compareGroup(rows, m, cur, g, b.get(), level, minGroup);
      }
      for (GroupStats b : base.get().groups()) {
        if (cur.group(b.dimension(), b.key()).isEmpty()) {
          only++;
        }
      }
      if (only > 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: %s in only one of the two reports, not " + "compared.",
                cur.metric(),
                Wording.count(only, "group is", "groups are")));
      }
    }
    for (MetricStats b : baseline.metrics()) {
      if (current.metric(b.metric()).isEmpty()) {
        notes.add(b.metric() + " is in the baseline only: not compared.");
      }
    }
    rows = adjust(rows, method, 1 - level);
    ReportSnapshot.Period cp = current.period().orElse(null);
    ReportSnapshot.Period bp = baseline.period().orElse(null);
    List<String> warnings = new ArrayList<>();
    if (cp != null && bp != null && cp.overlaps(bp)) {
      warnings.add(overlapWarning(cp, bp));
    } else if (cp != null && bp != null && bp.first().isAfter(cp.last())) {
      notes.add(
          "The baseline's responses are later than this report's; each change is still "
              + "this report minus the baseline.");
    }
    return new ChangeSection(
        baseline.source(), cp, bp, method, level, minGroup, rows, warnings, notes);
  }

  /** Returns the warning given when the periods overlap. */
  static String overlapWarning(ReportSnapshot.Period current, ReportSnapshot.Period baseline) {
    return "The two periods overlap (baseline "
        + baseline
        + ", this report "
        + current
        + "): "
        + "the tests assume different respondents in the two reports, so a response counted in "
        + "both makes the changes look smaller and the p-values wrong. Compare reports on "
        + "separate periods (--strict-baseline refuses overlapping ones).";
  }

  private static ReportMetric<?> find(List<ReportMetric<?>> metrics, MetricStats s, double level) {
    for (ReportMetric<?> m : metrics) {
      if (m.kind() == s.instrument().kind()
          && m.scorer().accumulator(s.instrument(), level).result().name().equals(s.metric())) {
        return m;
      }
    }
    return null;
  }

  private static <M extends SurveyMetric<M>> void compareGroup(
      List<Change> rows,
      ReportMetric<M> m,
      MetricStats stats,
      GroupStats cur,
      GroupStats base,
      double level,
      int minGroup) {
    Instrument instrument = stats.instrument();
    M a = score(m, instrument, cur.distribution(), level);
    M b = score(m, instrument, base.distribution(), level);
    if (a.isEmpty() || b.isEmpty()) {
      return; // no figure to compare (a group of zero total weight)
    }
    Test test =
        m.kind() == Instrument.Kind.NPS
            ? Test.NPS
            : a.unit() == SurveyMetric.Unit.SHARE ? Test.SHARE : Test.MEAN;
    String why = untested(cur, base, minGroup);
    Difference d = null;
    if (why == null) {
      try {
        d = a.compare(b, level);
      } catch (IllegalArgumentException | IllegalStateException e) {
        why = e.getMessage();
      }
    }
    SurveyMetric.Unit u = a.unit();
    rows.add(
        new Change(
            stats.metric(),
            stats.measure(),
            test,
            cur.dimension(),
            cur.key(),
            u.toDisplay(b.score()),
            u.toDisplay(a.score()),
            base.n(),
            cur.n(),
            base.effectiveSampleSize(),
            cur.effectiveSampleSize(),
            d,
            null,
            false,
            why));
    if (m.kind() == Instrument.Kind.RATING) {
      rows.add(meanChange(stats, cur, base, level, why));
    }
  }

  private static Change meanChange(
      MetricStats stats, GroupStats cur, GroupStats base, double level, String why) {
    MeanEstimate a = MeanEstimate.of(cur.distribution(), level);
    MeanEstimate b = MeanEstimate.of(base.distribution(), level);
    Difference d = null;
    if (why == null) {
      try {
        d = Comparisons.means(a, b, level);
      } catch (IllegalArgumentException | IllegalStateException e) {
        why = e.getMessage();
      }
    }
    return new Change(
        stats.metric(),
        "mean score on " + stats.instrument().scale(),
        Test.MEAN,
        cur.dimension(),
        cur.key(),
        b.mean(),
        a.mean(),
        base.n(),
        cur.n(),
        base.effectiveSampleSize(),
        cur.effectiveSampleSize(),
        d,
        null,
        false,
        why);
  }

  private static String untested(GroupStats cur, GroupStats base, int minGroup) {
    double nc = cur.effectiveSampleSize();
    double nb = base.effectiveSampleSize();
    if (nb < minGroup || nc < minGroup) {
      return String.format(
          Locale.ROOT, "effective n below %d (baseline %.0f, now %.0f)", minGroup, nb, nc);
    }
    return null;
  }

  private static <M extends SurveyMetric<M>> M score(
      ReportMetric<M> m, Instrument instrument, ScoreDistribution d, double level) {
    return m.scorer().accumulator(instrument, level).addAll(d).result();
  }

  /** Adjusts the tested rows' p-values as one family and marks the significant ones. */
  private static List<Change> adjust(
      List<Change> rows, MultipleTesting.Method method, double alpha) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).tested()) {
        at.add(i);
      }
    }
    double[] p = new double[at.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = rows.get(at.get(k)).difference().pValue();
    }
    MultipleTesting.Result r = MultipleTesting.test(method, alpha, p);
    List<Change> out = new ArrayList<>(rows);
    for (int k = 0; k < p.length; k++) {
      Change c = out.get(at.get(k));
      MultipleTesting.Hypothesis h = r.get(k);
      out.set(
          at.get(k),
          new Change(
              c.metric(),
              c.figure(),
              c.test(),
              c.dimension(),
              c.key(),
              c.baseline(),
              c.current(),
              c.baselineN(),
              c.currentN(),
              c.baselineEffectiveN(),
              c.currentEffectiveN(),
              c.difference(),
              h.adjusted(),
              h.rejected(),
              null));
    }
    return out;
  }
}
