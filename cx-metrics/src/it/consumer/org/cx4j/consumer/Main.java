package org.cx4j.consumer;

import org.cx4j.metrics.clv.SbgModel;

/** Fits the shifted beta-geometric model, whose optimizer is cx-metrics' shaded Hipparchus. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Fader & Hardie (2007), "How to Project Customer Retention", high-end customers, years 0-7.
    SbgModel.Fit fit = SbgModel.fitSurvivors(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
    System.out.printf(
        java.util.Locale.ROOT,
        "alpha=%.3f beta=%.3f module=%s%n",
        fit.model().alpha(),
        fit.model().beta(),
        SbgModel.class.getModule().getName());
  }
}
