package org.cx4j.metrics.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.compare.Comparisons;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.junit.jupiter.api.Test;

/**
 * The {@link SurveyMetric} contract of NPS, CSAT, CES and Rating, against naive recounts of the raw
 * scores: every factory gives the same result, the headline score and the categories agree with
 * counting by hand, and counts and weights stay apart on the accumulator.
 */
class SurveyMetricContractProperties {

  static final double TOL = 1e-12;

  /** At least one answer on 0..10; the other metrics map it onto their default scales. */
  @Provide
  Arbitrary<int[]> answers() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMinSize(1).ofMaxSize(60);
  }

  private static int[] map(int[] a, IntUnaryOperator f) {
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = f.applyAsInt(a[i]);
    }
    return out;
  }

  private static byte[] bytes(int[] a) {
    byte[] b = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = (byte) a[i];
    }
    return b;
  }

  private static List<SurveyResponse> responses(Instrument instrument, int[] scores) {
    List<SurveyResponse> r = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      r.add(
          SurveyResponse.of(
              CustomerId.of("c" + i), instrument, scores[i], Instant.EPOCH.plusSeconds(i)));
    }
    return r;
  }

  private static long count(int[] scores, int from, int to) {
    long n = 0;
    for (int s : scores) {
      n += s >= from && s <= to ? 1 : 0;
    }
    return n;
  }

  private static long tone(SurveyMetric<?> m, int[] scores, ScoreCategory.Tone tone) {
    long n = 0;
    for (int s : scores) {
      n += m.category(s).tone() == tone ? 1 : 0;
    }
    return n;
  }

  @Property(tries = 300, seed = "42")
  void npsAgreesWithACountAndEveryFactory(@ForAll("answers") int[] s) {
    NetPromoterScore m = NetPromoterScore.of(s);
    // NPS = 100 (#9-10 - #0-6) / n.
    long promoters = count(s, 9, 10);
    long detractors = count(s, 0, 6);
    assertEquals(100.0 * (promoters - detractors) / s.length, m.score(), TOL);
    assertEquals(promoters, tone(m, s, ScoreCategory.Tone.POSITIVE));
    assertEquals(detractors, tone(m, s, ScoreCategory.Tone.NEGATIVE));
    assertEquals(m, NetPromoterScore.of(bytes(s)));
    assertEquals(m, NetPromoterScore.accumulator().addAll(s).result());
    assertEquals(m, NetPromoterScore.concurrentAccumulator().addAll(s).result());
    assertEquals(m, responses(Instrument.nps(), s).stream().collect(NetPromoterScore.collector()));
    assertEquals(m, NetPromoterScore.of(NetPromoterScore.Definition.DEFAULT, s));
    assertEquals(m.interval(), m.interval(0.95, IntervalMethod.ADJUSTED_WALD));
    assertEquals(SurveyMetric.Unit.POINTS, m.unit());
    assertEquals(-100, m.minimum());
    assertEquals(100, m.maximum());
  }

  @Property(tries = 300, seed = "42")
  void csatAgreesWithACountAndEveryFactory(@ForAll("answers") int[] a) {
    int[] s = map(a, x -> 1 + x % 5);
    CustomerSatisfaction m = CustomerSatisfaction.of(s);
    // Default: top two boxes of 1..5 are satisfied, the bottom two dissatisfied.
    assertEquals((double) count(s, 4, 5) / s.length, m.score(), TOL);
    assertEquals(count(s, 4, 5), tone(m, s, ScoreCategory.Tone.POSITIVE));
    assertEquals(count(s, 1, 2), tone(m, s, ScoreCategory.Tone.NEGATIVE));
    assertEquals(m, CustomerSatisfaction.of(bytes(s)));
    assertEquals(m, CustomerSatisfaction.accumulator().addAll(s).result());
    assertEquals(m, CustomerSatisfaction.concurrentAccumulator().addAll(s).result());
    assertEquals(
        m,
        responses(CustomerSatisfaction.Definition.DEFAULT.instrument(), s).stream()
            .collect(CustomerSatisfaction.collector()));
    assertEquals(m.topBox().interval(), m.interval());
    assertEquals(SurveyMetric.Unit.SHARE, m.unit());
  }

  @Property(tries = 300, seed = "42")
  void cesAgreesWithACountAndEveryFactory(@ForAll("answers") int[] a) {
    int[] s = map(a, x -> 1 + x % 7);
    CustomerEffortScore m = CustomerEffortScore.of(s);
    // Default: 5-7 of 1..7 are easy, 1-3 difficult.
    assertEquals((double) count(s, 5, 7) / s.length, m.score(), TOL);
    assertEquals(count(s, 5, 7), tone(m, s, ScoreCategory.Tone.POSITIVE));
    assertEquals(count(s, 1, 3), tone(m, s, ScoreCategory.Tone.NEGATIVE));
    assertEquals(m, CustomerEffortScore.of(bytes(s)));
    assertEquals(m, CustomerEffortScore.accumulator().addAll(s).result());
    assertEquals(m, CustomerEffortScore.concurrentAccumulator().addAll(s).result());
    assertEquals(
        m, responses(Instrument.ces(), s).stream().collect(CustomerEffortScore.collector()));
    assertEquals(m.easyShare().interval(), m.interval());
  }

  @Property(tries = 300, seed = "42")
  void ratingAgreesWithACountAndEveryFactory(@ForAll("answers") int[] a) {
    int[] s = map(a, x -> 1 + x % 5);
    Rating m = Rating.of(s);
    // Default: 1..5, top and bottom two boxes.
    assertEquals((double) count(s, 4, 5) / s.length, m.score(), TOL);
    assertEquals(count(s, 4, 5), tone(m, s, ScoreCategory.Tone.POSITIVE));
    assertEquals(count(s, 1, 2), tone(m, s, ScoreCategory.Tone.NEGATIVE));
    assertEquals(m, Rating.of(bytes(s)));
    assertEquals(m, Rating.accumulator().addAll(s).result());
    assertEquals(m, Rating.concurrentAccumulator().addAll(s).result());
    assertEquals(
        m,
        responses(Rating.Definition.DEFAULT.instrument(), s).stream().collect(Rating.collector()));
  }

  @Property(tries = 200, seed = "42")
  void compareIsTheComparisonOfTheHeadlines(
      @ForAll("answers") int[] a, @ForAll("answers") int[] b) {
    NetPromoterScore na = NetPromoterScore.of(a);
    NetPromoterScore nb = NetPromoterScore.of(b);
    assertEquals(Comparisons.nps(na, nb, 0.9), na.compare(nb, 0.9));
    CustomerSatisfaction ca = CustomerSatisfaction.of(map(a, x -> 1 + x % 5));
    CustomerSatisfaction cb = CustomerSatisfaction.of(map(b, x -> 1 + x % 5));
    assertEquals(Comparisons.shares(ca.topBox(), cb.topBox(), 0.9), ca.compare(cb, 0.9));
    // The estimate is the difference of the two headline scores.
    assertEquals(ca.score() - cb.score(), ca.compare(cb, 0.9).estimate(), TOL);
  }

  @Property(tries = 200, seed = "42")
  void addCountIsRepeatedAddAndAddWeightedIsOneResponse(@ForAll("answers") int[] s) {
    ScoreAccumulator<NetPromoterScore> counted = NetPromoterScore.accumulator();
    ScoreAccumulator<NetPromoterScore> added = NetPromoterScore.accumulator();
    for (int v = 0; v <= 10; v++) {
      long k = count(s, v, v);
      assertSame(counted, counted.addCount(v, k));
      for (long i = 0; i < k; i++) {
        assertSame(added, added.add(v));
      }
    }
    assertEquals(added.result(), counted.result());
    assertEquals(s.length, counted.n());
    // addWeighted(9, 3.0) is one response of weight 3, not three responses.
    ScoreAccumulator<NetPromoterScore> weighted = NetPromoterScore.accumulator().addAll(s);
    assertSame(weighted, weighted.addWeighted(9, 3.0));
    assertEquals(s.length + 1, weighted.n());
  }

  @Test
  void categoriesRejectScoresOffTheScale() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.of(5).category(11));
    assertTrue(e.getMessage().contains("11"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CustomerSatisfaction.of(3).category(0));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
  }

  @Test
  void mergeReturnsTheAccumulator() {
    ScoreAccumulator<CustomerSatisfaction> a = CustomerSatisfaction.accumulator().add(5);
    assertSame(a, a.merge(CustomerSatisfaction.accumulator().add(1)));
    assertEquals(2, a.n());
    ConcurrentScoreAccumulator<CustomerSatisfaction> c =
        CustomerSatisfaction.concurrentAccumulator();
    assertSame(c, c.merge(a));
    assertEquals(CustomerSatisfaction.of(5, 1), c.result());
  }
}
