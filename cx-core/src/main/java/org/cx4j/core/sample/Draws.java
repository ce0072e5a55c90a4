package org.cx4j.core.sample;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The random draws of one customer's simulation: a {@link SplittableRandom} stream (SplitMix64,
 * whose output is fully specified by its seed) adapted to Commons RNG, with the Commons Statistics
 * samplers the generative model needs.
 *
 * <p>Every bit comes from the one {@code SplittableRandom}, and the samplers are pure functions of
 * those bits, so a seed fixes every draw. (The generator's own transcendental functions use {@code
 * StrictMath}; the Commons samplers use {@code java.lang.Math}, which a JVM may compute one ulp
 * differently, so across JVMs a rare rounding boundary could in principle differ.) Not thread-safe:
 * one instance per customer.
 */
final class Draws {

  private final UniformRandomProvider rng;
  private final ContinuousDistribution.Sampler standardNormal;
  private final ContinuousDistribution.Sampler standardExponential;

  Draws(SplittableRandom random) {
    this.rng = random::nextLong;
    this.standardNormal = NormalDistribution.of(0, 1).createSampler(rng);
    this.standardExponential = ExponentialDistribution.of(1).createSampler(rng);
  }

  /** Returns a uniform draw from {@code [0, 1)}. */
  double uniform() {
    return rng.nextDouble();
  }

  /** Returns a uniform integer from {@code [0, bound)}. */
  int below(int bound) {
    return rng.nextInt(bound);
  }

  /** Returns {@code true} with probability {@code p}. */
  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  /** Returns {@code mean + sd * N(0, 1)}. */
  double normal(double mean, double sd) {
    return mean + sd * standardNormal.sample();
  }

  /** Returns an exponential draw with the given mean. */
  double exponential(double mean) {
    return mean * standardExponential.sample();
  }

  /** Returns a gamma draw with the given shape and mean ({@code scale = mean / shape}). */
  double gamma(double shape, double mean) {
    return GammaDistribution.of(shape, mean / shape).createSampler(rng).sample();
  }

  /** Returns a beta draw. */
  double beta(double alpha, double beta) {
    return BetaDistribution.of(alpha, beta).createSampler(rng).sample();
  }

  /** Returns a log-normal draw with the given median and log-scale standard deviation. */
  double logNormal(double median, double sigma) {
    return LogNormalDistribution.of(StrictMath.log(median), sigma).createSampler(rng).sample();
  }

  /**
   * Returns an index drawn with probability proportional to {@code weights[i]} (non-negative, not
   * all zero).
   */
  int choose(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    // Only reached through rounding when u lands on the total: the last positive weight.
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    throw new IllegalStateException("all weights are zero");
  }
}
