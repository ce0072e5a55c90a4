package org.cx4j.metrics.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What BG/NBD and MBG/NBD share: the four parameters of a gamma mixture of Poisson purchase rates
 * ({@code r}, {@code alpha}) and a beta mixture of dropout probabilities ({@code a}, {@code b}),
 * their accessors, the log-likelihood overloads and value semantics. Each model supplies its own
 * likelihood pass ({@link #likelihoodPass}) and predictions.
 */
abstract sealed class NbdMixtureModel implements PurchaseModel permits BgNbdModel, MbgNbdModel {

  static final List<String> NAMES = List.of("r", "alpha", "a", "b");

  final double r;
  final double alpha;
  final double a;
  final double b;

  /**
   * @throws IllegalArgumentException naming the first parameter that is not positive and finite
   */
  NbdMixtureModel(double r, double alpha, double a, double b) {
    this.r = BgNbdModel.positive("r", r);
    this.alpha = BgNbdModel.positive("alpha", alpha);
    this.a = BgNbdModel.positive("a", a);
    this.b = BgNbdModel.positive("b", b);
  }

  /** The model's name in messages and {@link #toString()}, e.g. {@code "BG/NBD"}. */
  abstract String modelName();

  /**
   * The total log-likelihood of {@code data} at this model's parameters; when {@code gradient} is
   * non-null, its gradient with respect to the log-parameters is written into it.
   */
  abstract double likelihoodPass(RepeatPurchaseData data, double[] gradient);

  /** Returns the parameter {@code r} (shape of the gamma mixture of purchase rates). */
  public double r() {
    return r;
  }

  /** Returns the parameter {@code alpha} (scale of the gamma mixture of purchase rates). */
  public double alpha() {
    return alpha;
  }

  /** Returns the parameter {@code a} (of the beta mixture of dropout probabilities). */
  public double a() {
    return a;
  }

  /** Returns the parameter {@code b} (of the beta mixture of dropout probabilities). */
  public double b() {
    return b;
  }

  @Override
  public double[] parameters() {
    return new double[] {r, alpha, a, b};
  }

  @Override
  public List<String> parameterNames() {
    return NAMES;
  }

  /** Checks the length of {@code p} for {@code withParameters}. */
  final double[] four(double[] p) {
    if (p.length != 4) {
      throw new IllegalArgumentException(modelName() + " needs 4 parameters, got " + p.length);
    }
    return p;
  }

  @Override
  public double logLikelihood(RepeatPurchaseData data) {
    return likelihoodPass(data, null);
  }

  /**
   * Returns the total log-likelihood of {@code data} and writes into {@code gradient} its gradient
   * with respect to the log-parameters {@code (ln r, ln alpha, ln a, ln b)} (formulas on the
   * model's class). One primitive pass; what the optimiser calls.
   *
   * @throws IllegalArgumentException if {@code gradient} does not have length 4
   * @throws NullPointerException if an argument is null
   */
  public double logLikelihood(RepeatPurchaseData data, double[] gradient) {
    if (gradient.length != 4) {
      throw new IllegalArgumentException("gradient must have length 4, got " + gradient.length);
    }
    return likelihoodPass(data, gradient);
  }

  /**
   * Returns the log-likelihood of one customer, {@code ln L(r, alpha, a, b | x, t_x, T)}.
   *
   * @throws IllegalArgumentException if the history is invalid
   */
  public double logLikelihood(int x, double tx, double age) {
    RepeatPurchaseData.check(0, x, tx, age);
    return likelihoodPass(
        RepeatPurchaseData.wrap(new int[] {x}, new double[] {tx}, new double[] {age}), null);
  }

  /** Equal when the model and all four parameters are equal ({@link Double#compare}). */
  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && Arrays.equals(parameters(), ((NbdMixtureModel) o).parameters());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parameters());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s[r=%.4g, alpha=%.4g, a=%.4g, b=%.4g]", modelName(), r, alpha, a, b);
  }
}
