package org.cx4j.metrics.driver;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The regression quantities of a key driver analysis computed from correlations alone: the drivers'
 * correlation matrix {@code R} and their correlations {@code r} with the outcome.
 *
 * <p>Everything here depends on the data only through {@code (R, r)}, which is why the bootstrap
 * and large data sets cost one correlation pass each and nothing per subset.
 */
final class RSquaredDecomposition {

  /**
   * A pivot {@code d} of the incremental Cholesky factor below this (relative to the diagonal,
   * which is 1 for a correlation matrix) means the driver is a linear combination of the drivers
   * before it: 1e-10 is far above rounding error of a correlation pass and far below any real
   * partial variance.
   */
  static final double COLLINEAR = 1e-10;

  /** The most drivers for which Shapley values are computed exactly (2^20 subsets). */
  static final int MAX_SHAPLEY_DRIVERS = 20;

  final double rSquared;
  final double[] beta;
  final double[] relativeWeight;
  final double[] shapley;

  private RSquaredDecomposition(
      double rSquared, double[] beta, double[] relativeWeight, double[] shapley) {
    this.rSquared = rSquared;
    this.beta = beta;
    this.relativeWeight = relativeWeight;
    this.shapley = shapley;
  }

  /**
   * Decomposes R-squared.
   *
   * @param rxx the drivers' correlation matrix, p x p, unit diagonal
   * @param rxy the drivers' correlations with the outcome
   * @param names driver names, for error messages
   * @throws IllegalArgumentException if {@code rxx} is not positive definite, naming the first
   *     driver that is (numerically) a linear combination of those before it
   */
  static RSquaredDecomposition of(double[][] rxx, double[] rxy, List<String> names) {
    int p = rxy.length;
    if (p > MAX_SHAPLEY_DRIVERS) {
      throw new IllegalArgumentException(
          "Shapley regression is exact over all 2^p subsets and supports at most "
              + MAX_SHAPLEY_DRIVERS
              + " drivers, got "
              + p);
    }
    double[] r2 = allSubsetRSquared(rxx, rxy, names);
    double rSquared = r2[(1 << p) - 1];
    double[] beta = standardizedCoefficients(rxx, rxy);
    return new RSquaredDecomposition(rSquared, beta, relativeWeights(rxx, rxy), shapley(r2, p));
  }

  /**
   * Returns R-squared of every subset of drivers, indexed by bit mask.
   *
   * <p>Depth-first over subsets in increasing index order, so each subset extends its parent by one
   * driver appended last: the Cholesky factor of the parent gains one row ({@code z = L^-1 R[S,
   * j]}, pivot {@code d = 1 - z.z}) and R-squared gains {@code w^2} with {@code w = (r_j - z.w_S) /
   * sqrt(d)}, the classical forward-selection update. Cost {@code O(2^p p^2 / 4)}.
   */
  static double[] allSubsetRSquared(double[][] rxx, double[] rxy, List<String> names) {
    int p = rxy.length;
    double[] r2 = new double[1 << p];
    double[][] lower = new double[p][p]; // rows of the Cholesky factor of the current chain
    double[] w = new double[p]; // L^-1 r of the current chain
    int[] chain = new int[p];
    extend(rxx, rxy, names, r2, lower, w, chain, 0, 0, 0.0, 0);
    return r2;
  }

  private static void extend(
      double[][] rxx,
      double[] rxy,
      List<String> names,
      double[] r2,
      double[][] lower,
      double[] w,
      int[] chain,
      int depth,
      int mask,
      double rSquared,
      int from) {
    int p = rxy.length;
    for (int j = from; j < p; j++) {
      double[] row = lower[depth];
      double zw = 0;
      double zz = 0;
      for (int a = 0; a < depth; a++) {
        double s = rxx[chain[a]][j];
        double[] la = lower[a];
        for (int b = 0; b < a; b++) {
          s -= la[b] * row[b];
        }
        double z = s / la[a];
        row[a] = z;
        zz += z * z;
        zw += z * w[a];
      }
      double d = rxx[j][j] - zz;
      if (d <= COLLINEAR * rxx[j][j]) {
        StringBuilder with = new StringBuilder();
        for (int a = 0; a < depth; a++) {
          with.append(a == 0 ? "" : ", ").append(names.get(chain[a]));
        }
        throw new IllegalArgumentException(
            "driver '"
                + names.get(j)
                + "' is (numerically) a linear combination of "
                + (depth == 0 ? "nothing: it is constant" : "[" + with + "]")
                + "; the drivers' correlation matrix is not positive definite"
                + " (residual variance "
                + d
                + "). Drop one of them"
                + " (with pairwise deletion, a matrix that is not positive definite can also"
                + " come from mixing subsamples: use listwise deletion)");
      }
      double sd = Math.sqrt(d);
      row[depth] = sd;
      double wj = (rxy[j] - zw) / sd;
      w[depth] = wj;
      chain[depth] = j;
      int m = mask | (1 << j);
      double r2m = rSquared + wj * wj;
      r2[m] = r2m;
      extend(rxx, rxy, names, r2, lower, w, chain, depth + 1, m, r2m, j + 1);
    }
  }

  /**
   * Returns the Shapley value of each driver in the R-squared game (Lindeman, Merenda and Gold
   * 1980; Grömping 2006): {@code phi_j = sum over S not containing j of |S|! (p-|S|-1)! / p! *
   * (R2(S + j) - R2(S))}.
   */
  static double[] shapley(double[] r2, int p) {
    double[] weight = new double[p];
    // weight[s] = s! (p-s-1)! / p! = 1 / (p * C(p-1, s)), computed without factorials.
    for (int s = 0; s < p; s++) {
      double c = 1;
      for (int i = 1; i <= s; i++) {
        c = c * (p - 1 - s + i) / i;
      }
      weight[s] = 1.0 / (p * c);
    }
    double[] phi = new double[p];
    int full = 1 << p;
    for (int mask = 0; mask < full; mask++) {
      int size = Integer.bitCount(mask);
      if (size == p) {
        continue;
      }
      double base = r2[mask];
      double ws = weight[size];
      for (int j = 0; j < p; j++) {
        if ((mask & (1 << j)) == 0) {
          phi[j] += ws * (r2[mask | (1 << j)] - base);
        }
      }
    }
    return phi;
  }

  /** Returns {@code beta = R^-1 r} (R is positive definite, checked by the caller). */
  static double[] standardizedCoefficients(double[][] rxx, double[] rxy) {
    return new CholeskyDecomposition(new Array2DRowRealMatrix(rxx, true))
        .getSolver()
        .solve(new ArrayRealVector(rxy, true))
        .toArray();
  }

  /**
   * Returns Johnson's (2000) relative weights: with {@code R = Q diag(lambda) Q'} and {@code Lambda
   * = R^(1/2) = Q diag(sqrt lambda) Q'}, the outcome is regressed on the orthogonal counterparts of
   * the drivers, {@code beta* = Lambda^-1 r}, and driver j receives {@code eps_j = sum_k
   * Lambda_jk^2 beta*_k^2}. They sum to R-squared because {@code sum_j Lambda_jk^2 = R_kk = 1}.
   * (Johnson, J. W. (2000). A heuristic method for estimating the relative weight of predictor
   * variables in multiple regression. Multivariate Behavioral Research 35(1), 1-19.)
   */
  static double[] relativeWeights(double[][] rxx, double[] rxy) {
    int p = rxy.length;
    RealMatrix r = new Array2DRowRealMatrix(rxx, true);
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(r);
    double[] lambda = eig.getEigenvalues();
    RealMatrix q = eig.getV();
    double[][] half = new double[p][p];
    double[][] invHalf = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double h = 0;
        double ih = 0;
        for (int k = 0; k < p; k++) {
          double qq = q.getEntry(i, k) * q.getEntry(j, k);
          double sl = Math.sqrt(Math.max(lambda[k], 0));
          h += qq * sl;
          ih += qq / sl;
        }
        half[i][j] = h;
        invHalf[i][j] = ih;
      }
    }
    double[] betaStar = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += invHalf[i][k] * rxy[k];
      }
      betaStar[i] = s;
    }
    double[] eps = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += half[j][k] * half[j][k] * betaStar[k] * betaStar[k];
      }
      eps[j] = s;
    }
    return eps;
  }
}
