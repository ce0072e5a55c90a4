package org.cx4j.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.driver.KeyDriverAnalysis;
import org.cx4j.metrics.driver.KeyDriverResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Key driver analysis (correlations, Spearman, betas, relative weights, exact Shapley over 2^12
 * subsets) against its baseline: one covariance pass over the same data, the least any analysis
 * must do. Also the decomposition of 15 drivers from a correlation matrix alone.
 *
 * <pre>
 * java -jar cx-benchmarks/target/benchmarks.jar KeyDriverBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyDriverBenchmark {

  @Param("100000")
  int respondents;

  @Param("12")
  int drivers;

  double[][] columns; // drivers then outcome
  List<String> names15;
  double[][] corr15;
  double[] outcomeCorr15;

  @Setup
  public void setUp() {
    columns = ratings(respondents, drivers, 42);
    double[][] c15 = ratings(2000, 15, 7);
    names15 = new ArrayList<>();
    corr15 = new double[15][15];
    outcomeCorr15 = new double[15];
    for (int i = 0; i < 15; i++) {
      names15.add("d" + i);
      for (int j = 0; j < 15; j++) {
        corr15[i][j] = i == j ? 1 : pearson(c15[i], c15[j]);
      }
      outcomeCorr15[i] = pearson(c15[i], c15[15]);
    }
  }

  /** Survey-like ratings 1..5 sharing a common factor, and an outcome on 0..10. */
  static double[][] ratings(int n, int p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] cols = new double[p + 1][n];
    for (int i = 0; i < n; i++) {
      double common = rng.nextGaussian();
      double y = 0;
      for (int j = 0; j < p; j++) {
        double x = Math.max(1, Math.min(5, Math.rint(3 + 0.7 * common + rng.nextGaussian())));
        cols[j][i] = x;
        y += x / (j + 1);
      }
      cols[p][i] = Math.max(0, Math.min(10, Math.rint(y / 2 + rng.nextGaussian())));
    }
    return cols;
  }

  /** Baseline: means, then the centred cross-product matrix of all columns. */
  @Benchmark
  public double[][] covariancePass() {
    int v = columns.length;
    int n = columns[0].length;
    double[] mean = new double[v];
    for (int k = 0; k < v; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += columns[k][i];
      }
      mean[k] = s / n;
    }
    double[][] cov = new double[v][v];
    double[] d = new double[v];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < v; k++) {
        d[k] = columns[k][i] - mean[k];
      }
      for (int a = 0; a < v; a++) {
        for (int b = a; b < v; b++) {
          cov[a][b] += d[a] * d[b];
        }
      }
    }
    return cov;
  }

  @Benchmark
  public KeyDriverResult keyDriverAnalysis() {
    KeyDriverAnalysis.Builder b = KeyDriverAnalysis.builder().outcome("y", columns[drivers]);
    for (int j = 0; j < drivers; j++) {
      b.driver("d" + j, columns[j]);
    }
    return b.run();
  }

  @Benchmark
  public KeyDriverResult fifteenDriversFromCorrelations() {
    return KeyDriverAnalysis.fromCorrelations("y", names15, corr15, outcomeCorr15);
  }

  static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= a.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
