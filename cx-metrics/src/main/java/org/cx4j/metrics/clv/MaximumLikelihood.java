package org.cx4j.metrics.clv;

import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood over log-parameters, shared by the BG/NBD, Pareto/NBD and Gamma-Gamma fitters.
 *
 * <p><b>Why this optimiser.</b> The parameters are positive, so the search runs on {@code phi = ln
 * theta}: unconstrained, and the scales of {@code r} (about 0.2) and {@code alpha} (weeks or days)
 * stop mattering. Where the model has an analytic gradient (BG/NBD, Gamma-Gamma) Hipparchus'
 * Polak-Ribiere non-linear conjugate gradient uses it; the Pareto/NBD gradient would need
 * derivatives of 2F1 in its parameters, so that model uses Hipparchus' derivative-free BOBYQA
 * (Powell 2009). Levenberg-Marquardt does not apply: this is not a least-squares problem. Either
 * way the result is polished by a few damped Newton steps with the Hessian from central differences
 * of the gradient, which gives full double accuracy at the maximum cheaply and is the same Hessian
 * the standard errors need. The objective is the mean log-likelihood per customer, so the
 * tolerances do not depend on the number of customers.
 *
 * <p>Convergence is declared when the largest component of the gradient of the mean log-likelihood
 * in {@code phi} is at most {@value #GRADIENT_TOLERANCE}; otherwise {@link FitFailedException}
 * reports the iterations and the last gradient.
 */
final class MaximumLikelihood {

  static final double GRADIENT_TOLERANCE = 1e-6;
  private static final int MAX_NEWTON = 60;

  /** A total log-likelihood of log-parameters. */
  interface Objective {
    /**
     * Returns the total log-likelihood at {@code phi} (NaN or -infinity where undefined), and
     * writes its gradient in {@code phi} into {@code gradient} when that is not null and {@link
     * #hasGradient()}.
     */
    double value(double[] phi, double[] gradient);

    boolean hasGradient();
  }

  private MaximumLikelihood() {}

  static ParameterEstimates maximize(
      String model, List<String> names, Objective objective, double[] start, int n) {
    int k = start.length;
    Tracker tracker = new Tracker(objective, n, k);
    tracker.consider(start.clone());
    int iterations = 0;
    String optimizer;
    try {
      if (objective.hasGradient()) {
        optimizer = "non-linear conjugate gradient (Polak-Ribiere) + Newton";
        NonLinearConjugateGradientOptimizer cg =
            new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                new SimpleValueChecker(1e-12, 1e-14));
        try {
          cg.optimize(
              new MaxEval(20_000),
              new MaxIter(5_000),
              new ObjectiveFunction(tracker::negativeMean),
              new ObjectiveFunctionGradient(tracker::negativeMeanGradient),
              GoalType.MINIMIZE,
              new InitialGuess(start));
        } finally {
          iterations += cg.getIterations();
        }
      } else {
        optimizer = "BOBYQA + Newton";
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * k + 1, 0.5, 1e-9);
        try {
          bobyqa.optimize(
              new MaxEval(20_000),
              new ObjectiveFunction(tracker::negativeMean),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              SimpleBounds.unbounded(k));
        } finally {
          iterations += bobyqa.getIterations();
        }
      }
    } catch (MathIllegalStateException e) {
      // Evaluation or iteration budget exhausted: continue from the best point seen; the Newton
      // refinement below either converges from there or the fit is reported as failed.
      optimizer = "best point after an exhausted global search + Newton";
    }
    if (tracker.bestPhi == null || !Double.isFinite(tracker.bestValue)) {
      throw new FitFailedException(
          model + " log-likelihood is not finite anywhere the optimiser looked",
          iterations,
          exp(start),
          new double[k]);
    }
    double[] phi = tracker.bestPhi.clone();
    double[] g = new double[k];
    double value = tracker.gradient(phi, g);
    double[][] info = null;
    for (int it = 0; it < MAX_NEWTON; it++) {
      if (maxAbs(g) / n <= 1e-11) {
        break;
      }
      info = observedInformation(tracker, phi, g);
      double[] step = solve(info, g);
      if (step == null) {
        // Not concave here: a plain gradient step with backtracking instead of Newton.
        step = new double[k];
        double scale = 1.0 / Math.max(1e-300, maxAbs(g));
        for (int i = 0; i < k; i++) {
          step[i] = g[i] * scale * 0.1;
        }
      }
      double lambda = 1;
      boolean improved = false;
      double[] trial = new double[k];
      for (int half = 0; half < 40; half++) {
        for (int i = 0; i < k; i++) {
          trial[i] = phi[i] + lambda * step[i];
        }
        double v = tracker.value(trial);
        if (v >= value - 1e-12 * Math.abs(value)) {
          improved = true;
          break;
        }
        lambda /= 2;
      }
      iterations++;
      if (!improved) {
        break;
      }
      double previous = value;
      double moved = lambda * maxAbs(step);
      phi = trial.clone();
      value = tracker.gradient(phi, g);
      // Converged to the resolution of the objective: finite-difference gradients never fall
      // below their noise (about 1e-6 here), so without an analytic gradient stop once a Newton
      // step changes the log-likelihood by less than 1e-12 of itself; with one, stop when the
      // point no longer moves.
      boolean flat = Math.abs(value - previous) <= 1e-12 * Math.abs(value);
      if (moved < 1e-12 || (flat && !objective.hasGradient())) {
        break;
      }
    }
    if (!allFinite(phi) || !Double.isFinite(value) || !(maxAbs(g) / n <= GRADIENT_TOLERANCE)) {
      throw new FitFailedException(
          model
              + " fit did not converge: largest gradient component of the mean log-likelihood "
              + maxAbs(g) / n
              + " exceeds "
              + GRADIENT_TOLERANCE,
          iterations,
          exp(phi),
          g);
    }
    info = observedInformation(tracker, phi, g);
    double[][] cov = invert(info);
    return new ParameterEstimates(
        model, names, exp(phi), cov, value, n, iterations, tracker.evaluations, g, optimizer);
  }

  /** Returns -H by central differences of the gradient (analytic or numerical). */
  private static double[][] observedInformation(Tracker tracker, double[] phi, double[] g) {
    int k = phi.length;
    double h = tracker.objective.hasGradient() ? 1e-5 : 1e-3;
    double[][] info = new double[k][k];
    double[] gp = new double[k];
    double[] gm = new double[k];
    double[] p = phi.clone();
    for (int j = 0; j < k; j++) {
      p[j] = phi[j] + h;
      tracker.gradient(p, gp);
      p[j] = phi[j] - h;
      tracker.gradient(p, gm);
      p[j] = phi[j];
      for (int i = 0; i < k; i++) {
        info[i][j] = -(gp[i] - gm[i]) / (2 * h);
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        double s = (info[i][j] + info[j][i]) / 2;
        info[i][j] = s;
        info[j][i] = s;
      }
    }
    return info;
  }

  private static double[] solve(double[][] info, double[] g) {
    try {
      RealMatrix m = MatrixUtils.createRealMatrix(info);
      return new CholeskyDecomposition(m, 1e-14, 1e-12)
          .getSolver()
          .solve(MatrixUtils.createRealVector(g))
          .toArray();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static double[][] invert(double[][] info) {
    int k = info.length;
    try {
      RealMatrix m = MatrixUtils.createRealMatrix(info);
      return new CholeskyDecomposition(m, 1e-14, 1e-12).getSolver().getInverse().getData();
    } catch (RuntimeException e) {
      double[][] nan = new double[k][k];
      for (double[] row : nan) {
        java.util.Arrays.fill(row, Double.NaN);
      }
      return nan;
    }
  }

  static double[] exp(double[] phi) {
    double[] t = new double[phi.length];
    for (int i = 0; i < phi.length; i++) {
      t[i] = Math.exp(phi[i]);
    }
    return t;
  }

  static double maxAbs(double[] g) {
    double m = 0;
    for (double v : g) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static boolean allFinite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  /** Wraps the objective: counts evaluations, remembers the best point, supplies gradients. */
  private static final class Tracker {
    final Objective objective;
    final int n;
    final double[] scratch;
    double[] bestPhi;
    double bestValue = Double.NEGATIVE_INFINITY;
    int evaluations;

    Tracker(Objective objective, int n, int k) {
      this.objective = objective;
      this.n = n;
      this.scratch = new double[k];
    }

    void consider(double[] phi) {
      value(phi);
    }

    double value(double[] phi) {
      evaluations++;
      double v = guard(phi) ? objective.value(phi, null) : Double.NaN;
      remember(phi, v);
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private void remember(double[] phi, double v) {
      if (v > bestValue) {
        bestValue = v;
        bestPhi = phi.clone();
      }
    }

    /** Returns the value and writes the gradient (analytic, or central differences). */
    double gradient(double[] phi, double[] g) {
      if (objective.hasGradient()) {
        evaluations++;
        double v = guard(phi) ? objective.value(phi, g) : Double.NaN;
        remember(phi, v);
        return v;
      }
      double v = value(phi);
      double h = 1e-4;
      double[] p = phi.clone();
      for (int i = 0; i < phi.length; i++) {
        p[i] = phi[i] + h;
        double up = value(p);
        p[i] = phi[i] - h;
        double down = value(p);
        p[i] = phi[i];
        g[i] = (up - down) / (2 * h);
      }
      return v;
    }

    /** Keeps log-parameters where exp() stays finite and positive. */
    private static boolean guard(double[] phi) {
      for (double p : phi) {
        if (!(Math.abs(p) < 300)) {
          return false;
        }
      }
      return true;
    }

    double negativeMean(double[] phi) {
      double v = value(phi);
      // Hipparchus' line search needs finite values; a huge value fences off undefined regions.
      return Double.isFinite(v) ? -v / n : Double.MAX_VALUE / 4;
    }

    double[] negativeMeanGradient(double[] phi) {
      double v = gradient(phi, scratch);
      double[] out = new double[scratch.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = Double.isFinite(v) && Double.isFinite(scratch[i]) ? -scratch[i] / n : 0;
      }
      return out;
    }
  }
}
