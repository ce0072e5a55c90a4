package org.cx4j.metrics.driver;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link KeyDriverAnalysis}: R-squared of the model with all drivers and each
 * driver's importance. Immutable.
 *
 * @param outcome the outcome's name
 * @param drivers the drivers' importances, in the order they were given
 * @param rSquared R-squared of the linear model of the outcome on all drivers
 * @param respondents respondents used (under pairwise deletion: with an outcome)
 * @param dropped respondents dropped (no outcome; under listwise deletion also incomplete)
 * @param missingRule the missing-data rule, or {@code null} for an analysis from correlations
 * @param replicates bootstrap replicates requested, 0 for none
 * @param failedReplicates degenerate replicates left out of the intervals
 * @param seed the bootstrap seed
 */
public record KeyDriverResult(
    String outcome,
    List<DriverImportance> drivers,
    double rSquared,
    long respondents,
    long dropped,
    MissingRule missingRule,
    int replicates,
    int failedReplicates,
    long seed) {

  /** Validates and copies. */
  public KeyDriverResult {
    Objects.requireNonNull(outcome, "outcome");
    drivers = List.copyOf(drivers);
  }

  /** Returns the importance of the named driver, if present. */
  public Optional<DriverImportance> driver(String name) {
    Objects.requireNonNull(name, "name");
    for (DriverImportance d : drivers) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Returns the drivers ordered by Shapley value, largest first. */
  public List<DriverImportance> ranked() {
    return drivers.stream()
        .sorted(Comparator.comparingDouble(DriverImportance::shapley).reversed())
        .toList();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "KeyDriverResult[%s, R2=%.4f, n=%d, dropped=%d%s%s]%n",
                outcome,
                rSquared,
                respondents,
                dropped,
                missingRule == null ? "" : ", " + missingRule.name().toLowerCase(Locale.ROOT),
                replicates == 0 ? "" : ", bootstrap " + replicates + " seed " + seed));
    for (DriverImportance d : ranked()) {
      sb.append("  ").append(d).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
