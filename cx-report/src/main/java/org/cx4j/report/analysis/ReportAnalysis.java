package org.cx4j.report.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.attribution.HeuristicAttribution;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.attribution.ShapleyAttribution;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.journey.painpoint.PainPointAnalysis;
import org.cx4j.journey.painpoint.PainPointReport;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.breakdown.Breakdown;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.ClvHorizon;
import org.cx4j.metrics.clv.DiscountedClv;
import org.cx4j.metrics.clv.FitFailedException;
import org.cx4j.metrics.clv.GammaGammaFit;
import org.cx4j.metrics.clv.GammaGammaModel;
import org.cx4j.metrics.clv.PurchaseModelFit;
import org.cx4j.metrics.clv.RepeatPurchaseData;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.metrics.driver.KeyDriverAnalysis;
import org.cx4j.metrics.driver.KeyDriverResult;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.priority.EffortImpactMatrix;
import org.cx4j.metrics.priority.Initiative;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.CustomerRetentionRate;
import org.cx4j.metrics.retention.Lifecycle;
import org.cx4j.metrics.retention.PeriodUnit;
import org.cx4j.metrics.rfm.BtydSummaries;
import org.cx4j.metrics.rfm.BtydSummarizer;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.ScoreAccumulator;
import org.cx4j.metrics.score.ScoreCategory;
import org.cx4j.metrics.score.SurveyMetric;
import org.cx4j.metrics.segment.BehaviouralSegmentation;
import org.cx4j.metrics.segment.Segments;
import org.cx4j.metrics.survival.ChurnSurvival;
import org.cx4j.metrics.survival.ConfidenceType;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.metrics.trend.TimeSeries;
import org.cx4j.report.concurrent.SecondThread;
import org.cx4j.report.concurrent.SharedTasks;
import org.cx4j.report.input.ReportInput;

/** Computes a {@link CxReport}: one method per section, each reading the input once. */
final class ReportAnalysis {

  /**
   * Default effort to fix a touchpoint, by channel, in person-weeks: illustrative orders of
   * magnitude (a web or e-mail change is cheaper than retraining a call centre or refitting
   * stores). Users replace them with their own estimates.
   */
  static final Map<String, Double> DEFAULT_EFFORT_BY_CHANNEL =
      Map.of(
          "web", 3.0, "app", 5.0, "email", 1.0, "phone", 8.0, "chat", 3.0, "store", 10.0, "social",
          2.0);

  /** Pain weights of drop-off, rework, time over target and feedback (see {@link #journeys}). */
  static final double[] PAIN_WEIGHTS = {1, 1, 0, 2};

  /** Lifetime value models are fitted on at most this many customers, sampled at random. */
  static final int CLV_FIT_MAX = 100_000;

  /** The seed of that sample, fixed so that the same data give the same report. */
  static final long CLV_FIT_SEED = 42;

  /** At most this many touchpoints enter the driver analysis (exact Shapley over 2^k subsets). */
  static final int MAX_DRIVERS = 12;

  private final ReportInput in;
  private final ReportOptions o;
  private final List<ReportMetric<?>> metrics;
  private final List<String> notes = new ArrayList<>();
  private final Map<CustomerId, String> segmentOf = new HashMap<>();

  ReportAnalysis(ReportInput in, ReportOptions o, List<ReportMetric<?>> metrics) {
    this.in = in;
    this.o = o;
    this.metrics = metrics;
    // Segments are only ever looked up for respondents: assign those, not every customer (and
    // without a customers file, there is nothing to assign).
    Set<CustomerId> respondents = new HashSet<>();
    if (!in.customers().isEmpty()) {
      for (SurveyResponse r : in.responses()) {
        respondents.add(r.customer());
      }
    }
    for (Customer c : in.customers()) {
      if (respondents.contains(c.id())) {
        segmentOf.put(c.id(), in.segmentation().assign(c));
      }
    }
  }

  CxReport run() {
    if (!in.reads().isEmpty()) {
      notes.add(
          "Times written without an offset (no Z or +01:00) were read as "
              + o.zone().getId()
              + " time; periods and cohorts are in "
              + o.zone().getId()
              + " too (change both with --zone).");
    }
    if (in.rejectedRows() > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%s rejected while reading and %s not in any figure (see Data).",
              Wording.count(in.rejectedRows(), "input row was", "input rows were"),
              in.rejectedRows() == 1 ? "is" : "are"));
    }
    Map<Instrument.Kind, List<SurveyResponse>> byKind = responsesByKind();
    // The journey side (rebuild, map, funnel, pain points, attribution, drivers) and the rest
    // (scores, retention, value) share nothing but the input: two cores run them at once. Notes
    // are kept per side and joined in a fixed order, so the report does not depend on timing.
    List<String> journeyNotes = new ArrayList<>();
    List<SurveyResponse> npsResponses = byKind.get(Instrument.Kind.NPS);
    if (in.interactions().isEmpty()) {
      journeyNotes.add(
          "No interactions: the journey map, funnel, pain points, drivers and "
              + "attribution are left out.");
    } else {
      // No hidden default: say how interactions were cut into journeys.
      journeyNotes.add(
          o.journeyGap() == null
              ? "Journeys: one per customer, or per journey_id where the file has one; no split "
                  + "after inactivity (set --journey-gap, e.g. 30m, to split after that long "
                  + "without activity)."
              : "Journeys: a customer's interactions are split into a new journey after "
                  + o.journeyGap().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                  + " without activity (--journey-gap).");
    }
    // Two cores: the second thread rebuilds the journeys while this one computes the scores,
    // value and drivers (which need the journeys); the sections that need nothing else (the
    // journey map's parts, attribution, retention) are shared, each thread taking the next one
    // once done with its own work, longest first (but retention, see below), so that the two
    // finish close together.
    java.util.concurrent.CompletableFuture<Journeys> rebuilt =
        new java.util.concurrent.CompletableFuture<>();
    List<String> driverNotes = new ArrayList<>();
    List<String> attributionNotes = new ArrayList<>();
    List<String> retentionNotes = new ArrayList<>();
    boolean journeys = !in.interactions().isEmpty();
    SharedTasks shared = new SharedTasks();
    // Retention first: it needs no journeys, so this thread runs it while the other one still
    // rebuilds them (the drivers, next on this thread, wait for them).
    SharedTasks.Result<RetentionSection> retention = shared.add(() -> retention(retentionNotes));
    SharedTasks.Result<PainPointReport> pains =
        journeys ? shared.add(() -> pains(rebuilt.join())) : null;
    SharedTasks.Result<TransitionGraph> graph =
        journeys ? shared.add(() -> TransitionGraph.of(rebuilt.join(), Level.TOUCHPOINT)) : null;
    SharedTasks.Result<FunnelResult> funnel =
        journeys ? shared.add(() -> funnel(rebuilt.join())) : null;
    SharedTasks.Result<List<AttributionResult>> attribution =
        journeys ? shared.add(() -> attribution(rebuilt.join(), attributionNotes)) : null;
    SharedTasks.Result<Variants> variants =
        journeys ? shared.add(() -> Variants.of(rebuilt.join(), Level.TOUCHPOINT)) : null;
    try (SecondThread<Boolean> journeySide =
        !journeys
            ? null
            : SecondThread.start(
                "cx4j-report-journeys",
                () -> {
                  Journeys js;
                  try {
                    JourneyRebuilder rebuilder = JourneyRebuilder.defaults();
                    rebuilder =
                        o.journeyGap() == null
                            ? rebuilder.noInactivityGap()
                            : rebuilder.inactivityGap(o.journeyGap());
                    js = rebuilder.rebuild(in.interactions());
                  } catch (RuntimeException | Error e) {
                    rebuilt.completeExceptionally(e);
                    throw e;
                  }
                  rebuilt.complete(js);
                  shared.drain();
                  return Boolean.TRUE;
                })) {
      List<ScoreSection> scores = new ArrayList<>();
      List<ReportSnapshot.MetricStats> stats = new ArrayList<>();
      for (ReportMetric<?> m : metrics) {
        ScoreSection s = scores(m, byKind.get(m.kind()), stats);
        if (s != null) {
          scores.add(s);
        }
      }
      int mark = notes.size();
      ValueSection value = value();
      DriverSection drivers = null;
      if (journeySide != null) {
        if (!rebuilt.isDone()) {
          shared.runNext(); // retention, unless the other thread took it
        }
        Journeys js = awaitRebuilt(rebuilt, journeySide);
        if (npsResponses != null) {
          drivers = drivers(js, npsResponses, driverNotes);
        }
      }
      shared.drain();
      JourneySection journeySection = null;
      List<AttributionResult> attributionResults = List.of();
      if (journeySide != null) {
        journeySide.join(); // rethrows what the other thread threw
        journeySection =
            journeys(rebuilt.join(), graph.get(), pains.get(), funnel.get(), variants.get());
        attributionResults = attribution.get();
      }
      List<String> all = new ArrayList<>(notes.subList(0, mark));
      all.addAll(journeyNotes);
      all.addAll(attributionNotes);
      all.addAll(driverNotes);
      all.addAll(retentionNotes);
      all.addAll(notes.subList(mark, notes.size()));
      return new CxReport(
          in,
          o,
          scores,
          journeySection,
          retention.get(),
          value,
          drivers,
          attributionResults,
          all,
          new ReportSnapshot(in.name(), stats),
          null);
    }
  }

  /**
   * Waits for the second thread's rebuilt journeys; should the rebuild fail, rethrows its error
   * (unwrapped) through {@link SecondThread#join()}.
   */
  private static Journeys awaitRebuilt(
      java.util.concurrent.CompletableFuture<Journeys> rebuilt, SecondThread<?> side) {
    try {
      return rebuilt.join();
    } catch (java.util.concurrent.CompletionException e) {
      side.join(); // throws what the rebuild threw
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Survey scores

  private Map<Instrument.Kind, List<SurveyResponse>> responsesByKind() {
    // Per kind, the instrument with the most responses (a file may mix scales of one kind).
    Map<Instrument, List<SurveyResponse>> byInstrument = new LinkedHashMap<>();
    for (SurveyResponse r : in.responses()) {
      byInstrument.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r);
    }
    Map<Instrument.Kind, List<SurveyResponse>> best = new LinkedHashMap<>();
    for (Map.Entry<Instrument, List<SurveyResponse>> e : byInstrument.entrySet()) {
      List<SurveyResponse> prev = best.get(e.getKey().kind());
      if (prev == null || prev.size() < e.getValue().size()) {
        if (prev != null) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "%s on scale %s %s left out: the report uses "
                      + "the scale with the most responses.",
                  Wording.count(
                      prev.size(),
                      prev.get(0).instrument().name() + " response",
                      prev.get(0).instrument().name() + " responses"),
                  prev.get(0).instrument().scale(),
                  prev.size() == 1 ? "is" : "are"));
        }
        best.put(e.getKey().kind(), e.getValue());
      } else {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s on scale %s %s left out: the report uses the "
                    + "scale with the most responses.",
                Wording.count(
                    e.getValue().size(),
                    e.getKey().name() + " response",
                    e.getKey().name() + " responses"),
                e.getKey().scale(),
                e.getValue().size() == 1 ? "is" : "are"));
      }
    }
    return best;
  }

  /**
   * Returns the score section of {@code metric}, and adds its snapshot statistics to {@code stats};
   * null (and a note) without responses.
   */
  private <M extends SurveyMetric<M>> ScoreSection scores(
      ReportMetric<M> metric,
      List<SurveyResponse> responses,
      List<ReportSnapshot.MetricStats> stats) {
    if (responses == null || responses.isEmpty()) {
      notes.add("No " + metric.kind().name() + " responses: its section is left out.");
      return null;
    }
    Instrument instrument = responses.get(0).instrument();
    Scale scale = instrument.scale();
    double level = o.level();
    Supplier<ScoreAccumulator<M>> acc = () -> metric.scorer().accumulator(instrument, level);
    // Name, measure, unit and categories come from the definition, not the data.
    M blank = acc.get().result();
    List<ScoreCategory> categories = new ArrayList<>();
    for (int v = scale.min(); v <= scale.max(); v++) {
      categories.add(blank.category(v));
    }
    // The four breakdowns in one pass over the responses (see ScoreBreakdowns).
    ScoreBreakdowns<M> by = ScoreBreakdowns.of(responses, segmentOf::get, acc, o.minGroupSize());
    Estimate overall = label("overall", headline(by.overall()), null);
    List<Estimate> segments = new ArrayList<>();
    for (Breakdown.Group<String, M> g : by.segments().groups()) {
      segments.add(label(g.key(), headline(g.result()), g));
    }
    segments.sort(Comparator.comparing(Estimate::label));
    List<Estimate> channels = new ArrayList<>();
    for (Breakdown.Group<Channel, M> g : by.channels().groups()) {
      channels.add(label(g.key().name(), headline(g.result()), g));
    }
    channels.sort(Comparator.comparingLong(Estimate::n).reversed().thenComparing(Estimate::label));
    List<Estimate> touchpoints = new ArrayList<>();
    for (Breakdown.Group<String, M> g : by.touchpoints().groups()) {
      touchpoints.add(label(g.key(), headline(g.result()), g));
    }
    touchpoints.sort(
        Comparator.comparingLong(Estimate::n).reversed().thenComparing(Estimate::label));
    // In the order of the journey's stages; a stage that is not in the list goes last.
    List<JourneyStage> order = in.stages().stages();
    List<Breakdown.Group<JourneyStage, M>> stageGroups = new ArrayList<>(by.stages().groups());
    stageGroups.sort(
        Comparator.comparingInt(
                (Breakdown.Group<JourneyStage, M> g) -> {
                  int i = order.indexOf(g.key());
                  return i < 0 ? Integer.MAX_VALUE : i;
                })
            .thenComparing(g -> g.key().name()));
    List<Estimate> stages = new ArrayList<>();
    for (Breakdown.Group<JourneyStage, M> g : stageGroups) {
      stages.add(label(g.key().name(), headline(g.result()), g));
    }
    TimeSeries<M> series = TimeSeries.of(responses, o.trendPeriod(), o.zone(), acc);
    List<Estimate> trend = new ArrayList<>();
    for (TimeSeries.Point<M> p : series.points()) {
      Estimate e = headline(p.result());
      trend.add(
          e == null
              ? Estimate.empty(p.start().toString())
              : new Estimate(
                  p.start().toString(),
                  e.n(),
                  e.value(),
                  e.lower(),
                  e.upper(),
                  e.n() < o.minGroupSize()));
    }
    SurveyMetric.Unit unit = blank.unit();
    // The overall result already holds the histogram of every response.
    stats.add(ReportSnapshot.of(blank.name(), blank.measure(), instrument, by));
    return new ScoreSection(
        blank.name(),
        metric.title(),
        blank.measure(),
        unit,
        unit.toDisplay(blank.minimum()),
        unit.toDisplay(blank.maximum()),
        instrument,
        overall,
        segments,
        channels,
        touchpoints,
        stages,
        trend,
        by.overall().distribution(),
        categories);
  }

  /**
   * Returns the headline figure in display units (a share in percent), or null when empty. An
   * estimate outside its own interval (NPS adjusted Wald at tiny n) is flagged like a small group.
   */
  private static Estimate headline(SurveyMetric<?> r) {
    if (r.isEmpty()) {
      return null;
    }
    SurveyMetric.Unit u = r.unit();
    double value = r.score();
    Interval i = r.interval();
    return new Estimate(
        "",
        r.n(),
        u.toDisplay(value),
        u.toDisplay(i.lower()),
        u.toDisplay(i.upper()),
        !i.contains(value));
  }

  private Estimate label(String label, Estimate e, Breakdown.Group<?, ?> g) {
    if (e == null) {
      return Estimate.empty(label);
    }
    boolean small = e.small() || (g != null ? g.small() : e.n() < o.minGroupSize());
    return new Estimate(label, e.n(), e.value(), e.lower(), e.upper(), small);
  }

  // ---------------------------------------------------------------------------------------------
  // Journeys

  /** The pain points of the journeys, with the responses as feedback. */
  private PainPointReport pains(Journeys js) {
    // No designed journey, so no time target; what customers say counts double against what
    // they do, because drop-off at browsing touchpoints is mostly normal shopping behaviour.
    return PainPointAnalysis.at(Level.TOUCHPOINT)
        .feedback(in.responses())
        .minSample(o.minGroupSize())
        .weights(PAIN_WEIGHTS[0], PAIN_WEIGHTS[1], PAIN_WEIGHTS[2], PAIN_WEIGHTS[3])
        .analyze(js);
  }

  /** The journey section from its parts, computed apart. */
  private JourneySection journeys(
      Journeys js,
      TransitionGraph graph,
      PainPointReport pains,
      FunnelResult funnel,
      Variants variants) {
    Map<String, Long> journeysAt = new HashMap<>();
    for (NodeScore n : pains.nodes()) {
      journeysAt.put(n.label(), n.journeys());
    }
    List<JourneySection.Node> nodes = new ArrayList<>();
    Map<String, Long> visits = graph.visits();
    for (Touchpoint t : js.dictionary().touchpoints()) {
      long v = visits.getOrDefault(t.id(), 0L);
      if (v > 0) {
        nodes.add(
            new JourneySection.Node(
                t.id(),
                t.stage().name(),
                t.channel().name(),
                v,
                journeysAt.getOrDefault(t.id(), 0L)));
      }
    }
    List<String> stages = new ArrayList<>();
    for (JourneyStage s : in.stages().stages()) {
      stages.add(s.name());
    }
    List<NodeScore> painPoints = top(pains.painPoints(), o.topN());
    // A touchpoint listed as a pain point is not also offered as a moment of delight.
    List<NodeScore> delights = new ArrayList<>();
    for (NodeScore n : pains.delights()) {
      if (!painPoints.contains(n) && delights.size() < o.topN()) {
        delights.add(n);
      }
    }
    return new JourneySection(
        js.journeyCount(),
        js.eventCount(),
        stages,
        nodes,
        graph,
        funnel,
        variants,
        pains,
        painPoints,
        delights);
  }

  private static <T> List<T> top(List<T> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }

  /**
   * The stage funnel: the first stage present, then each later stage before the purchase stage
   * (optional: a journey that skips one passes it when it reaches a later step), then a conversion
   * (an interaction with outcome {@code converted}, which is itself the purchase). Journeys count
   * once, by their furthest attempt.
   */
  private FunnelResult funnel(Journeys js) {
    List<JourneyStage> present = new ArrayList<>();
    for (JourneyStage s : in.stages().stages()) {
      for (Touchpoint t : js.dictionary().touchpoints()) {
        if (t.stage().equals(s)) {
          present.add(s);
          break;
        }
      }
    }
    int last = present.indexOf(JourneyStage.PURCHASE);
    if (last < 0) {
      last = present.size() - 1;
    }
    Funnel.Builder b = Funnel.builder();
    for (int i = 0; i < Math.max(1, last); i++) {
      FunnelStep step = FunnelStep.stage(present.get(i));
      if (i == 0) {
        b.step(step);
      } else {
        b.optionalStep(step);
      }
    }
    b.step(FunnelStep.outcome(Outcome.CONVERTED));
    return b.build().run(js);
  }

  private List<AttributionResult> attribution(Journeys js, List<String> notes) {
    PathData paths =
        PathData.fromJourneys(
            js, Abstraction.of(js.dictionary(), Level.CHANNEL), Outcome.CONVERTED, j -> 1.0);
    if (paths.totalConversions() == 0) {
      notes.add("No converted journeys: attribution is left out.");
      return List.of();
    }
    List<AttributionResult> r = new ArrayList<>();
    r.add(HeuristicAttribution.firstTouch(paths));
    r.add(HeuristicAttribution.lastTouch(paths));
    r.add(HeuristicAttribution.linear(paths));
    r.add(HeuristicAttribution.positionBased(paths));
    r.add(MarkovAttribution.fit(paths, 1).attribution());
    r.add(ShapleyAttribution.presence(paths));
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Drivers of NPS

  private DriverSection drivers(
      Journeys js, List<SurveyResponse> npsResponses, List<String> notes) {
    // Each customer's events are contiguous in the rebuilt journeys (sorted by customer, time).
    int customers = js.customers().size();
    int[] first = new int[customers];
    int[] end = new int[customers];
    Arrays.fill(first, -1);
    for (int e = 0; e < js.eventCount(); e++) {
      int c = js.customerCode(e);
      if (first[c] < 0) {
        first[c] = e;
      }
      end[c] = e + 1;
    }
    int touchpoints = js.dictionary().size();
    // Which touchpoints each linked respondent saw before answering: a bit per touchpoint, in
    // words of 64, one row of words per respondent (not a double[] per respondent: 240 MB for a
    // million respondents and 30 touchpoints).
    int words = (touchpoints + 63) >>> 6;
    long[] seen = new long[Math.max(16, words * 16)];
    double[] scores = new double[16];
    int n = 0;
    for (SurveyResponse r : npsResponses) {
      int c = js.log().customerCode(r.customer());
      if (c < 0 || first[c] < 0) {
        continue;
      }
      if ((n + 1) * words > seen.length) {
        seen = Arrays.copyOf(seen, Math.max(seen.length * 2, (n + 1) * words));
      }
      if (n == scores.length) {
        scores = Arrays.copyOf(scores, 2 * n);
      }
      long at = r.timestamp().toEpochMilli();
      for (int e = first[c]; e < end[c] && js.epochMillis(e) <= at; e++) {
        int t = js.touchpointCode(e);
        seen[n * words + (t >>> 6)] |= 1L << t;
      }
      scores[n++] = r.score();
    }
    if (n < 3 * o.minGroupSize()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "Only %s could be linked to journeys, and the driver "
                  + "analysis needs at least %,d (three times --min-group %d): it is left out. A smaller "
                  + "--min-group runs it on fewer.",
              n == 0 ? "no NPS response" : Wording.count(n, "NPS response", "NPS responses"),
              3 * o.minGroupSize(),
              o.minGroupSize()));
      return null;
    }
    // Candidate drivers: touchpoints that some but not nearly all respondents visited, most
    // visited first (a constant driver carries no information and breaks the regression).
    Integer[] order = new Integer[touchpoints];
    long[] exposed = new long[touchpoints];
    for (int i = 0; i < n; i++) {
      for (int w = 0; w < words; w++) {
        for (long bits = seen[i * words + w]; bits != 0; bits &= bits - 1) {
          exposed[(w << 6) + Long.numberOfTrailingZeros(bits)]++;
        }
      }
    }
    for (int t = 0; t < touchpoints; t++) {
      order[t] = t;
    }
    Arrays.sort(
        order,
        Comparator.comparingLong((Integer t) -> -exposed[t])
            .thenComparing(t -> js.dictionary().touchpoint(t).id()));
    KeyDriverAnalysis.Builder b = KeyDriverAnalysis.builder();
    b.outcome("nps score", Arrays.copyOf(scores, n));
    int used = 0;
    for (int k = 0; k < touchpoints && used < MAX_DRIVERS; k++) {
      int t = order[k];
      if (exposed[t] < o.minGroupSize() || n - exposed[t] < o.minGroupSize()) {
        continue;
      }
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = (seen[i * words + (t >>> 6)] >>> t) & 1;
      }
      b.driver(js.dictionary().touchpoint(t).id(), x);
      used++;
    }
    if (used < 2) {
      notes.add(
          "Fewer than two touchpoints vary enough among NPS respondents: the driver "
              + "analysis is left out.");
      return null;
    }
    KeyDriverResult result;
    try {
      result = b.run();
    } catch (IllegalArgumentException e) {
      notes.add("The driver analysis could not be run: " + e.getMessage());
      return null;
    }
    Map<String, Double> effort = new LinkedHashMap<>();
    boolean anyDefault = false;
    List<Initiative> initiatives = new ArrayList<>();
    for (DriverImportance d : result.drivers()) {
      Double e = o.effort().get(d.name());
      if (e == null) {
        Touchpoint t = js.dictionary().touchpoint(js.dictionary().requireCode(d.name()));
        e = DEFAULT_EFFORT_BY_CHANNEL.getOrDefault(t.channel().name(), 5.0);
        anyDefault = true;
      }
      effort.put(d.name(), e);
      if (d.pearson() < 0 && d.shapleyShare() > 0) {
        initiatives.add(new Initiative("fix " + d.name(), 100 * d.shapleyShare(), e));
      }
    }
    EffortImpactMatrix matrix = initiatives.isEmpty() ? null : EffortImpactMatrix.of(initiatives);
    String source =
        !anyDefault
            ? "your estimates"
            : o.effort().isEmpty()
                ? "default estimates by channel (person-weeks); give your own with --effort"
                : "your estimates where given, else defaults by channel";
    return new DriverSection(result, matrix, effort, source);
  }

  // ---------------------------------------------------------------------------------------------
  // Retention, churn and value

  private ActivityLog activity() {
    if (!in.transactions().isEmpty()) {
      return ActivityLog.fromTransactions(in.transactions());
    }
    InteractionLog log = in.interactions();
    InteractionLog.Columns c = log.columns();
    return ActivityLog.of(c.customer(), c.millis());
  }

  private RetentionSection retention(List<String> notes) {
    if (in.transactions().isEmpty() && in.interactions().isEmpty()) {
      notes.add("No transactions or interactions: retention and churn are left out.");
      return null;
    }
    String source = in.transactions().isEmpty() ? "interactions" : "transactions";
    ActivityLog activity = activity();
    CohortRetention cohorts = CohortRetention.of(activity, PeriodUnit.MONTH, o.zone());
    long maxMillis = Long.MIN_VALUE;
    for (long ms : activity.epochMillis()) {
      maxMillis = Math.max(maxMillis, ms);
    }
    Instant end = Instant.ofEpochMilli(maxMillis);
    Lifecycle life = Lifecycle.of(activity, PeriodUnit.MONTH, o.zone());
    // The last month counts only when the data reach its last day.
    LocalDate lastDay = end.atZone(o.zone()).toLocalDate();
    int p = life.periods() - (lastDay.equals(YearMonth.from(lastDay).atEndOfMonth()) ? 1 : 2);
    CustomerRetentionRate crr = null;
    String month = null;
    if (p >= 1) {
      crr = life.retentionRate(p);
      month = YearMonth.from(life.periodStart(p)).toString();
    }
    ChurnSurvival churn =
        ChurnSurvival.fromActivity(
            activity, Duration.ofDays(o.churnAfterDays()), end, Duration.ofDays(1));
    // Whole days since first activity: the curve then has at most one step per day, however
    // many customers there are (exact times would give one step per customer).
    double[] days = churn.times().clone();
    for (int i = 0; i < days.length; i++) {
      days[i] = Math.floor(days[i]);
    }
    KaplanMeier km = KaplanMeier.fit(days, churn.churned());
    return new RetentionSection(
        source,
        cohorts,
        crr,
        month,
        o.churnAfterDays(),
        churn.size(),
        churn.churnCount(),
        km,
        km.confidenceBand(ConfidenceType.LOG_LOG, o.level()),
        km.median(ConfidenceType.LOG_LOG, o.level()));
  }

  private ValueSection value() {
    if (in.transactions().isEmpty()) {
      notes.add("No transactions: lifetime value is left out.");
      return null;
    }
    LocalDate last = LocalDate.MIN;
    for (var t : in.transactions()) {
      LocalDate d = t.timestamp().atZone(o.zone()).toLocalDate();
      if (d.isAfter(last)) {
        last = d;
      }
    }
    try {
      // Weeks as the model's time unit, as in the BTYD literature (Fader, Hardie and Lee 2005).
      BtydSummaries s =
          BtydSummarizer.builder(last).zone(o.zone()).build().summarize(in.transactions());
      RepeatPurchaseData data = s.repeatPurchaseData();
      double[] monetary = s.monetaryValues();
      // A customer a model cannot use leaves that model only: a repeat buyer whose repeat
      // purchases sum to 0 has no spend model (Gamma-Gamma needs ln zbar), but keeps its BG/NBD
      // predictions; everyone else still gets a lifetime value.
      List<ValueSection.Excluded> excluded = new ArrayList<>();
      boolean[] noSpend = new boolean[data.size()];
      for (int i = 0; i < data.size(); i++) {
        int x = data.frequency(i);
        if (x > 0 && !GammaGammaModel.hasSpendModel(x, monetary[i])) {
          noSpend[i] = true;
          excluded.add(
              new ValueSection.Excluded(
                  s.summaries().get(i).customer().value(),
                  ValueSection.NO_SPEND_MODEL,
                  String.format(
                      Locale.ROOT,
                      "%d repeat purchase%s summing to %s",
                      x,
                      x == 1 ? "" : "s",
                      monetary[i] * x == 0 ? "0" : String.valueOf(monetary[i] * x))));
        }
      }
      // The models' four and three parameters describe the population: a seeded random sample
      // of customers estimates them as well as millions do, at a fraction of the cost. Values
      // are then computed for every customer.
      int[] fitRows = sampleRows(data.size(), CLV_FIT_MAX, CLV_FIT_SEED);
      int[] x = new int[fitRows.length];
      double[] tx = new double[fitRows.length];
      double[] age = new double[fitRows.length];
      int[] spendX = new int[fitRows.length];
      double[] fitMonetary = new double[fitRows.length];
      for (int i = 0; i < fitRows.length; i++) {
        int row = fitRows[i];
        x[i] = data.frequency(row);
        tx[i] = data.recency(row);
        age[i] = data.age(row);
        // Gamma-Gamma skips customers with x = 0: that is how one without a spend model leaves it.
        spendX[i] = noSpend[row] ? 0 : x[i];
        fitMonetary[i] = monetary[row];
      }
      if (fitRows.length < data.size()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "Lifetime value models were fitted on a random "
                    + "sample of %,d of the %,d customers (seed %d); values are computed for all.",
                fitRows.length,
                data.size(),
                CLV_FIT_SEED));
      }
      PurchaseModelFit<BgNbdModel> bg = BgNbdModel.fit(RepeatPurchaseData.of(x, tx, age));
      GammaGammaFit gg =
          GammaGammaModel.fit(
              spendX,
              fitMonetary,
              i -> "customer " + s.summaries().get(fitRows[i]).customer().value());
      ClvHorizon horizon =
          new ClvHorizon(o.clvMonths(), 52.0 / 12, o.monthlyDiscount(), o.margin());
      DiscountedClv model = DiscountedClv.of(bg.model(), gg.model(), horizon);
      CustomerId[] ids = new CustomerId[data.size()];
      LocalDate origin = last;
      int maxX = 0;
      double maxAge = 0;
      for (int i = 0; i < ids.length; i++) {
        ids[i] = s.summaries().get(i).customer();
        LocalDate first = s.summaries().get(i).firstPurchase();
        origin = first.isBefore(origin) ? first : origin;
        maxX = Math.max(maxX, data.frequency(i));
        maxAge = Math.max(maxAge, data.age(i));
      }
      int[] allX = new int[ids.length];
      double[] allTx = new double[ids.length];
      double[] allAge = new double[ids.length];
      for (int i = 0; i < ids.length; i++) {
        allX[i] = data.frequency(i);
        allTx[i] = data.recency(i);
        allAge[i] = data.age(i);
      }
      CustomerValues perCustomer =
          new CustomerValues(
              i -> ids[i].value(),
              allX,
              allTx,
              allAge,
              monetary,
              noSpend,
              ValueDetails.rfm(ids, in.transactions(), last, o.zone()),
              bg,
              gg,
              horizon,
              o.level());
      double alive = 0;
      for (int i = 0; i < data.size(); i++) {
        alive += perCustomer.alive(i);
      }
      double[] sorted = perCustomer.sortedValues();
      if (sorted.length == 0) {
        notes.add("Lifetime value is left out: no customer has a spend model.");
        return null;
      }
      double total = 0;
      for (double v : sorted) {
        total += v;
      }
      int decile = Math.max(1, sorted.length / 10);
      double top = 0;
      for (int i = sorted.length - decile; i < sorted.length; i++) {
        top += sorted[i];
      }
      List<ValueSection.SegmentProfile> segments =
          segments(s, data, monetary, noSpend, bg.model(), model);
      List<ValueSection.ModelFit> fits =
          List.of(
              ValueDetails.fit("BG/NBD", bg.estimates(), o.level()),
              ValueDetails.fit("Gamma-Gamma", gg.estimates(), o.level()));
      LocalDate calibrationEnd = calibrationEnd(origin, last);
      BgNbdModel trackingModel = bg.model();
      if (calibrationEnd != null) {
        try {
          trackingModel = calibrationModel(calibrationEnd);
        } catch (FitFailedException | IllegalArgumentException e) {
          notes.add(
              "The tracking plot's model could not be fitted on the transactions up to "
                  + calibrationEnd
                  + " ("
                  + e.getMessage()
                  + "): the plot uses the whole period as "
                  + "calibration.");
          calibrationEnd = null;
        }
      }
      ValueSection.Tracking tracking =
          ValueDetails.tracking(
              trackingModel,
              ids,
              s.summaries(),
              in.transactions(),
              origin,
              last,
              calibrationEnd,
              o.zone());
      return new ValueSection(
          sorted.length,
          bg.model(),
          gg.model(),
          horizon,
          total / sorted.length,
          quantile(sorted, 0.5),
          quantile(sorted, 0.9),
          total,
          total == 0 ? 0 : top / total,
          alive / data.size(),
          excluded,
          segments,
          fits,
          tracking,
          ValueDetails.frequencyRecency(bg.model(), maxX, maxAge, horizon.periodLength()),
          ValueDetails.aliveCounts(perCustomer),
          ValueDetails.atRisk(perCustomer, sorted, total, o.atRiskTop(), o.atRiskAlive()),
          perCustomer);
    } catch (FitFailedException | IllegalArgumentException e) {
      String m = e.getMessage();
      notes.add("Lifetime value could not be estimated: " + m + (m.endsWith(".") ? "" : "."));
      return null;
    }
  }

  /**
   * Returns {@code --calibration-end} when it falls within the transactions (from the first day up
   * to, not including, the last), else null with a note: then the whole period is calibration.
   */
  private LocalDate calibrationEnd(LocalDate origin, LocalDate last) {
    LocalDate c = o.calibrationEnd();
    if (c != null && (c.isBefore(origin) || !c.isBefore(last))) {
      notes.add(
          "The calibration end "
              + c
              + " is not within the transactions ("
              + origin
              + " to "
              + last
              + ", the last day excluded): the tracking plot uses the whole period "
              + "as calibration.");
      return null;
    }
    return c;
  }

  /**
   * Returns the BG/NBD model of the tracking plot with a calibration end {@code c}: fitted on the
   * transactions up to that day only (a seeded sample as for the main fit), so that the weeks after
   * it test the model out of sample.
   *
   * @throws FitFailedException if the fit does not converge
   */
  private BgNbdModel calibrationModel(LocalDate c) {
    RepeatPurchaseData cal =
        BtydSummarizer.builder(c)
            .zone(o.zone())
            .build()
            .summarize(in.transactions())
            .repeatPurchaseData();
    int[] rows = sampleRows(cal.size(), CLV_FIT_MAX, CLV_FIT_SEED);
    int[] x = new int[rows.length];
    double[] tx = new double[rows.length];
    double[] age = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = cal.frequency(rows[i]);
      tx[i] = cal.recency(rows[i]);
      age[i] = cal.age(rows[i]);
    }
    BgNbdModel m = BgNbdModel.fit(RepeatPurchaseData.of(x, tx, age)).model();
    notes.add(
        String.format(
            Locale.ROOT,
            "The tracking plot's model was fitted on the "
                + "transactions up to %s (calibration: %,d customers); the weeks after test it out of "
                + "sample. Everything else in the lifetime value section uses the whole period.",
            c,
            cal.size()));
    return m;
  }

  /** Customers segmented at most: the silhouette that picks k costs the square of it. */
  static final int SEGMENT_MAX = 5_000;

  /**
   * Returns behavioural segments of the customers with a lifetime value (a seeded sample of at most
   * {@link #SEGMENT_MAX}), each with what sets it apart, its mean CLV and P(active), and the NPS of
   * its respondents; empty, with a note, when they cannot be found.
   */
  private List<ValueSection.SegmentProfile> segments(
      BtydSummaries s,
      RepeatPurchaseData data,
      double[] monetary,
      boolean[] noSpend,
      BgNbdModel purchases,
      DiscountedClv model) {
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (!noSpend[i]) {
        eligible.add(i);
      }
    }
    int[] pick = sampleRows(eligible.size(), SEGMENT_MAX, CLV_FIT_SEED);
    String[] ids = new String[pick.length];
    for (int k = 0; k < pick.length; k++) {
      ids[k] = s.summaries().get(eligible.get(pick[k])).customer().value();
    }
    // Journey features when there are interactions: channels used, interactions, converted.
    double[][] journey = journeyFeatures(in.interactions(), ids);
    List<String> features =
        new ArrayList<>(
            List.of(
                "weeks since last purchase",
                "repeat purchases",
                "mean repeat spend",
                "P(active)",
                "CLV"));
    // A journey feature that is the same for everyone cannot separate segments: left out.
    List<Integer> kept = new ArrayList<>();
    for (int j = 0; journey != null && j < JOURNEY_FEATURES.size(); j++) {
      for (double[] r : journey) {
        if (r[j] != journey[0][j]) {
          kept.add(j);
          features.add(JOURNEY_FEATURES.get(j));
          break;
        }
      }
    }
    double[][] rows = new double[pick.length][];
    for (int k = 0; k < pick.length; k++) {
      int i = eligible.get(pick[k]);
      int x = data.frequency(i);
      double tx = data.recency(i);
      double age = data.age(i);
      double[] value = {
        age - tx,
        x,
        monetary[i],
        purchases.probabilityAlive(x, tx, age),
        model.value(x, tx, age, monetary[i])
      };
      rows[k] = Arrays.copyOf(value, value.length + kept.size());
      for (int j = 0; j < kept.size(); j++) {
        rows[k][value.length + j] = journey[k][kept.get(j)];
      }
    }
    Segments seg;
    try {
      seg =
          BehaviouralSegmentation.builder()
              .kRange(2, 6)
              .restarts(5)
              .seed(CLV_FIT_SEED)
              .silhouetteSample(SEGMENT_MAX)
              .build()
              .fit(features, rows);
    } catch (IllegalArgumentException e) {
      notes.add("Behavioural segments are left out: " + e.getMessage() + ".");
      return List.of();
    }
    // NPS of each segment's respondents (customers of the sample only).
    Map<String, Integer> segmentOfCustomer = new HashMap<>();
    for (int k = 0; k < ids.length; k++) {
      segmentOfCustomer.put(ids[k], seg.segment(k));
    }
    List<ScoreAccumulator<NetPromoterScore>> nps = new ArrayList<>();
    List<ScoreAccumulator<CustomerSatisfaction>> csat = new ArrayList<>();
    for (int g = 0; g < seg.k(); g++) {
      nps.add(NetPromoterScore.accumulator());
      csat.add(CustomerSatisfaction.accumulator());
    }
    for (SurveyResponse r : in.responses()) {
      Integer g = segmentOfCustomer.get(r.customer().value());
      if (g != null && r.instrument().kind() == Instrument.Kind.NPS) {
        nps.get(g).add(r);
      } else if (g != null
          && r.instrument().kind() == Instrument.Kind.CSAT
          && r.instrument().scale().equals(Instrument.csat().scale())) {
        csat.get(g).add(r);
      }
    }
    List<ValueSection.SegmentProfile> out = new ArrayList<>();
    for (int g = 0; g < seg.k(); g++) {
      List<Map.Entry<String, Double>> apart = new ArrayList<>();
      for (String f : seg.distinguishingFeatures(g).subList(0, 3)) {
        apart.add(Map.entry(f, seg.standardisedDifference(g, f)));
      }
      double[] centre = seg.centre(g);
      out.add(
          new ValueSection.SegmentProfile(
              seg.size(g),
              seg.size(g) / (double) pick.length,
              apart,
              centre[4],
              centre[3],
              segmentEstimate(g, headline(nps.get(g).result())),
              segmentEstimate(g, headline(csat.get(g).result()))));
    }
    if (pick.length < eligible.size()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "Behavioural segments were found on a random sample "
                  + "of %,d of the %,d customers with a lifetime value (seed %d).",
              pick.length,
              eligible.size(),
              CLV_FIT_SEED));
    }
    return out;
  }

  /** The journey features of segmentation, in order. */
  static final List<String> JOURNEY_FEATURES =
      List.of("channels used", "interactions", "converted");

  /**
   * Returns, per customer of {@code ids}, the number of distinct channels of their interactions,
   * the number of interactions and whether any interaction converted (outcome {@code converted}: 1,
   * else 0); all zero for a customer without interactions. Null when there are no interactions at
   * all, or when no customer of {@code ids} has any (the features would be constant).
   */
  static double[][] journeyFeatures(InteractionLog log, String[] ids) {
    if (log.isEmpty()) {
      return null;
    }
    // Customer code of the log to row of ids (-1: not sampled; an id listed twice: its last row),
    // looked up per id rather than per customer of the log (millions, made when read).
    int[] rowOf = new int[log.customers().size()];
    Arrays.fill(rowOf, -1);
    boolean any = false;
    for (int k = 0; k < ids.length; k++) {
      int c = log.customerCode(CustomerId.of(ids[k]));
      if (c >= 0) {
        rowOf[c] = k;
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    TouchpointDictionary dict = log.dictionary();
    int[] channelOf = new int[dict.size()];
    Map<Channel, Integer> channelCodes = new HashMap<>();
    for (int t = 0; t < channelOf.length; t++) {
      channelOf[t] =
          channelCodes.computeIfAbsent(dict.touchpoint(t).channel(), ch -> channelCodes.size());
    }
    int converted = log.outcomes().indexOf(Outcome.CONVERTED);
    long[] channelMask = new long[ids.length]; // up to 64 channels; more count as the 64th
    double[][] out = new double[ids.length][3];
    for (int e = 0; e < log.size(); e++) {
      int k = rowOf[log.customerCode(e)];
      if (k >= 0) {
        channelMask[k] |= 1L << Math.min(63, channelOf[log.touchpointCode(e)]);
        out[k][1]++;
        if (converted >= 0 && log.outcomeCode(e) == converted) {
          out[k][2] = 1;
        }
      }
    }
    for (int k = 0; k < ids.length; k++) {
      out[k][0] = Long.bitCount(channelMask[k]);
    }
    return out;
  }

  private Estimate segmentEstimate(int g, Estimate e) {
    String label = "segment " + (g + 1);
    return e == null
        ? Estimate.empty(label)
        : new Estimate(
            label, e.n(), e.value(), e.lower(), e.upper(), e.small() || e.n() < o.minGroupSize());
  }

  /**
   * Returns {@code min(n, max)} distinct row indices in increasing order, drawn uniformly without
   * replacement with a {@link SplittableRandom} of the given seed (a partial Fisher-Yates shuffle);
   * all rows when {@code n <= max}.
   */
  static int[] sampleRows(int n, int max, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n <= max) {
      return idx;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, max);
    Arrays.sort(out);
    return out;
  }

  /** Type 7 quantile (linear interpolation between order statistics), as R's default. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
