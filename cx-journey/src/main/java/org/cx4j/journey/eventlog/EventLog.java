package org.cx4j.journey.eventlog;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.UnknownTouchpoints;

/**
 * An event log as process-mining tools (pm4py, ProM, Celonis) exchange it: log attributes and
 * traces (cases), each with attributes and events in log order, each event with attributes. Keys
 * follow the XES standard extensions: {@value #NAME} (trace: case id; event: activity), {@value
 * #TIMESTAMP}, {@value #LIFECYCLE}. Attribute values are {@code String}, {@code OffsetDateTime}
 * (XES {@code date}), {@code Long} ({@code int}), {@code Double} ({@code float}) or {@code Boolean}
 * ({@code boolean}).
 *
 * <p>Reference: IEEE 1849-2016, <i>Standard for eXtensible Event Stream (XES) for Achieving
 * Interoperability in Event Logs and Event Streams</i>. Immutable; attribute maps keep their order.
 *
 * @param attributes the log's attributes
 * @param traces the traces, in log order
 */
public record EventLog(Map<String, Object> attributes, List<Trace> traces) {

  /** The concept extension's name key: a trace's case id, an event's activity. */
  public static final String NAME = "concept:name";

  /** The time extension's timestamp key. */
  public static final String TIMESTAMP = "time:timestamp";

  /** The lifecycle extension's transition key ({@code start}, {@code complete}, ...). */
  public static final String LIFECYCLE = "lifecycle:transition";

  /** Channel and stage of touchpoints inferred from activities: {@value #UNASSIGNED}. */
  public static final String UNASSIGNED = "unassigned";

  /**
   * Copies and checks the attributes and traces.
   *
   * @throws IllegalArgumentException if an attribute value has an unsupported type, naming it
   */
  public EventLog {
    attributes = copy(attributes);
    traces = List.copyOf(traces);
  }

  /**
   * One trace (case).
   *
   * @param attributes the trace's attributes ({@value EventLog#NAME}: the case id)
   * @param events the events, in log order
   */
  public record Trace(Map<String, Object> attributes, List<Event> events) {
    /**
     * Copies and checks the attributes and events.
     *
     * @throws IllegalArgumentException if an attribute value has an unsupported type
     */
    public Trace {
      attributes = copy(attributes);
      events = List.copyOf(events);
    }

    /** Returns the case id ({@value EventLog#NAME}), if present. */
    public Optional<String> name() {
      Object n = attributes.get(NAME);
      return n == null ? Optional.empty() : Optional.of(n.toString());
    }
  }

  /**
   * One event.
   *
   * @param attributes the event's attributes
   */
  public record Event(Map<String, Object> attributes) {
    /**
     * Copies and checks the attributes.
     *
     * @throws IllegalArgumentException if an attribute value has an unsupported type
     */
    public Event {
      attributes = copy(attributes);
    }

    /** Returns the activity ({@value EventLog#NAME}), if present. */
    public Optional<String> activity() {
      Object n = attributes.get(NAME);
      return n == null ? Optional.empty() : Optional.of(n.toString());
    }

    /** Returns the timestamp ({@value EventLog#TIMESTAMP}), if present and a date. */
    public Optional<OffsetDateTime> timestamp() {
      Object t = attributes.get(TIMESTAMP);
      return t instanceof OffsetDateTime ? Optional.of((OffsetDateTime) t) : Optional.empty();
    }

    /** Returns the lifecycle transition ({@value EventLog#LIFECYCLE}), if present. */
    public Optional<String> lifecycle() {
      Object n = attributes.get(LIFECYCLE);
      return n == null ? Optional.empty() : Optional.of(n.toString());
    }
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    Map<String, Object> c = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String k = Objects.requireNonNull(e.getKey(), "attribute key");
      Object v = Objects.requireNonNull(e.getValue(), () -> "value of attribute " + k);
      checkArgument(
          v instanceof String
              || v instanceof OffsetDateTime
              || v instanceof Long
              || v instanceof Double
              || v instanceof Boolean,
          "attribute '%s' has a value of type %s; supported: String, OffsetDateTime, Long, Double, "
              + "Boolean",
          k,
          v.getClass().getName());
      c.put(k, v);
    }
    return Collections.unmodifiableMap(c);
  }

  /** Returns the number of events over all traces. */
  public long eventCount() {
    long n = 0;
    for (Trace t : traces) {
      n += t.events().size();
    }
    return n;
  }

  /**
   * Returns the interaction log of these traces with an inferred catalogue: every activity becomes
   * a touchpoint of channel and stage {@value #UNASSIGNED}. Same as {@code
   * toInteractionLog(activity -> Touchpoint.of(activity, unassigned, unassigned))}.
   *
   * @throws IllegalArgumentException as {@link #toInteractionLog(Function)}
   */
  public InteractionLog toInteractionLog() {
    Channel c = Channel.of(UNASSIGNED);
    JourneyStage s = JourneyStage.of(UNASSIGNED);
    return toInteractionLog(a -> Touchpoint.of(a, c, s));
  }

  /**
   * Returns the interaction log of these traces: one interaction per event, customer = the trace's
   * case id, touchpoint = {@code touchpoints} applied to the activity (refine the inferred
   * catalogue there: channel and stage per activity), timestamp = {@value #TIMESTAMP}. The events'
   * input order is the log order, so equal timestamps keep it. Lifecycle transitions are not
   * filtered: filter the traces first to keep, say, only {@code complete} events.
   *
   * @throws IllegalArgumentException if a trace has no case id, an event has no activity or no
   *     timestamp, or {@code touchpoints} returns a touchpoint whose id is not the activity, naming
   *     the trace and the event (0-based)
   */
  public InteractionLog toInteractionLog(Function<String, Touchpoint> touchpoints) {
    Objects.requireNonNull(touchpoints, "touchpoints");
    InteractionLog.Builder b =
        InteractionLog.builder().unknownTouchpoints(UnknownTouchpoints.REGISTER);
    Map<String, Touchpoint> known = new LinkedHashMap<>();
    List<Interaction> out = new ArrayList<>();
    for (int t = 0; t < traces.size(); t++) {
      Trace trace = traces.get(t);
      final int ti = t;
      String id =
          trace
              .name()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "trace " + ti + " has no " + NAME + " (case id)"));
      CustomerId customer = CustomerId.of(id);
      for (int e = 0; e < trace.events().size(); e++) {
        Event ev = trace.events().get(e);
        final int ei = e;
        String activity =
            ev.activity()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "trace '" + id + "' event " + ei + " has no " + NAME + " (activity)"));
        Instant at =
            ev.timestamp()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "trace '" + id + "' event " + ei + " has no " + TIMESTAMP))
                .toInstant();
        Touchpoint tp = known.computeIfAbsent(activity, touchpoints);
        checkArgument(
            tp != null && tp.id().equals(activity),
            "the touchpoint for activity '%s' must have that id, got %s",
            activity,
            tp);
        out.add(Interaction.of(customer, tp, at));
      }
    }
    return b.addAll(out).build();
  }
}
