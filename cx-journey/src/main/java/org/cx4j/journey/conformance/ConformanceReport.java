package org.cx4j.journey.conformance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cx4j.journey.rebuild.Journeys;

/**
 * Conformance of many journeys to a designed journey: the share that follow the design, the mean
 * fitness, the most common deviations (counted in journeys), and the stages where journeys first
 * leave the designed path. Empty reports have {@code NaN} shares. Immutable.
 */
public final class ConformanceReport {

  /**
   * A deviation with the number of journeys showing it (each journey counts once per deviation).
   *
   * @param deviation the deviation
   * @param journeys the number of journeys with it
   */
  public record Count(Deviation deviation, long journeys) {
    @Override
    public String toString() {
      return deviation + " x" + journeys;
    }
  }

  private final long journeys;
  private final long conforming;
  private final double fitnessSum;
  private final ImmutableList<Count> deviations;
  private final ImmutableMap<String, Long> leftAtStage;

  private ConformanceReport(
      long journeys,
      long conforming,
      double fitnessSum,
      List<Count> deviations,
      Map<String, Long> leftAtStage) {
    this.journeys = journeys;
    this.conforming = conforming;
    this.fitnessSum = fitnessSum;
    this.deviations = ImmutableList.copyOf(deviations);
    this.leftAtStage = ImmutableMap.copyOf(leftAtStage);
  }

  /** Returns the number of journeys checked. */
  public long journeys() {
    return journeys;
  }

  /** Returns the number of journeys that follow the design exactly. */
  public long conforming() {
    return conforming;
  }

  /** Returns {@code conforming / journeys}; {@code NaN} when empty. */
  public double conformingShare() {
    return journeys == 0 ? Double.NaN : (double) conforming / journeys;
  }

  /** Returns the mean fitness; {@code NaN} when empty. */
  public double meanFitness() {
    return journeys == 0 ? Double.NaN : fitnessSum / journeys;
  }

  /** Returns the deviations, most common first (ties by kind, then touchpoint). */
  public List<Count> deviations() {
    return deviations;
  }

  /** Returns, per stage, how many journeys first left the designed path there; most first. */
  public Map<String, Long> leftAtStage() {
    return leftAtStage;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "ConformanceReport[%d journeys, %.1f%% conform, mean fitness %.3f, left at %s",
                journeys, 100 * conformingShare(), meanFitness(), leftAtStage));
    for (int i = 0; i < Math.min(10, deviations.size()); i++) {
      sb.append("\n  ").append(deviations.get(i));
    }
    return sb.append(']').toString();
  }

  /**
   * Accumulates journey conformance. Single-threaded; merges exactly (fitness sum up to rounding).
   */
  public static final class Accumulator {
    private final ConformanceChecker checker;
    private long journeys;
    private long conforming;
    private double fitnessSum;
    private final Map<Deviation, long[]> deviations = new HashMap<>();
    private final Map<String, long[]> leftAt = new HashMap<>();

    Accumulator(ConformanceChecker checker) {
      this.checker = checker;
    }

    /** Adds every journey. */
    public Accumulator addAll(Journeys js) {
      int[] pos = checker.positions(js);
      for (int j = 0; j < js.journeyCount(); j++) {
        add(checker.check(js, j, pos));
      }
      return this;
    }

    /** Adds one journey's conformance. */
    public Accumulator add(JourneyConformance c) {
      Objects.requireNonNull(c, "conformance");
      journeys++;
      conforming += c.conforms() ? 1 : 0;
      fitnessSum += c.fitness();
      Set<Deviation> ds = new LinkedHashSet<>();
      c.skipped().forEach(t -> ds.add(new Deviation(Deviation.Kind.SKIPPED, t)));
      c.outOfOrder().forEach(t -> ds.add(new Deviation(Deviation.Kind.OUT_OF_ORDER, t)));
      c.unexpected().forEach(t -> ds.add(new Deviation(Deviation.Kind.UNEXPECTED, t)));
      for (Deviation d : ds) {
        deviations.computeIfAbsent(d, k -> new long[1])[0]++;
      }
      if (c.leftAtStage() != null) {
        leftAt.computeIfAbsent(c.leftAtStage(), k -> new long[1])[0]++;
      }
      return this;
    }

    /** Adds everything {@code other} accumulated. */
    public Accumulator merge(Accumulator other) {
      journeys += other.journeys;
      conforming += other.conforming;
      fitnessSum += other.fitnessSum;
      other.deviations.forEach(
          (k, v) -> deviations.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
      other.leftAt.forEach((k, v) -> leftAt.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
      return this;
    }

    /** Returns the report so far. */
    public ConformanceReport result() {
      List<Count> counts = new ArrayList<>();
      deviations.forEach((k, v) -> counts.add(new Count(k, v[0])));
      counts.sort(
          Comparator.comparingLong(Count::journeys)
              .reversed()
              .thenComparing(c -> c.deviation().kind())
              .thenComparing(c -> c.deviation().touchpointId()));
      List<Map.Entry<String, long[]>> stages = new ArrayList<>(leftAt.entrySet());
      stages.sort(
          Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
              .thenComparing(Map.Entry::getKey));
      Map<String, Long> m = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : stages) {
        m.put(e.getKey(), e.getValue()[0]);
      }
      return new ConformanceReport(journeys, conforming, fitnessSum, counts, m);
    }
  }
}
