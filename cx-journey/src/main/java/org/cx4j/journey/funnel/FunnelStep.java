package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.function.Predicate;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * What an event must be to count as a funnel step (or an exclusion): a touchpoint, any touchpoint
 * of a stage or a channel, or a named predicate on the interaction. Touchpoint, stage and channel
 * steps are compiled to a lookup per touchpoint code; predicate steps build an {@link Interaction}
 * per event and are slower.
 *
 * <p>Two steps are equal when they have the same kind and value (predicates: the same name).
 */
public final class FunnelStep {

  enum Kind {
    TOUCHPOINT,
    STAGE,
    CHANNEL,
    OUTCOME,
    PREDICATE
  }

  private final Kind kind;
  private final String value;
  private final Predicate<Interaction> predicate;

  private FunnelStep(Kind kind, String value, Predicate<Interaction> predicate) {
    this.kind = kind;
    this.value = value;
    this.predicate = predicate;
  }

  /** Returns the step "an event at the touchpoint with id {@code id}". */
  public static FunnelStep touchpoint(String id) {
    Objects.requireNonNull(id, "id");
    checkArgument(!id.isBlank(), "touchpoint id of a funnel step must not be blank");
    return new FunnelStep(Kind.TOUCHPOINT, id.trim(), null);
  }

  /** Returns the step "an event at any touchpoint of {@code stage}". */
  public static FunnelStep stage(JourneyStage stage) {
    return new FunnelStep(Kind.STAGE, Objects.requireNonNull(stage, "stage").name(), null);
  }

  /** Returns the step "an event at any touchpoint of {@code channel}". */
  public static FunnelStep channel(Channel channel) {
    return new FunnelStep(Kind.CHANNEL, Objects.requireNonNull(channel, "channel").name(), null);
  }

  /**
   * Returns the step "an event with outcome {@code outcome}" (labelled with its name), compiled to
   * a lookup per outcome code like the touchpoint steps: the fast way to write a conversion step
   * ({@code matching("converted", i -> CONVERTED.equals(i.outcome()))} makes an interaction per
   * event).
   */
  public static FunnelStep outcome(Outcome outcome) {
    return new FunnelStep(Kind.OUTCOME, Objects.requireNonNull(outcome, "outcome").name(), null);
  }

  /**
   * Returns the step "an interaction for which {@code predicate} holds", labelled {@code name}. The
   * interaction has customer, touchpoint, timestamp and outcome (no attributes).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static FunnelStep matching(String name, Predicate<Interaction> predicate) {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "name of a predicate funnel step must not be blank");
    return new FunnelStep(Kind.PREDICATE, name, Objects.requireNonNull(predicate, "predicate"));
  }

  /** Returns the label used in results: the touchpoint id, stage, channel or predicate name. */
  public String label() {
    return value;
  }

  /** The kind's name, for the funnel's definition bytes. */
  String kindName() {
    return kind.name();
  }

  /** Returns whether this step needs the interaction object (a predicate step). */
  boolean isPredicate() {
    return kind == Kind.PREDICATE;
  }

  /** Returns whether an event with outcome {@code o} (not null) matches this step. */
  boolean matches(Outcome o) {
    return kind == Kind.OUTCOME && o.name().equals(value);
  }

  /**
   * Returns whether this step names one touchpoint (so the name can be checked against a
   * dictionary).
   */
  boolean isTouchpoint() {
    return kind == Kind.TOUCHPOINT;
  }

  boolean matches(Touchpoint t) {
    switch (kind) {
      case TOUCHPOINT:
        return t.id().equals(value);
      case STAGE:
        return t.stage().name().equals(value);
      case CHANNEL:
        return t.channel().name().equals(value);
      default:
        return false;
    }
  }

  boolean test(Interaction i) {
    return predicate.test(i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelStep
        && ((FunnelStep) o).kind == kind
        && ((FunnelStep) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
  }
}
