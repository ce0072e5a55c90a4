package org.cx4j.metrics.weighting;

/**
 * Thrown when raking does not reach its margins (and its trimming cap) within the tolerance in the
 * allowed sweeps: the margins may be unreachable (for example a cap too tight for a small category,
 * or structural zeros that make the margins inconsistent). Names the variable and category with the
 * largest error and what they reached.
 */
public final class RakingFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;
  private final String category;
  private final double achieved;
  private final double target;
  private final int iterations;

  RakingFailedException(
      String message,
      String variable,
      String category,
      double achieved,
      double target,
      int iterations) {
    super(message);
    this.variable = variable;
    this.category = category;
    this.achieved = achieved;
    this.target = target;
    this.iterations = iterations;
  }

  /** Returns the variable of the worst margin. */
  public String variable() {
    return variable;
  }

  /** Returns the category of the worst margin. */
  public String category() {
    return category;
  }

  /** Returns the weighted total that category reached. */
  public double achieved() {
    return achieved;
  }

  /** Returns that category's target. */
  public double target() {
    return target;
  }

  /** Returns the sweeps made. */
  public int iterations() {
    return iterations;
  }
}
