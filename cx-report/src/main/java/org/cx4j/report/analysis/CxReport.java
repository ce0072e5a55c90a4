package org.cx4j.report.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.report.input.ReportInput;

/**
 * A complete CX report, computed: the headline survey metrics with their intervals (overall, by
 * segment, by channel, over time), the journeys (map, funnel, paths, pain points and delights),
 * retention and churn, lifetime value, the drivers of NPS with an effort-impact matrix, and
 * attribution by channel. Immutable; render it with {@code ConsoleSummary}, {@code HtmlReport} or
 * {@code ReportTables}.
 *
 * <pre>{@code
 * CxReport report = CxReport.of(ReportInput.sample());
 * report.nps().get().overall();      // NPS with its 95% interval
 * System.out.println(report);        // the console summary
 * }</pre>
 *
 * <p>A section whose data are missing (no responses, no transactions, no conversions) or whose
 * model cannot be fitted is absent, and {@link #notes()} says why: a report never fails because one
 * analysis does not apply.
 */
public final class CxReport {

  private final ReportInput input;
  private final ReportOptions options;
  private final List<ScoreSection> scores;
  private final JourneySection journeys;
  private final RetentionSection retention;
  private final ValueSection value;
  private final DriverSection drivers;
  private final List<AttributionResult> attribution;
  private final List<String> notes;
  private final ReportSnapshot snapshot;
  private final ChangeSection changes;
  // Computed on first use, so the report's analysis and constructor stay as they are.
  private com.google.common.base.Supplier<TextSection> text =
      com.google.common.base.Suppliers.memoize(this::computeText);

  CxReport(
      ReportInput input,
      ReportOptions options,
      List<ScoreSection> scores,
      JourneySection journeys,
      RetentionSection retention,
      ValueSection value,
      DriverSection drivers,
      List<AttributionResult> attribution,
      List<String> notes,
      ReportSnapshot snapshot,
      ChangeSection changes) {
    this.input = input;
    this.options = options;
    this.scores = ImmutableList.copyOf(scores);
    this.journeys = journeys;
    this.retention = retention;
    this.value = value;
    this.drivers = drivers;
    this.attribution = ImmutableList.copyOf(attribution);
    this.notes = ImmutableList.copyOf(notes);
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.changes = changes;
  }

  /**
   * Computes the report of {@code input} with the {@linkplain ReportOptions#defaults() default
   * options}.
   *
   * @throws NullPointerException if {@code input} is null
   */
  public static CxReport of(ReportInput input) {
    return of(input, ReportOptions.defaults());
  }

  /**
   * Computes the report of {@code input}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static CxReport of(ReportInput input, ReportOptions options) {
    return of(input, options, ReportMetric.defaults());
  }

  /**
   * Computes the report of {@code input} with a section per metric of {@code metrics} that has
   * responses, in that order (the default report has {@link ReportMetric#defaults()}).
   *
   * @throws NullPointerException if an argument or a metric is null
   */
  public static CxReport of(
      ReportInput input, ReportOptions options, List<ReportMetric<?>> metrics) {
    return new ReportAnalysis(
            Objects.requireNonNull(input, "input"),
            Objects.requireNonNull(options, "options"),
            List.copyOf(metrics))
        .run();
  }

  /**
   * Returns this report with {@code first} placed before its own notes: what the caller did to the
   * input before the analysis (such as raking the survey weights) and the reader must know.
   *
   * @throws NullPointerException if {@code first} is or holds null
   */
  public CxReport withNotesFirst(List<String> first) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(notes);
    return new CxReport(
        input,
        options,
        scores,
        journeys,
        retention,
        value,
        drivers,
        attribution,
        all,
        snapshot,
        changes);
  }

  /**
   * Returns this report with {@code changes}, the comparison with a baseline report ({@link
   * ChangeSection#compare}), shown in the summary, the HTML and {@code tables/changes.csv}.
   *
   * @throws NullPointerException if {@code changes} is null
   */
  public CxReport withChanges(ChangeSection changes) {
    return new CxReport(
        input,
        options,
        scores,
        journeys,
        retention,
        value,
        drivers,
        attribution,
        notes,
        snapshot,
        Objects.requireNonNull(changes, "changes"));
  }

  /**
   * Returns this report with its "What customers say" section already computed: for a caller that
   * ran {@code TextSection.of(responses, level)} on this report's responses at its confidence level
   * while other input was still being read, so that {@link #text()} need not.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not of as many responses as the report, or
   *     at another confidence level
   */
  public CxReport withText(TextSection text) {
    Objects.requireNonNull(text, "text");
    checkArgument(
        text.responses() == input.responses().size(),
        "a text section of %s responses for a report of %s",
        text.responses(),
        input.responses().size());
    checkArgument(
        text.level() == options.level(),
        "a text section at level %s for a report at %s",
        text.level(),
        options.level());
    CxReport r = withNotesFirst(List.of());
    r.text = () -> text;
    return r;
  }

  /**
   * Returns the sufficient statistics of the survey metrics, overall and per segment, touchpoint
   * and channel: what {@code report.json} holds and a later report compares with.
   */
  public ReportSnapshot snapshot() {
    return snapshot;
  }

  /** Returns what changed since a baseline report, absent unless one was given. */
  public Optional<ChangeSection> changes() {
    return Optional.ofNullable(changes);
  }

  /**
   * Returns "What customers say" ({@link TextSection}), computed on first call; absent without
   * survey responses. Without comments it is present and {@link TextSection#hasComments()} is
   * false.
   */
  public Optional<TextSection> text() {
    return input.responses().isEmpty() ? Optional.empty() : Optional.of(text.get());
  }

  private TextSection computeText() {
    return TextSection.of(input.responses(), options.level());
  }

  /** Returns the data the report was computed from. */
  public ReportInput input() {
    return input;
  }

  /** Returns the options it was computed with. */
  public ReportOptions options() {
    return options;
  }

  /** Returns the NPS section, absent without NPS responses. */
  public Optional<ScoreSection> nps() {
    return score("NPS");
  }

  /** Returns the CSAT section, absent without CSAT responses. */
  public Optional<ScoreSection> csat() {
    return score("CSAT");
  }

  /** Returns the CES section, absent without CES responses. */
  public Optional<ScoreSection> ces() {
    return score("CES");
  }

  /**
   * Returns the section of the metric named {@code metric} (its {@code SurveyMetric.name()}),
   * absent without its responses or when the metric was not registered.
   */
  public Optional<ScoreSection> score(String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).findFirst();
  }

  /** Returns the score sections present, in the order the metrics were registered. */
  public List<ScoreSection> scores() {
    return scores;
  }

  /** Returns the journey section, absent without interactions. */
  public Optional<JourneySection> journeys() {
    return Optional.ofNullable(journeys);
  }

  /** Returns retention and churn, absent without activity. */
  public Optional<RetentionSection> retention() {
    return Optional.ofNullable(retention);
  }

  /** Returns the lifetime value section, absent without transactions or when a fit fails. */
  public Optional<ValueSection> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the drivers of NPS, absent without NPS responses linked to journeys. */
  public Optional<DriverSection> drivers() {
    return Optional.ofNullable(drivers);
  }

  /**
   * Returns conversion credit by channel under several models (first touch, last touch, linear,
   * position-based, Markov, Shapley); empty without conversions.
   */
  public List<AttributionResult> attribution() {
    return attribution;
  }

  /** Returns what the report left out or estimated, and why, one sentence each. */
  public List<String> notes() {
    return notes;
  }

  /** Returns the console summary ({@link org.cx4j.report.console.ConsoleSummary}). */
  @Override
  public String toString() {
    return org.cx4j.report.console.ConsoleSummary.render(this);
  }
}
