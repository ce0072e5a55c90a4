package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.sample.SampleData;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.funnel.FunnelResult;
import org.cx4j.journey.painpoint.NodeScore;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the bundled sample, checked against brute-force recounts of the raw records and
 * against what the sample generator documents it planted (its painful touchpoints).
 */
class CxReportSampleTest {

  static SampleData data;
  static CxReport report;

  @BeforeAll
  static void run() {
    data = SampleData.standard();
    report = CxReport.of(ReportInput.of(data));
  }

  private static List<SurveyResponse> responses(Instrument instrument) {
    return data.responses().stream().filter(r -> r.instrument().equals(instrument)).toList();
  }

  @Test
  void npsEqualsABruteForceCount() {
    List<SurveyResponse> nps = responses(Instrument.nps());
    // The sample's NPS responses carry sampling weights: NPS = 100 (w_P - w_D) / w, with w_P the
    // weight of promoters (9-10), w_D of detractors (0-6) and w of everyone.
    double promoters =
        nps.stream().filter(r -> r.score() >= 9).mapToDouble(SurveyResponse::weight).sum();
    double detractors =
        nps.stream().filter(r -> r.score() <= 6).mapToDouble(SurveyResponse::weight).sum();
    double all = nps.stream().mapToDouble(SurveyResponse::weight).sum();
    double expected = 100.0 * (promoters - detractors) / all;
    Estimate overall = report.nps().orElseThrow().overall();
    assertEquals(nps.size(), overall.n());
    assertEquals(expected, overall.value(), 1e-9);
    assertTrue(overall.lower() < expected && expected < overall.upper());
  }

  @Test
  void csatAndCesSharesEqualBruteForceCounts() {
    List<SurveyResponse> csat = responses(Instrument.csat());
    // Weighted shares, as for NPS: top 2 boxes of 1..5 are 4 and 5.
    double top2 = 100.0 * weight(csat.stream().filter(r -> r.score() >= 4).toList()) / weight(csat);
    assertEquals(top2, report.csat().orElseThrow().overall().value(), 1e-9);
    List<SurveyResponse> ces = responses(Instrument.ces());
    // CES 1..7, high is easy, easy = the top three boxes 5, 6, 7.
    double easy = 100.0 * weight(ces.stream().filter(r -> r.score() >= 5).toList()) / weight(ces);
    assertEquals(easy, report.ces().orElseThrow().overall().value(), 1e-9);
  }

  private static double weight(List<SurveyResponse> rs) {
    return rs.stream().mapToDouble(SurveyResponse::weight).sum();
  }

  @Test
  void segmentsAndPeriodsPartitionTheResponses() {
    for (ScoreSection s : report.scores()) {
      long bySegment = s.bySegment().stream().mapToLong(Estimate::n).sum();
      long byPeriod = s.trend().stream().mapToLong(Estimate::n).sum();
      assertEquals(s.overall().n(), bySegment, s.metric());
      assertEquals(s.overall().n(), byPeriod, s.metric());
      // The sample covers calendar 2025: twelve monthly points, empty months included.
      assertEquals(12, s.trend().size(), s.metric());
      assertEquals(s.overall().n(), s.distribution().n());
      assertEquals(data.segmentation().names().size(), s.bySegment().size());
    }
  }

  @Test
  void csatAndCesByTouchpointAndStageEqualBruteForceCounts() {
    // Per touchpoint and per stage, the weighted top-2-box CSAT share (4 and 5 of 1..5) and the
    // weighted CES easy share (5, 6 and 7 of 1..7), counted from the raw responses.
    record Case(Instrument instrument, int threshold, ScoreSection section) {}
    for (Case c :
        List.of(
            new Case(Instrument.csat(), 4, report.csat().orElseThrow()),
            new Case(Instrument.ces(), 5, report.ces().orElseThrow()))) {
      Map<String, List<SurveyResponse>> byTouchpoint = new HashMap<>();
      Map<String, List<SurveyResponse>> byStage = new HashMap<>();
      for (SurveyResponse r : responses(c.instrument())) {
        if (r.touchpoint() != null) {
          byTouchpoint
              .computeIfAbsent(r.touchpoint().id(), k -> new java.util.ArrayList<>())
              .add(r);
          byStage
              .computeIfAbsent(r.touchpoint().stage().name(), k -> new java.util.ArrayList<>())
              .add(r);
        }
      }
      assertFalse(byTouchpoint.isEmpty(), "the sample has touchpoint responses");
      assertEquals(byTouchpoint.size(), c.section().byTouchpoint().size());
      assertEquals(byStage.size(), c.section().byStage().size());
      for (Estimate e : c.section().byTouchpoint()) {
        check(c.threshold(), byTouchpoint.get(e.label()), e);
      }
      for (Estimate e : c.section().byStage()) {
        check(c.threshold(), byStage.get(e.label()), e);
      }
      // Most responses first, so the table opens on the touchpoints that matter.
      for (int i = 1; i < c.section().byTouchpoint().size(); i++) {
        assertTrue(
            c.section().byTouchpoint().get(i - 1).n() >= c.section().byTouchpoint().get(i).n());
      }
    }
  }

  private static void check(int threshold, List<SurveyResponse> rs, Estimate e) {
    double expected =
        100.0 * weight(rs.stream().filter(r -> r.score() >= threshold).toList()) / weight(rs);
    assertEquals(rs.size(), e.n(), e.label());
    assertEquals(expected, e.value(), 1e-9, e.label());
    assertTrue(e.lower() <= expected && expected <= e.upper(), e.toString());
    if (rs.size() < report.options().minGroupSize()) {
      assertTrue(e.small(), "a group under --min-group is flagged: " + e);
    }
  }

  @Test
  void funnelCountsMatchTheJourneys() {
    // One journey per customer (journey id <customer>-j1): count by brute force.
    Set<String> aware = new HashSet<>();
    Set<String> converted = new HashSet<>();
    for (Interaction i : data.interactions()) {
      if (i.touchpoint().stage().equals(JourneyStage.AWARENESS)) {
        aware.add(i.journeyId());
      }
      if (Outcome.CONVERTED.equals(i.outcome())) {
        converted.add(i.journeyId());
      }
    }
    FunnelResult f = report.journeys().orElseThrow().funnel();
    assertEquals(List.of("awareness", "consideration", "converted"), f.steps());
    assertEquals(aware.size(), f.count(0));
    assertEquals(converted.size(), f.count(f.size() - 1));
  }

  @Test
  void thePlantedPainPointsComeFirst() {
    List<NodeScore> pains = report.journeys().orElseThrow().painPoints();
    Set<String> top3 = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      top3.add(pains.get(i).label());
    }
    assertEquals(new HashSet<>(SampleData.PAINFUL_TOUCHPOINTS), top3);
    for (NodeScore d : report.journeys().orElseThrow().delights()) {
      assertFalse(SampleData.PAINFUL_TOUCHPOINTS.contains(d.label()), d.label());
    }
  }

  @Test
  void theHotlineDrivesNpsDown() {
    DriverImportance first = report.drivers().orElseThrow().drivers().ranked().get(0);
    assertEquals("support_hotline", first.name());
    assertTrue(first.pearson() < 0);
  }

  @Test
  void attributionCreditsEveryConversionOnce() {
    long conversions =
        data.interactions().stream()
            .filter(i -> Outcome.CONVERTED.equals(i.outcome()))
            .map(Interaction::journeyId)
            .distinct()
            .count();
    assertEquals(6, report.attribution().size());
    for (AttributionResult m : report.attribution()) {
      assertEquals(conversions, m.totalConversions(), 1e-9, m.model());
      double shares =
          m.channels().stream().mapToDouble(AttributionResult.ChannelCredit::share).sum();
      assertEquals(1.0, shares, 1e-9, m.model());
    }
  }

  @Test
  void retentionAndValueCoverEveryBuyer() {
    Set<CustomerId> buyers = new HashSet<>();
    for (Transaction t : data.transactions()) {
      buyers.add(t.customer());
    }
    RetentionSection r = report.retention().orElseThrow();
    assertEquals("transactions", r.source());
    assertEquals(buyers.size(), r.customers());
    assertEquals(buyers.size(), r.cohorts().customers());
    assertEquals(buyers.size(), report.value().orElseThrow().customers());
    // Survival is a probability that never rises.
    double prev = 1;
    for (int j = 0; j < r.survival().size(); j++) {
      assertTrue(r.survival().survival(j) <= prev);
      prev = r.survival().survival(j);
    }
  }

  @Test
  void everyInteractionIsOnTheJourneyMap() {
    JourneySection j = report.journeys().orElseThrow();
    Map<String, Long> visits = new HashMap<>();
    for (Interaction i : data.interactions()) {
      visits.merge(i.touchpoint().id(), 1L, Long::sum);
    }
    assertEquals(visits.size(), j.nodes().size());
    for (JourneySection.Node n : j.nodes()) {
      assertEquals(visits.get(n.id()), n.visits(), n.id());
    }
    assertEquals(data.interactions().size(), j.events());
  }

  @Test
  void theSummaryReadsLikeAReport() {
    String s = report.toString();
    assertTrue(s.startsWith("CX report: Larkspur Home"), s);
    for (String heading :
        List.of(
            "Headline",
            "NPS by segment",
            "Journeys:",
            "top pain points",
            "Retention and churn",
            "Customer lifetime value",
            "What drives NPS",
            "Attribution")) {
      assertTrue(s.contains(heading), heading);
    }
  }

  @Test
  void behaviouralSegmentsPartitionTheCustomersWithAValue() {
    ValueSection v = report.value().orElseThrow();
    List<ValueSection.SegmentProfile> segs = v.segments();
    org.junit.jupiter.api.Assertions.assertTrue(
        segs.size() >= 2 && segs.size() <= 6, segs.toString());
    // every customer with a lifetime value (the sample has fewer than SEGMENT_MAX) is in one
    int customers = 0;
    double share = 0;
    for (ValueSection.SegmentProfile sp : segs) {
      customers += sp.customers();
      share += sp.share();
      org.junit.jupiter.api.Assertions.assertEquals(3, sp.apart().size());
    }
    org.junit.jupiter.api.Assertions.assertEquals(v.customers(), customers);
    org.junit.jupiter.api.Assertions.assertEquals(1.0, share, 1e-12);
    // numbered by size, largest first
    for (int g = 1; g < segs.size(); g++) {
      org.junit.jupiter.api.Assertions.assertTrue(
          segs.get(g - 1).customers() >= segs.get(g).customers());
    }
    // the customer-weighted mean of the segments' mean CLV is the overall mean CLV
    double weighted = 0;
    for (ValueSection.SegmentProfile sp : segs) {
      weighted += sp.meanClv() * sp.customers();
    }
    org.junit.jupiter.api.Assertions.assertEquals(
        v.mean(), weighted / customers, 1e-9 * Math.abs(v.mean()));
  }
}
