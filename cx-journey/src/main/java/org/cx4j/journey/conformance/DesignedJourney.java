package org.cx4j.journey.conformance;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cx4j.core.touchpoint.JourneyStage;

/**
 * A designed journey: the journey map a CX team draws. Ordered stages, the touchpoints expected in
 * each (in order), each step required or optional, and target durations per stage and per step. A
 * touchpoint appears at most once in a design.
 *
 * <p>Immutable; built with {@link #builder()}:
 *
 * <pre>{@code
 * DesignedJourney d = DesignedJourney.builder()
 *     .stage(JourneyStage.CONSIDERATION, Duration.ofMinutes(10))
 *       .required("home").optional("compare").required("product")
 *     .stage(JourneyStage.PURCHASE, Duration.ofMinutes(5))
 *       .required("cart").required("checkout", Duration.ofMinutes(2))
 *     .build();
 * }</pre>
 */
public final class DesignedJourney {

  /**
   * One designed step.
   *
   * @param touchpointId the expected touchpoint
   * @param stage the stage it belongs to in the design
   * @param required whether a journey must visit it to follow the design
   * @param target the target time spent at the step (until the next event), or null
   */
  public record Step(String touchpointId, JourneyStage stage, boolean required, Duration target) {
    /** Validates. @throws IllegalArgumentException if the id is blank or the target not positive */
    public Step {
      Objects.requireNonNull(touchpointId, "touchpointId");
      checkArgument(!touchpointId.isBlank(), "touchpoint id of a designed step must not be blank");
      Objects.requireNonNull(stage, "stage");
      checkArgument(
          target == null || (!target.isNegative() && !target.isZero()),
          "target of step %s must be positive, got %s",
          touchpointId,
          target);
    }
  }

  /**
   * One designed stage.
   *
   * @param stage the stage
   * @param steps its steps in order
   * @param target the target time spent in the stage per event (from an event at one of its
   *     touchpoints to the journey's next event), or null
   */
  public record Stage(JourneyStage stage, List<Step> steps, Duration target) {
    /** Copies the steps. */
    public Stage {
      Objects.requireNonNull(stage, "stage");
      steps = List.copyOf(steps);
    }
  }

  private final ImmutableList<Stage> stages;
  private final ImmutableList<Step> steps;
  private final Map<String, Integer> position;

  private DesignedJourney(List<Stage> stages) {
    this.stages = ImmutableList.copyOf(stages);
    List<Step> all = new ArrayList<>();
    Map<String, Integer> pos = new HashMap<>();
    for (Stage s : stages) {
      for (Step st : s.steps()) {
        Integer prev = pos.put(st.touchpointId(), all.size());
        checkArgument(
            prev == null,
            "touchpoint '%s' appears twice in the designed journey",
            st.touchpointId());
        all.add(st);
      }
    }
    this.steps = ImmutableList.copyOf(all);
    this.position = Map.copyOf(pos);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the stages in order. */
  public List<Stage> stages() {
    return stages;
  }

  /** Returns every step, in designed order. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Returns the designed position (0-based over all steps) of {@code touchpointId}, or -1 if not
   * designed.
   */
  public int position(String touchpointId) {
    Integer p = position.get(Objects.requireNonNull(touchpointId, "touchpointId"));
    return p == null ? -1 : p;
  }

  /** Returns the designed step of {@code touchpointId}, if any. */
  public Optional<Step> step(String touchpointId) {
    int p = position(touchpointId);
    return p < 0 ? Optional.empty() : Optional.of(steps.get(p));
  }

  /** Returns the number of required steps. */
  public int requiredSteps() {
    int r = 0;
    for (Step s : steps) {
      r += s.required() ? 1 : 0;
    }
    return r;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DesignedJourney[");
    for (Stage s : stages) {
      sb.append("\n  ").append(s.stage());
      if (s.target() != null) {
        sb.append(" (target ").append(s.target()).append(')');
      }
      sb.append(':');
      for (Step st : s.steps()) {
        sb.append(' ').append(st.touchpointId()).append(st.required() ? "" : "?");
      }
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link DesignedJourney}; steps go to the stage most recently started. */
  public static final class Builder {
    private final List<Stage> stages = new ArrayList<>();
    private JourneyStage current;
    private Duration currentTarget;
    private List<Step> currentSteps;

    Builder() {}

    /** Starts a stage without a target duration. */
    public Builder stage(JourneyStage stage) {
      return stage(stage, null);
    }

    /**
     * Starts a stage with a target duration (null for none).
     *
     * @throws IllegalArgumentException if the target is zero or negative, or the stage repeats
     */
    public Builder stage(JourneyStage stage, Duration target) {
      Objects.requireNonNull(stage, "stage");
      checkArgument(
          target == null || (!target.isNegative() && !target.isZero()),
          "target of stage %s must be positive, got %s",
          stage,
          target);
      flush();
      for (Stage s : stages) {
        checkArgument(
            !s.stage().equals(stage), "stage %s appears twice in the designed journey", stage);
      }
      current = stage;
      currentTarget = target;
      currentSteps = new ArrayList<>();
      return this;
    }

    /** Adds a required step. @throws IllegalStateException before the first stage */
    public Builder required(String touchpointId) {
      return add(touchpointId, true, null);
    }

    /** Adds a required step with a target time spent. */
    public Builder required(String touchpointId, Duration target) {
      return add(touchpointId, true, target);
    }

    /** Adds an optional step. @throws IllegalStateException before the first stage */
    public Builder optional(String touchpointId) {
      return add(touchpointId, false, null);
    }

    /** Adds an optional step with a target time spent. */
    public Builder optional(String touchpointId, Duration target) {
      return add(touchpointId, false, target);
    }

    private Builder add(String id, boolean required, Duration target) {
      if (current == null) {
        throw new IllegalStateException("start a stage before adding step '" + id + "'");
      }
      currentSteps.add(new Step(id, current, required, target));
      return this;
    }

    private void flush() {
      if (current != null) {
        stages.add(new Stage(current, currentSteps, currentTarget));
      }
    }

    /**
     * Returns the design.
     *
     * @throws IllegalArgumentException if it has no steps or a touchpoint appears twice
     */
    public DesignedJourney build() {
      flush();
      current = null;
      List<Stage> copy = List.copyOf(stages);
      stages.clear();
      int n = 0;
      for (Stage s : copy) {
        n += s.steps().size();
      }
      checkArgument(n > 0, "a designed journey needs at least one step, got none");
      return new DesignedJourney(copy);
    }
  }
}
