package org.cx4j.core.io;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/** Interactions: customer_id, touchpoint (+ channel, stage), timestamp, outcome, journey_id. */
final class InteractionSchema extends RecordSchema<Interaction> {

  private static final List<Field> FIELDS =
      List.of(
          Field.CUSTOMER_ID,
          Field.TOUCHPOINT,
          Field.CHANNEL,
          Field.STAGE,
          Field.TIMESTAMP,
          Field.OUTCOME,
          Field.JOURNEY_ID);

  private final TouchpointCatalog catalog;

  InteractionSchema(TouchpointCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  String kind() {
    return "interaction";
  }

  @Override
  List<Field> fields() {
    return FIELDS;
  }

  @Override
  boolean required(Field f) {
    return f == Field.CUSTOMER_ID || f == Field.TOUCHPOINT || f == Field.TIMESTAMP;
  }

  @Override
  String checkColumns(Set<Field> present) {
    if (catalog == null && !(present.contains(Field.CHANNEL) && present.contains(Field.STAGE))) {
      return "interactions read without a touchpoint catalog need channel and stage columns";
    }
    return null;
  }

  @Override
  Interaction parse(Row row, Map<String, String> attributes) {
    CustomerId customer = row.customerId();
    Touchpoint tp = touchpoint(row, catalog, true);
    Instant ts = row.instant(Field.TIMESTAMP);
    String o = row.get(Field.OUTCOME);
    Outcome outcome = o == null ? null : row.domain(Field.OUTCOME, o, Outcome::of);
    return new Interaction(customer, tp, ts, outcome, row.get(Field.JOURNEY_ID), attributes);
  }

  @Override
  String[] values(Interaction r, TimestampFormat ts) {
    Touchpoint tp = r.touchpoint();
    return new String[] {
      r.customer().value(),
      tp.id(),
      tp.channel().name(),
      tp.stage().name(),
      ts.format(r.timestamp()),
      text(r.outcome()),
      r.journeyId()
    };
  }

  @Override
  boolean hasAttributes() {
    return true;
  }

  @Override
  Map<String, String> attributes(Interaction r) {
    return r.attributes();
  }

  @Override
  RecordSchema<Interaction> withCatalog(TouchpointCatalog c) {
    return new InteractionSchema(c);
  }
}
