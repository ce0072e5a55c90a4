package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cx4j.metrics.score.Interval;
import org.junit.jupiter.api.Test;

class SentimentSummaryTest {

  static double n(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  @Test
  void countsNoCommentZerosAndClasses() {
    SentimentSummary s =
        SentimentSummary.of(
            SentimentAnalyzer.vader(),
            Arrays.asList("good", "bad", "the phone", null, "  ", "good"));
    assertEquals(2, s.noComment());
    assertEquals(4, s.scored());
    assertEquals(2, s.positive());
    assertEquals(1, s.negative());
    assertEquals(1, s.neutral());
    assertEquals(1, s.exactZeros());
    // Mean of N(1.9), N(-2.5), 0, N(1.9).
    double[] c = {n(1.9), n(-2.5), 0, n(1.9)};
    double mean = (c[0] + c[1] + c[2] + c[3]) / 4;
    assertEquals(mean, s.meanCompound(), 1e-12);
    double ss = 0;
    for (double x : c) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / 3);
    assertEquals(sd, s.standardDeviation(), 1e-12);
    // t(3, 0.975) = 3.182446305284263 (published table value 3.182).
    Interval i = s.meanInterval(0.95).orElseThrow();
    assertEquals(mean - 3.182446305284263 * sd / 2, i.lower(), 1e-9);
    assertEquals(mean + 3.182446305284263 * sd / 2, i.upper(), 1e-9);
  }

  @Test
  void emptySummary() {
    SentimentSummary s = SentimentSummary.of(SentimentAnalyzer.vader(), List.of());
    assertTrue(Double.isNaN(s.meanCompound()));
    assertTrue(s.meanInterval(0.95).isEmpty());
  }
}
