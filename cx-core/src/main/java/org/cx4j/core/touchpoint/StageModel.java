package org.cx4j.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of journey stages: the backbone of a journey map. {@link #DEFAULT} is awareness,
 * consideration, purchase, retention, advocacy; {@link #of(String...)} defines another order.
 *
 * @param stages the stages, first to last; non-empty, no repeats
 */
public record StageModel(List<JourneyStage> stages) {

  /** Awareness, consideration, purchase, retention, advocacy. */
  public static final StageModel DEFAULT =
      new StageModel(
          List.of(
              JourneyStage.AWARENESS,
              JourneyStage.CONSIDERATION,
              JourneyStage.PURCHASE,
              JourneyStage.RETENTION,
              JourneyStage.ADVOCACY));

  /**
   * Validates and copies the stages.
   *
   * @throws IllegalArgumentException if {@code stages} is empty or repeats a stage
   */
  public StageModel {
    stages = List.copyOf(stages);
    checkArgument(!stages.isEmpty(), "a stage model needs at least one stage");
    Map<JourneyStage, Integer> seen = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      Integer prev = seen.put(stages.get(i), i);
      checkArgument(
          prev == null, "stage '%s' appears twice (positions %s and %s)", stages.get(i), prev, i);
    }
  }

  /**
   * Returns a model of the named stages in the given order.
   *
   * @throws IllegalArgumentException if no name is given, a name is blank, or one repeats
   */
  public static StageModel of(String... names) {
    JourneyStage[] s = new JourneyStage[names.length];
    for (int i = 0; i < names.length; i++) {
      s[i] = JourneyStage.of(names[i]);
    }
    return new StageModel(List.of(s));
  }

  /** Returns the number of stages. */
  public int size() {
    return stages.size();
  }

  /** Returns whether {@code stage} belongs to this model. */
  public boolean contains(JourneyStage stage) {
    return stages.contains(Objects.requireNonNull(stage, "stage"));
  }

  /**
   * Returns the zero-based position of {@code stage}.
   *
   * @throws IllegalArgumentException if the stage is not in this model (naming it and the model)
   */
  public int indexOf(JourneyStage stage) {
    int i = stages.indexOf(Objects.requireNonNull(stage, "stage"));
    checkArgument(i >= 0, "stage '%s' is not in the stage model %s", stage, stages);
    return i;
  }

  /**
   * Returns the stage at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public JourneyStage stage(int index) {
    return stages.get(index);
  }

  /** Returns a comparator that orders stages by their position in this model. */
  public Comparator<JourneyStage> comparator() {
    return Comparator.comparingInt(this::indexOf);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (JourneyStage s : stages) {
      sb.append(sb.length() == 0 ? "" : " > ").append(s);
    }
    return sb.toString();
  }
}
