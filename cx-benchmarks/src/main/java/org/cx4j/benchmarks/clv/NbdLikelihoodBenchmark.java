package org.cx4j.benchmarks.clv;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.clv.BgNbdModel;
import org.cx4j.metrics.clv.MbgNbdModel;
import org.cx4j.metrics.clv.ParameterEstimates;
import org.cx4j.metrics.clv.RepeatPurchaseData;
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
 * One BG/NBD or MBG/NBD ({@code model}) log-likelihood evaluation (and one with its analytic
 * gradient) over {@code n} synthetic customers, against the baseline of one {@code Math.log} pass
 * over {@code n} doubles in the same run.
 *
 * <p>Customers are drawn from r = 0.5, alpha = 5, a = 0.7, b = 2.5 with T uniform on (0, 52] weeks.
 * The setup also fits the model once on that data and fails the run unless every estimate is within
 * three standard errors of the truth; it prints the estimates and the share of customers with x =
 * 0.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'NbdLikelihood' -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NbdLikelihoodBenchmark {

  /** The likelihood pass of one model: the total, and the gradient when {@code g} is given. */
  private interface Likelihood {
    double value(RepeatPurchaseData d, double[] g);
  }

  @Param({"BG_NBD", "MBG_NBD"})
  String model;

  @Param("1000000")
  int n;

  private RepeatPurchaseData data;
  private Likelihood likelihood;
  private double[] logInputs;
  private double[] gradient;

  @Setup
  public void setUp() {
    boolean bg = model.equals("BG_NBD");
    String name = bg ? "BG/NBD" : "MBG/NBD";
    BgNbdModel bgTruth = BgNbdModel.of(0.5, 5, 0.7, 2.5);
    MbgNbdModel mbgTruth = MbgNbdModel.of(0.5, 5, 0.7, 2.5);
    SplittableRandom rnd = new SplittableRandom(2005);
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 52 * (1 - rnd.nextDouble()); // uniform on (0, 52]
    }
    data = bg ? bgTruth.simulate(ages, 42) : mbgTruth.simulate(ages, 42);
    // The baseline logs the same number of positive doubles (the ages plus 1, as the likelihood
    // logs alpha + T).
    logInputs = new double[n];
    for (int i = 0; i < n; i++) {
      logInputs[i] = ages[i] + 1;
    }
    gradient = new double[4];
    long start = System.nanoTime();
    ParameterEstimates e =
        bg ? BgNbdModel.fit(data).estimates() : MbgNbdModel.fit(data).estimates();
    long millis = (System.nanoTime() - start) / 1_000_000;
    double[] want = bgTruth.parameters(); // the same four values for both models
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n[%s recovery] n = %d, share with x = 0: %.4f, fit %d ms, %d iterations%n",
                name,
                n,
                data.zeroRepeaters() / (double) n,
                millis,
                e.iterations()));
    for (int i = 0; i < 4; i++) {
      String p = e.names().get(i);
      double z = (e.estimate(p) - want[i]) / e.standardError(p);
      report.append(
          String.format(
              Locale.ROOT,
              "  %-5s true %.4f  est %.5f  se %.5f  z %+.2f%n",
              p,
              want[i],
              e.estimate(p),
              e.standardError(p),
              z));
      if (!(Math.abs(z) < 3)) {
        throw new IllegalStateException(name + " did not recover " + p + ": " + report);
      }
    }
    System.out.print(report);
    // Evaluate at the truth, not at the fit, so every benchmark sees the same parameters.
    likelihood =
        bg
            ? (d, g) -> g == null ? bgTruth.logLikelihood(d) : bgTruth.logLikelihood(d, g)
            : (d, g) -> g == null ? mbgTruth.logLikelihood(d) : mbgTruth.logLikelihood(d, g);
  }

  /** Baseline: one pass of {@code Math.log} over {@code n} doubles. */
  @Benchmark
  public double mathLogBaseline() {
    double[] v = logInputs;
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += Math.log(v[i]);
    }
    return s;
  }

  /** One total log-likelihood evaluation. */
  @Benchmark
  public double logLikelihood() {
    return likelihood.value(data, null);
  }

  /** One total log-likelihood evaluation with its analytic gradient. */
  @Benchmark
  public double logLikelihoodAndGradient() {
    double ll = likelihood.value(data, gradient);
    return ll + gradient[0] + gradient[1] + gradient[2] + gradient[3];
  }
}
