package org.cx4j.journey.funnel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.function.Function;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.journey.rebuild.Journeys;

/**
 * A property of an event used to break a funnel down into groups: channel, stage, touchpoint, a
 * customer-level property such as the segment, or the period of the event's time (for trends).
 */
@FunctionalInterface
public interface FunnelProperty {

  /** Returns the property value of event {@code event} of {@code journeys}; never null. */
  String value(Journeys journeys, int event);

  /** Returns the channel of the event's touchpoint. */
  static FunnelProperty channel() {
    return (js, e) -> js.dictionary().touchpoint(js.touchpointCode(e)).channel().name();
  }

  /** Returns the stage of the event's touchpoint. */
  static FunnelProperty stage() {
    return (js, e) -> js.dictionary().touchpoint(js.touchpointCode(e)).stage().name();
  }

  /** Returns the id of the event's touchpoint. */
  static FunnelProperty touchpoint() {
    return (js, e) -> js.dictionary().touchpoint(js.touchpointCode(e)).id();
  }

  /**
   * Returns the value of an interaction attribute kept by the log ({@code
   * InteractionLog.Builder.attributes(name)}); {@code "(none)"} where the event lacks it. Unknown
   * names fail on first use with an {@link IllegalArgumentException} naming the kept attributes.
   */
  static FunnelProperty attribute(String name) {
    Objects.requireNonNull(name, "name");
    return (js, e) -> {
      String v = js.attributeValue(js.attributeIndex(name), e);
      return v == null ? "(none)" : v;
    };
  }

  /**
   * Returns a customer-level property, e.g. the segment: {@code customer(id ->
   * segmentation.assign(customers.get(id)))}. A null value becomes {@code "(none)"}.
   */
  static FunnelProperty customer(Function<CustomerId, String> property) {
    Objects.requireNonNull(property, "property");
    return (js, e) -> {
      String v = property.apply(js.customers().get(js.customerCode(e)));
      return v == null ? "(none)" : v;
    };
  }

  /**
   * Returns the UTC period of the event's time as an ISO date (the period's first day), so that
   * groups sort chronologically: {@code DAYS}, {@code WEEKS} (Monday-based) or {@code MONTHS}.
   *
   * @throws IllegalArgumentException for any other unit, naming it
   */
  static FunnelProperty period(ChronoUnit unit) {
    Objects.requireNonNull(unit, "unit");
    switch (unit) {
      case DAYS:
        return (js, e) -> date(js, e).toString();
      case WEEKS:
        return (js, e) ->
            date(js, e).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
      case MONTHS:
        return (js, e) -> date(js, e).withDayOfMonth(1).toString();
      default:
        throw new IllegalArgumentException(
            "trend period must be DAYS, WEEKS or MONTHS, got " + unit);
    }
  }

  private static LocalDate date(Journeys js, int e) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(js.epochMillis(e)), ZoneOffset.UTC);
  }
}
