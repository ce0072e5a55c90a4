package org.cx4j.core.io;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/**
 * How one record type maps to a flat row of logical fields, for reading and for writing; shared by
 * CSV and JSON Lines. Immutable.
 *
 * @param <T> the record type
 */
abstract class RecordSchema<T> {

  /** Returns the record type's name for messages, e.g. {@code "interaction"}. */
  abstract String kind();

  /** Returns the fields, in the order writers write them. */
  abstract List<Field> fields();

  /** Returns whether a file must have a column for {@code field}. */
  abstract boolean required(Field field);

  /** Returns whether {@code field} is written as a JSON number. */
  boolean numeric(Field field) {
    return field == Field.SCORE
        || field == Field.WEIGHT
        || field == Field.AMOUNT
        || field == Field.QUANTITY;
  }

  /**
   * Checks the columns a file has, beyond the required ones.
   *
   * @return a message describing what is missing, or null when the file can be read
   */
  String checkColumns(Set<Field> present) {
    return null;
  }

  /**
   * Returns the record of {@code row}.
   *
   * @param attributes the unmapped columns to keep as attributes, or null when not wanted
   * @throws RowError for a bad value, naming the column
   */
  abstract T parse(Row row, Map<String, String> attributes);

  /** Returns the values of {@code record}, aligned with {@link #fields()}; null for none. */
  abstract String[] values(T record, TimestampFormat timestamps);

  /** Returns whether the record type has free-form attributes. */
  boolean hasAttributes() {
    return false;
  }

  /** Returns the record's attributes (empty for types without). */
  Map<String, String> attributes(T record) {
    return Map.of();
  }

  /** Returns this schema with touchpoint ids resolved through {@code catalog}. */
  RecordSchema<T> withCatalog(TouchpointCatalog catalog) {
    throw new IllegalStateException(kind() + " records have no touchpoint column");
  }

  // ---- helpers shared by the schemas ----

  /**
   * Returns the touchpoint of the row: the catalog's touchpoint for the id, else one built from
   * inline channel and stage values; null when the row has no touchpoint and it is optional.
   */
  static Touchpoint touchpoint(Row row, TouchpointCatalog catalog, boolean required) {
    String id = required ? row.require(Field.TOUCHPOINT) : row.get(Field.TOUCHPOINT);
    if (id == null) {
      return null;
    }
    if (catalog != null) {
      Touchpoint t = catalog.find(id).orElse(null);
      if (t != null) {
        return t;
      }
    }
    String channel = row.get(Field.CHANNEL);
    String stage = row.get(Field.STAGE);
    if (channel == null || stage == null) {
      String reason =
          catalog == null
              ? "a touchpoint without a catalog needs "
                  + (channel == null ? "a channel" : "a stage")
                  + " value (column '"
                  + row.column(channel == null ? Field.CHANNEL : Field.STAGE)
                  + "')"
              : "unknown touchpoint id: not in the catalog "
                  + catalog.touchpoints().size()
                  + " ids, and no inline channel and stage values";
      throw new RowError(
          row.column(Field.TOUCHPOINT),
          id,
          reason,
          catalog == null ? ReadError.Kind.MISSING_VALUE : ReadError.Kind.UNKNOWN_VALUE);
    }
    Touchpoint shared = row.sharedTouchpoint(id, channel, stage);
    if (shared != null) {
      return shared;
    }
    Channel c = row.domain(Field.CHANNEL, channel, Channel::of);
    JourneyStage s = row.domain(Field.STAGE, stage, JourneyStage::of);
    return row.share(
        id, channel, stage, row.domain(Field.TOUCHPOINT, id, v -> Touchpoint.of(v, c, s)));
  }

  static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
