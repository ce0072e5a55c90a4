package org.cx4j.metrics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimiser's failure modes and its standard errors. */
class MaximumLikelihoodTest {

  @Test
  void unboundedLikelihoodIsReportedNotPresented() {
    // ln L = phi_0 + phi_1 grows without bound: no maximum exists.
    MaximumLikelihood.Objective unbounded =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] g) {
            if (g != null) {
              g[0] = 1;
              g[1] = 1;
            }
            return phi[0] + phi[1];
          }

          @Override
          public boolean hasGradient() {
            return true;
          }
        };
    FitFailedException e =
        assertThrows(
            FitFailedException.class,
            () ->
                MaximumLikelihood.maximize("test", List.of("u", "v"), unbounded, new double[2], 1));
    assertTrue(e.iterations() > 0);
    assertEquals(2, e.gradient().length);
    assertTrue(e.getMessage().contains("gradient"), e.getMessage());
  }

  @Test
  void nanEverywhereIsReported() {
    MaximumLikelihood.Objective nan =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] g) {
            return Double.NaN;
          }

          @Override
          public boolean hasGradient() {
            return false;
          }
        };
    assertThrows(
        FitFailedException.class,
        () -> MaximumLikelihood.maximize("test", List.of("u", "v"), nan, new double[2], 1));
  }

  @Test
  void quadraticHasKnownMaximumAndCovariance() {
    // ln L = -(phi - m)' A (phi - m) / 2 with A = [[4, 1], [1, 2]]: maximum at m, covariance
    // A^-1 = [[2, -1], [-1, 4]] / 7.
    double[] mu = {Math.log(3), Math.log(0.5)};
    MaximumLikelihood.Objective q =
        new MaximumLikelihood.Objective() {
          @Override
          public double value(double[] phi, double[] g) {
            double d0 = phi[0] - mu[0];
            double d1 = phi[1] - mu[1];
            if (g != null) {
              g[0] = -(4 * d0 + d1);
              g[1] = -(d0 + 2 * d1);
            }
            return -(4 * d0 * d0 + 2 * d0 * d1 + 2 * d1 * d1) / 2;
          }

          @Override
          public boolean hasGradient() {
            return true;
          }
        };
    ParameterEstimates e =
        MaximumLikelihood.maximize("test", List.of("u", "v"), q, new double[2], 1);
    assertEquals(3, e.estimate("u"), 1e-9);
    assertEquals(0.5, e.estimate("v"), 1e-9);
    double[][] c = e.logParameterCovariance();
    assertEquals(2 / 7.0, c[0][0], 1e-8);
    assertEquals(-1 / 7.0, c[0][1], 1e-8);
    assertEquals(4 / 7.0, c[1][1], 1e-8);
    // Natural scale by the delta method: se(theta) = theta se(phi).
    assertEquals(3 * Math.sqrt(2 / 7.0), e.standardError("u"), 1e-8);
    assertThrows(IllegalArgumentException.class, () -> e.estimate("w"));
    // Delta method for g = u v^2 = exp(phi_0 + 2 phi_1): ln g is linear in phi, so the variance
    // is exact: (1, 2) Sigma (1, 2)' = (2 - 4 + 16) / 7 = 2.
    double var =
        DeltaMethod.logVariance(
            phi -> Math.exp(phi[0] + 2 * phi[1]), e.estimates(), e.logParameterCovariance());
    assertEquals(2, var, 1e-7);
  }
}
