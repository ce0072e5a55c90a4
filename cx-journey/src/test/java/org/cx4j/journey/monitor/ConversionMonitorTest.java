package org.cx4j.journey.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cx4j.metrics.compare.MultipleTesting;
import org.cx4j.metrics.monitor.BucketSize;
import org.cx4j.metrics.monitor.ChangeAlert;
import org.cx4j.metrics.monitor.ChangeDetector;
import org.cx4j.metrics.monitor.ChangeDetector.Evaluation;
import org.cx4j.metrics.monitor.MonitorConfig;
import org.cx4j.metrics.monitor.ScoreMonitor;
import org.cx4j.metrics.score.ScoreDistribution;
import org.junit.jupiter.api.Test;

class ConversionMonitorTest {

  static final long H = BucketSize.HOUR.millis();

  @Test
  void conversionRateDropIsAlertedWithTheTwoProportionTest() {
    ConversionMonitor m =
        ConversionMonitor.of(
            MonitorConfig.tumbling(BucketSize.HOUR, 1).withLateness(Duration.ofHours(2)));
    List<ChangeAlert> alerts = new ArrayList<>();
    ChangeDetector<ScoreDistribution> d = m.detector().listener(alerts::add).build();
    // checkout: 60 of 200 convert in hour 0, 30 of 200 in hour 1. search: 50 of 100 both hours.
    for (int i = 0; i < 200; i++) {
      m.record("checkout", i < 60, 10);
      m.record("checkout", i < 30, H + 10);
    }
    for (int i = 0; i < 100; i++) {
      m.record("search", i < 50, 10);
      m.record("search", i < 50, H + 10);
    }
    Evaluation e = d.evaluate(m.snapshot(), 2);
    assertEquals(1, alerts.size());
    ChangeAlert a = alerts.get(0);
    assertEquals("checkout", a.key());
    assertEquals("conversion rate", a.metric());
    assertEquals(0.30, a.before().value(), 1e-12);
    assertEquals(0.15, a.after().value(), 1e-12);
    // Pooled p = 90 / 400 = 0.225; z = -0.15 / sqrt(0.225 * 0.775 * (2 / 200)) = -3.5806.
    assertEquals(-0.15 / Math.sqrt(0.225 * 0.775 * 0.01), a.difference().statistic(), 1e-9);
    assertEquals(1, e.keys().get(1).pValue(), 1e-12); // search unchanged
    assertEquals(0.30, m.rate("checkout", 0, 1, 0.95).share(), 1e-12);
  }

  /** A table of Binomial(n, p) for exact draws by one uniform number. */
  static int[] binomialDraws(SplittableRandom r, int n, double p, int draws) {
    double[] cdf = new double[n + 1];
    double total = 0;
    for (int k = 0; k <= n; k++) {
      double log =
          org.apache.commons.numbers.gamma.LogGamma.value(n + 1.0)
              - org.apache.commons.numbers.gamma.LogGamma.value(k + 1.0)
              - org.apache.commons.numbers.gamma.LogGamma.value(n - k + 1.0)
              + k * Math.log(p)
              + (n - k) * Math.log(1 - p);
      total += Math.exp(log);
      cdf[k] = total;
    }
    int[] out = new int[draws];
    for (int i = 0; i < draws; i++) {
      int k = java.util.Arrays.binarySearch(cdf, r.nextDouble() * total);
      out[i] = Math.min(k >= 0 ? k : -k - 1, n);
    }
    return out;
  }

  /**
   * No change in 200 keys over 500 independent evaluations (fresh window pairs), BH at q = 0.1: the
   * share of evaluations with any significant key is at most q + 3 sqrt(q (1 - q) / 500).
   */
  @Test
  void noChangeFalseAlarmRateIsAtMostQ() {
    int keys = 200;
    int evaluations = 500;
    int n = 300;
    double q = 0.1;
    ConversionMonitor m =
        ConversionMonitor.of(
            MonitorConfig.tumbling(BucketSize.HOUR, 1)
                .withRetainedBuckets(2)
                .withLateness(Duration.ofHours(2)));
    ChangeDetector<ScoreDistribution> d =
        m.detector().multipleTesting(MultipleTesting.Method.BENJAMINI_HOCHBERG, q).build();
    SplittableRandom r = new SplittableRandom(11);
    int[][] draws = new int[keys][];
    List<ScoreMonitor.Key<ScoreDistribution>> handles = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      draws[k] = binomialDraws(r, n, 0.05 + 0.4 * (k % 10) / 9.0, 2 * evaluations);
      handles.add(m.key("step-" + k));
    }
    int any = 0;
    for (int e = 0; e < evaluations; e++) {
      for (int k = 0; k < keys; k++) {
        for (int w = 0; w < 2; w++) {
          long t = (2L * e + w) * H;
          handles.get(k).addCount(1, draws[k][2 * e + w], t);
          handles.get(k).addCount(0, n - draws[k][2 * e + w], t);
        }
      }
      Evaluation ev = d.evaluate(m.snapshot(), 2L * e + 2);
      assertEquals(keys, ev.tested());
      any += ev.anySignificant() ? 1 : 0;
    }
    double rate = (double) any / evaluations;
    if (Boolean.getBoolean("cx4j.simulation.print")) {
      System.out.printf("conversions, no change: any significant %.4f%n", rate);
    }
    assertTrue(rate <= q + 3 * Math.sqrt(q * (1 - q) / evaluations), "false-alarm share " + rate);
  }
}
