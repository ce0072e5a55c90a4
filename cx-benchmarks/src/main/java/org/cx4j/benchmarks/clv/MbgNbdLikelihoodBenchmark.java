package org.cx4j.benchmarks.clv;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cx4j.metrics.clv.MbgNbdModel;
import org.cx4j.metrics.clv.ParameterEstimates;
import org.cx4j.metrics.clv.PurchaseModelFit;
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
 * One MBG/NBD log-likelihood evaluation (and one with its analytic gradient) over {@code n}
 * synthetic customers, against the baseline of one {@code Math.log} pass over {@code n} doubles
 * in the same run.
 *
 * <p>Customers are drawn from r = 0.5, alpha = 5, a = 0.7, b = 2.5 with T uniform on (0, 52]
 * weeks. The setup also fits the model once on that data and fails the run unless every estimate
 * is within three standard errors of the truth; it prints the estimates and the share of customers
 * with x = 0.
 *
 * <pre>
 * ./mvnw -o -q -DskipTests -Dmaven.javadoc.skip -pl cx-benchmarks -am package
 * java -jar cx-benchmarks/target/benchmarks.jar 'MbgNbdLikelihood' -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MbgNbdLikelihoodBenchmark {

  @Param("1000000")
  int n;

  private RepeatPurchaseData data;
  private MbgNbdModel model;
  private double[] logInputs;
  private double[] gradient;

  @Setup
  public void setUp() {
    MbgNbdModel truth = MbgNbdModel.of(0.5, 5, 0.7, 2.5);
    SplittableRandom rnd = new SplittableRandom(2005);
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 52 * (1 - rnd.nextDouble()); // uniform on (0, 52]
    }
    data = truth.simulate(ages, 42);
    // The baseline logs the same number of positive doubles (the ages plus 1, as the likelihood
    // logs alpha + T).
    logInputs = new double[n];
    for (int i = 0; i < n; i++) {
      logInputs[i] = ages[i] + 1;
    }
    gradient = new double[4];
    long start = System.nanoTime();
    PurchaseModelFit<MbgNbdModel> fit = MbgNbdModel.fit(data);
    long millis = (System.nanoTime() - start) / 1_000_000;
    ParameterEstimates e = fit.estimates();
    double[] want = truth.parameters();
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "%n[MBG/NBD recovery] n = %d, share with x = 0: %.4f, fit %d ms, %d iterations%n",
        n, data.zeroRepeaters() / (double) n, millis, e.iterations()));
    for (int i = 0; i < 4; i++) {
      String name = e.names().get(i);
      double z = (e.estimate(name) - want[i]) / e.standardError(name);
      report.append(String.format(Locale.ROOT, "  %-5s true %.4f  est %.5f  se %.5f  z %+.2f%n",
          name, want[i], e.estimate(name), e.standardError(name), z));
      if (!(Math.abs(z) < 3)) {
        throw new IllegalStateException("MBG/NBD did not recover " + name + ": " + report);
      }
    }
    System.out.print(report);
    // Evaluate at the truth, not at the fit, so every benchmark sees the same parameters.
    model = truth;
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
    return model.logLikelihood(data);
  }

  /** One total log-likelihood evaluation with its analytic gradient. */
  @Benchmark
  public double logLikelihoodAndGradient() {
    double ll = model.logLikelihood(data, gradient);
    return ll + gradient[0] + gradient[1] + gradient[2] + gradient[3];
  }
}
