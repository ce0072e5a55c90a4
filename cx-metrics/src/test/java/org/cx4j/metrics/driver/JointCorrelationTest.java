package org.cx4j.metrics.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: a joint correlation matrix that is not positive semi-definite is refused. */
class JointCorrelationTest {

  @Test
  void fromCorrelationsRejectsAJointMatrixThatNoDataCanHave() {
    // Two uncorrelated drivers (R_xx = I, positive definite), each correlated 0.8 with the
    // outcome: R² = r' R_xx^-1 r = 0.64 + 0.64 = 1.28 > 1. The joint matrix
    // [[1, 0, .8], [0, 1, .8], [.8, .8, 1]] has eigenvalues 1 and 1 ± 0.8 sqrt(2)
    // (characteristic polynomial (1 - l) [(1 - l)² - 1.28]), the smallest 1 - 1.1314 = -0.1314.
    double[][] rxx = {{1, 0}, {0, 1}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.fromCorrelations(
                    "nps", List.of("wifi", "seat"), rxx, new double[] {0.8, 0.8}));
    assertTrue(e.getMessage().contains("not positive semi-definite"), e.getMessage());
    assertTrue(e.getMessage().contains("-0.131"), e.getMessage());
    assertTrue(e.getMessage().contains("'nps'"), e.getMessage());
    // With 0.6 each: smallest eigenvalue 1 - 0.6 sqrt(2) = 0.151 > 0, R² = 0.36 + 0.36 = 0.72.
    KeyDriverResult ok =
        KeyDriverAnalysis.fromCorrelations(
            "nps", List.of("wifi", "seat"), rxx, new double[] {0.6, 0.6});
    assertEquals(0.72, ok.rSquared(), 1e-12);
  }

  @Test
  void pairwiseDeletionRejectsAJointMatrixThatNoDataCanHave() {
    // Three subsamples, every respondent with an outcome: (x1, y) on rows 0-9 with x1 = y = t;
    // (x2, y) on rows 10-19 with x2 = y = t; rows 20-29 with x1 = t, x2 = -t + small noise and y
    // at its middle value 4.5. Pairwise, corr(x1, x2) comes from rows 20-29 alone (about -0.99)
    // while corr(x1, y) and corr(x2, y) are both clearly positive (about 0.7): the determinant
    // of [[1, -.99, .7], [-.99, 1, .7], [.7, .7, 1]] is (1 - .99²) - 2 (.7)² (1 + .99) < 0, so the
    // joint matrix is not positive semi-definite even though R_xx (2 x 2, |r| < 1) is.
    int n = 30;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i % 10;
      x1[i] = i < 10 || i >= 20 ? t : Double.NaN;
      x2[i] = i >= 10 ? (i < 20 ? t : -t + (i % 3) * 0.3) : Double.NaN;
      y[i] = i < 20 ? t : 4.5;
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KeyDriverAnalysis.builder()
                    .outcome("y", y)
                    .driver("x1", x1)
                    .driver("x2", x2)
                    .missing(MissingRule.PAIRWISE)
                    .run());
    assertTrue(e.getMessage().contains("not positive semi-definite"), e.getMessage());
    assertTrue(e.getMessage().contains("pairwise deletion"), e.getMessage());
  }
}
