package org.cx4j.journey.rebuild;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.TouchpointDictionary;

/**
 * Rebuilt journeys: the events of an {@link InteractionLog} sorted by customer and time, in
 * columns, with the offsets where each journey starts. Journey {@code j} is events {@code
 * [eventStart(j), eventEnd(j))}; the journeys of a customer are contiguous.
 *
 * <p>The per-event accessors ({@link #touchpointCode(int)}, {@link #epochMillis(int)}, ...) are
 * what the analyses use in their hot loops; {@link #journey(int)} and {@link #asList()} make {@link
 * Journey} objects lazily for the API. Immutable and thread-safe.
 */
public final class Journeys {

  private final InteractionLog log;
  private final int[] customer;
  private final long[] millis;
  private final int[] touchpoint;
  private final short[] outcome;
  private final int[] journeyId;
  private final int[] input; // position of each event in the log
  private final int[][] attributes;
  private final int[] offsets;
  private final Map<CustomerId, List<SurveyResponse>> feedback; // sorted by time; null: none
  private final Duration feedbackGrace;

  Journeys(
      InteractionLog log,
      int[] customer,
      long[] millis,
      int[] touchpoint,
      short[] outcome,
      int[] journeyId,
      int[] input,
      int[][] attributes,
      int[] offsets,
      Map<CustomerId, List<SurveyResponse>> feedback) {
    this(
        log,
        customer,
        millis,
        touchpoint,
        outcome,
        journeyId,
        input,
        attributes,
        offsets,
        feedback,
        Duration.ZERO);
  }

  private Journeys(
      InteractionLog log,
      int[] customer,
      long[] millis,
      int[] touchpoint,
      short[] outcome,
      int[] journeyId,
      int[] input,
      int[][] attributes,
      int[] offsets,
      Map<CustomerId, List<SurveyResponse>> feedback,
      Duration feedbackGrace) {
    this.log = log;
    this.customer = customer;
    this.millis = millis;
    this.touchpoint = touchpoint;
    this.outcome = outcome;
    this.journeyId = journeyId;
    this.input = input;
    this.attributes = attributes;
    this.offsets = offsets;
    this.feedback = feedback;
    this.feedbackGrace = feedbackGrace;
  }

  /** Returns the number of journeys. */
  public int journeyCount() {
    return offsets.length - 1;
  }

  /** Returns the number of events over all journeys. */
  public int eventCount() {
    return millis.length;
  }

  /** Returns the index of the first event of journey {@code j}. */
  public int eventStart(int j) {
    return offsets[j];
  }

  /** Returns one past the index of the last event of journey {@code j}. */
  public int eventEnd(int j) {
    return offsets[j + 1];
  }

  /**
   * Returns the customer code of event {@code e}; {@code customers().get(code)} is the customer.
   */
  public int customerCode(int e) {
    return customer[e];
  }

  /** Returns the time of event {@code e}, milliseconds since the epoch. */
  public long epochMillis(int e) {
    return millis[e];
  }

  /** Returns the touchpoint code of event {@code e}. */
  public int touchpointCode(int e) {
    return touchpoint[e];
  }

  /** Returns the outcome code of event {@code e}, {@code -1} for none. */
  public int outcomeCode(int e) {
    return outcome == null ? -1 : outcome[e];
  }

  /**
   * Returns the journey-id code of event {@code e}, {@code -1} for none or when ids were not used.
   */
  public int journeyIdCode(int e) {
    return journeyId == null ? -1 : journeyId[e];
  }

  /**
   * Returns the position of event {@code e} in the log these journeys were rebuilt from (0 for the
   * first interaction added). Events of one customer are totally ordered by (timestamp, input
   * position): the order funnels use across the journeys of a customer.
   */
  public int inputPosition(int e) {
    return input[e];
  }

  /**
   * Returns the number of kept attribute {@code name} (see {@code
   * InteractionLog.Builder.attributes}).
   *
   * @throws IllegalArgumentException if the log did not keep that attribute, naming the kept ones
   */
  public int attributeIndex(String name) {
    int a = log.attributeNames().indexOf(Objects.requireNonNull(name, "name"));
    checkArgument(
        a >= 0, "attribute '%s' was not kept by the log; kept: %s", name, log.attributeNames());
    return a;
  }

  /** Returns the value of kept attribute number {@code a} at event {@code e}, or null if absent. */
  public String attributeValue(int a, int e) {
    int c = attributes[a][e];
    return c < 0 ? null : log.attributeValues(a).get(c);
  }

  /** Returns the touchpoint dictionary. */
  public TouchpointDictionary dictionary() {
    return log.dictionary();
  }

  /** Returns the customer dictionary. */
  public List<CustomerId> customers() {
    return log.customers();
  }

  /** Returns the outcome dictionary. */
  public List<Outcome> outcomes() {
    return log.outcomes();
  }

  /** Returns the log these journeys were rebuilt from. */
  public InteractionLog log() {
    return log;
  }

  /**
   * Returns journey {@code j} as an object.
   *
   * @throws IndexOutOfBoundsException if {@code j} is not in {@code [0, journeyCount())}
   */
  public Journey journey(int j) {
    Objects.checkIndex(j, journeyCount());
    return new Journey(this, j);
  }

  /** Returns all journeys as a list whose elements are made on access. */
  public List<Journey> asList() {
    return new AbstractList<>() {
      @Override
      public Journey get(int index) {
        return journey(index);
      }

      @Override
      public int size() {
        return journeyCount();
      }
    };
  }

  /**
   * Returns these journeys with survey feedback joined: a response joins every journey of its
   * customer whose interval {@code [start, end + grace]} contains its timestamp (grace lets a
   * post-journey survey count).
   *
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  public Journeys withFeedback(Collection<SurveyResponse> responses, Duration grace) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(grace, "grace");
    checkArgument(!grace.isNegative(), "feedback grace must be zero or positive, got %s", grace);
    Map<CustomerId, List<SurveyResponse>> m = new HashMap<>();
    for (SurveyResponse r : responses) {
      m.computeIfAbsent(Objects.requireNonNull(r, "response").customer(), k -> new ArrayList<>())
          .add(r);
    }
    for (List<SurveyResponse> l : m.values()) {
      l.sort(Comparator.comparing(SurveyResponse::timestamp));
    }
    return new Journeys(
        log,
        customer,
        millis,
        touchpoint,
        outcome,
        journeyId,
        input,
        attributes,
        offsets,
        m,
        grace);
  }

  List<SurveyResponse> feedback(CustomerId id, long fromMillis, long toMillis) {
    if (feedback == null) {
      return List.of();
    }
    List<SurveyResponse> all = feedback.getOrDefault(id, List.of());
    long to = toMillis + feedbackGrace.toMillis();
    List<SurveyResponse> out = new ArrayList<>();
    for (SurveyResponse r : all) {
      long t = r.timestamp().toEpochMilli();
      if (t >= fromMillis && t <= to) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Journeys["
        + journeyCount()
        + " journeys, "
        + eventCount()
        + " events, "
        + log.customers().size()
        + " customers]";
  }
}
