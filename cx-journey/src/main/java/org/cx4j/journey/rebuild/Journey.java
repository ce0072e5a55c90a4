package org.cx4j.journey.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * One rebuilt journey: a view over the columns of its {@link Journeys}, made on demand. Its events
 * are ordered by time (arrival order on ties). Immutable.
 */
public final class Journey {

  private final Journeys journeys;
  private final int index;
  private final int from;
  private final int to;

  Journey(Journeys journeys, int index) {
    this.journeys = journeys;
    this.index = index;
    this.from = journeys.eventStart(index);
    this.to = journeys.eventEnd(index);
  }

  /** Returns this journey's index in its {@link Journeys}. */
  public int index() {
    return index;
  }

  /** Returns the customer. */
  public CustomerId customer() {
    return journeys.customers().get(journeys.customerCode(from));
  }

  /** Returns the number of events (at least 1). */
  public int size() {
    return to - from;
  }

  /**
   * Returns the touchpoint of the {@code k}-th event. @throws IndexOutOfBoundsException if out of
   * range
   */
  public Touchpoint touchpoint(int k) {
    return journeys
        .dictionary()
        .touchpoint(journeys.touchpointCode(from + java.util.Objects.checkIndex(k, size())));
  }

  /**
   * Returns the time of the {@code k}-th event. @throws IndexOutOfBoundsException if out of range
   */
  public Instant timestamp(int k) {
    return Instant.ofEpochMilli(
        journeys.epochMillis(from + java.util.Objects.checkIndex(k, size())));
  }

  /** Returns the touchpoints in order, repeats included. */
  public List<Touchpoint> touchpoints() {
    List<Touchpoint> l = new ArrayList<>(size());
    for (int e = from; e < to; e++) {
      l.add(journeys.dictionary().touchpoint(journeys.touchpointCode(e)));
    }
    return List.copyOf(l);
  }

  /** Returns the touchpoint ids in order, repeats included: the journey's path. */
  public List<String> path() {
    List<String> l = new ArrayList<>(size());
    for (int e = from; e < to; e++) {
      l.add(journeys.dictionary().touchpoint(journeys.touchpointCode(e)).id());
    }
    return List.copyOf(l);
  }

  /** Returns the stages reached, distinct, in the order first reached. */
  public Set<JourneyStage> stages() {
    Set<JourneyStage> s = new LinkedHashSet<>();
    for (int e = from; e < to; e++) {
      s.add(journeys.dictionary().touchpoint(journeys.touchpointCode(e)).stage());
    }
    return java.util.Collections.unmodifiableSet(s);
  }

  /** Returns the channels used, distinct, in the order first used. */
  public Set<Channel> channels() {
    Set<Channel> s = new LinkedHashSet<>();
    for (int e = from; e < to; e++) {
      s.add(journeys.dictionary().touchpoint(journeys.touchpointCode(e)).channel());
    }
    return java.util.Collections.unmodifiableSet(s);
  }

  /** Returns the time of the first event. */
  public Instant start() {
    return Instant.ofEpochMilli(journeys.epochMillis(from));
  }

  /** Returns the time of the last event. */
  public Instant end() {
    return Instant.ofEpochMilli(journeys.epochMillis(to - 1));
  }

  /** Returns {@code end() - start()}; zero for a one-event journey. */
  public Duration duration() {
    return Duration.ofMillis(journeys.epochMillis(to - 1) - journeys.epochMillis(from));
  }

  /** Returns the journey's outcome: the last outcome carried by any of its events, if any. */
  public Optional<Outcome> outcome() {
    for (int e = to - 1; e >= from; e--) {
      int o = journeys.outcomeCode(e);
      if (o >= 0) {
        return Optional.of(journeys.outcomes().get(o));
      }
    }
    return Optional.empty();
  }

  /** Returns the events as interaction objects, with the attributes the log kept. */
  public List<Interaction> interactions() {
    List<Interaction> l = new ArrayList<>(size());
    CustomerId c = customer();
    List<String> names = journeys.log().attributeNames();
    for (int e = from; e < to; e++) {
      int o = journeys.outcomeCode(e);
      Map<String, String> attrs = new java.util.TreeMap<>();
      for (int a = 0; a < names.size(); a++) {
        String v = journeys.attributeValue(a, e);
        if (v != null) {
          attrs.put(names.get(a), v);
        }
      }
      l.add(
          new Interaction(
              c,
              journeys.dictionary().touchpoint(journeys.touchpointCode(e)),
              Instant.ofEpochMilli(journeys.epochMillis(e)),
              o < 0 ? null : journeys.outcomes().get(o),
              null,
              attrs));
    }
    return List.copyOf(l);
  }

  /**
   * Returns the survey responses of this journey's customer given during it: timestamp in {@code
   * [start, end + grace]} (see {@link Journeys#withFeedback}); empty when no feedback was joined.
   */
  public List<SurveyResponse> feedback() {
    return journeys.feedback(customer(), journeys.epochMillis(from), journeys.epochMillis(to - 1));
  }

  @Override
  public String toString() {
    return "Journey["
        + customer()
        + " "
        + start()
        + " +"
        + duration()
        + ": "
        + String.join(" > ", path())
        + outcome().map(o -> " -> " + o).orElse("")
        + "]";
  }
}
