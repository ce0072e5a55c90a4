package org.cx4j.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/**
 * Survey responses: customer_id, touchpoint (+ channel, stage), instrument (unless fixed), score,
 * timestamp, weight, comment.
 */
final class SurveyResponseSchema extends RecordSchema<SurveyResponse> {

  private final Instrument fixed;
  private final Map<String, Instrument> byName;
  private final TouchpointCatalog catalog;
  private final List<Field> fields;

  SurveyResponseSchema(
      Instrument fixed, Map<String, Instrument> byName, TouchpointCatalog catalog) {
    this.fixed = fixed;
    this.byName = byName;
    this.catalog = catalog;
    List<Field> f =
        new ArrayList<>(List.of(Field.CUSTOMER_ID, Field.TOUCHPOINT, Field.CHANNEL, Field.STAGE));
    if (fixed == null) {
      f.add(Field.INSTRUMENT);
    }
    f.addAll(List.of(Field.SCORE, Field.TIMESTAMP, Field.WEIGHT, Field.COMMENT));
    this.fields = List.copyOf(f);
  }

  @Override
  String kind() {
    return "survey response";
  }

  @Override
  List<Field> fields() {
    return fields;
  }

  @Override
  boolean required(Field f) {
    return f == Field.CUSTOMER_ID
        || f == Field.SCORE
        || f == Field.TIMESTAMP
        || (f == Field.INSTRUMENT && fixed == null);
  }

  @Override
  SurveyResponse parse(Row row, Map<String, String> attributes) {
    CustomerId customer = row.customerId();
    Touchpoint tp = touchpoint(row, catalog, false);
    Instrument instrument = fixed;
    if (instrument == null) {
      String name = row.require(Field.INSTRUMENT);
      instrument = byName.get(name.toLowerCase(Locale.ROOT));
      if (instrument == null) {
        throw new RowError(
            row.column(Field.INSTRUMENT),
            name,
            "unknown instrument; known: " + byName.keySet(),
            ReadError.Kind.UNKNOWN_VALUE);
      }
    }
    String s = row.require(Field.SCORE);
    int score = row.integer(Field.SCORE, s);
    if (!instrument.accepts(score)) {
      throw new RowError(
          row.column(Field.SCORE),
          s,
          "score "
              + score
              + " is outside the "
              + instrument.name()
              + " scale "
              + instrument.scale(),
          ReadError.Kind.OUT_OF_RANGE);
    }
    String w = row.get(Field.WEIGHT);
    double weight = w == null ? 1.0 : row.decimal(Field.WEIGHT, w);
    if (weight < 0) {
      throw new RowError(
          row.column(Field.WEIGHT), w, "weight must be non-negative", ReadError.Kind.OUT_OF_RANGE);
    }
    String comment = row.raw(Field.COMMENT);
    if (comment != null && comment.isEmpty()) {
      comment = null;
    }
    return new SurveyResponse(
        customer, tp, instrument, score, row.instant(Field.TIMESTAMP), weight, comment);
  }

  @Override
  String[] values(SurveyResponse r, TimestampFormat ts) {
    Touchpoint tp = r.touchpoint();
    List<String> v = new ArrayList<>(fields.size());
    v.add(r.customer().value());
    v.add(tp == null ? null : tp.id());
    v.add(tp == null ? null : tp.channel().name());
    v.add(tp == null ? null : tp.stage().name());
    if (fixed == null) {
      v.add(r.instrument().name());
    }
    v.add(Integer.toString(r.score()));
    v.add(ts.format(r.timestamp()));
    v.add(Double.toString(r.weight()));
    v.add(r.comment());
    return v.toArray(new String[0]);
  }

  @Override
  RecordSchema<SurveyResponse> withCatalog(TouchpointCatalog c) {
    return new SurveyResponseSchema(fixed, byName, c);
  }
}
