package org.cx4j.journey.funnel;

/**
 * The difference in conversion to a step between two breakdown groups, with the p-value of a
 * two-sample proportion test.
 *
 * @param groupA the first group's name
 * @param groupB the second group's name
 * @param step the step index (0-based) whose conversion from the first step is compared
 * @param convertedA units of A that reached the step
 * @param enteredA units of A that entered the funnel
 * @param convertedB units of B that reached the step
 * @param enteredB units of B that entered the funnel
 * @param pValue the test's two-sided p-value
 */
public record ConversionComparison(
    String groupA,
    String groupB,
    int step,
    long convertedA,
    long enteredA,
    long convertedB,
    long enteredB,
    double pValue) {

  /** Returns the conversion of A, {@code convertedA / enteredA} ({@code NaN} if none entered). */
  public double conversionA() {
    return enteredA == 0 ? Double.NaN : (double) convertedA / enteredA;
  }

  /** Returns the conversion of B, {@code convertedB / enteredB} ({@code NaN} if none entered). */
  public double conversionB() {
    return enteredB == 0 ? Double.NaN : (double) convertedB / enteredB;
  }

  /** Returns {@code conversionA() - conversionB()}. */
  public double difference() {
    return conversionA() - conversionB();
  }

  @Override
  public String toString() {
    return String.format(
        "%s %d/%d (%.1f%%) vs %s %d/%d (%.1f%%) at step %d: difference %.1f points, p = %.4g",
        groupA,
        convertedA,
        enteredA,
        100 * conversionA(),
        groupB,
        convertedB,
        enteredB,
        100 * conversionB(),
        step,
        100 * difference(),
        pValue);
  }
}
