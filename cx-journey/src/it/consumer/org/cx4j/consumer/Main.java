package org.cx4j.consumer;

import java.util.Locale;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.MarkovAttribution.MarkovResult;
import org.cx4j.journey.attribution.MarkovAttribution.Solver;
import org.cx4j.journey.attribution.PathData;

/** Solves one Markov chain with dense LU and sparse LU: cx-journey's shaded Hipparchus and EJML. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // start -> a (always); a -> b or null (1/2 each); b -> conversion.
    PathData paths = PathData.builder().add("a > b", 1, 1.0, 0).add("a", 0, 0.0, 1).build();
    MarkovResult dense = MarkovAttribution.fit(paths, 1, Solver.DENSE_LU);
    MarkovResult sparse = MarkovAttribution.fit(paths, 1, Solver.SPARSE_LU);
    System.out.printf(
        Locale.ROOT,
        "dense=%.4f sparse=%.4f a=%.4f b=%.4f module=%s%n",
        dense.conversionProbability(),
        sparse.conversionProbability(),
        sparse.removalEffect("a"),
        sparse.removalEffect("b"),
        MarkovAttribution.class.getModule().getName());
  }
}
