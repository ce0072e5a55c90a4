package org.cx4j.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps logical fields ({@link Field}) to the column names a user's file uses, for example {@code
 * customer_id -> respondent_id}, {@code score -> nps_score}, {@code timestamp -> created_at}.
 * Fields not mapped keep their {@linkplain Field#defaultName() default names}.
 *
 * <p>A field mapped explicitly must be present in a CSV header (a file-level error otherwise); an
 * optional field left at its default name may be absent. Immutable.
 */
public final class ColumnMapping {

  private static final ColumnMapping DEFAULTS = new ColumnMapping(new EnumMap<>(Field.class));

  private final Map<Field, String> explicit;

  private ColumnMapping(EnumMap<Field, String> explicit) {
    this.explicit = Collections.unmodifiableMap(explicit);
  }

  /** Returns the mapping that uses every field's default name. */
  public static ColumnMapping defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a mapping from pairs of logical field name and column name, for example {@code
   * of("customer_id", "respondent_id", "score", "nps_score")}.
   *
   * @throws IllegalArgumentException if the number of arguments is odd, a field name is unknown, a
   *     column name is blank, or two fields are mapped to one column
   */
  public static ColumnMapping of(String... fieldAndColumn) {
    checkArgument(
        fieldAndColumn.length % 2 == 0,
        "fieldAndColumn must hold pairs (field, column), got %s strings",
        fieldAndColumn.length);
    ColumnMapping m = DEFAULTS;
    for (int i = 0; i < fieldAndColumn.length; i += 2) {
      m = m.map(Field.of(fieldAndColumn[i]), fieldAndColumn[i + 1]);
    }
    return m;
  }

  /**
   * Returns a copy of this mapping in which {@code field} reads from and writes to {@code column}.
   *
   * @throws IllegalArgumentException if {@code column} is blank or already mapped to another field
   */
  public ColumnMapping map(Field field, String column) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(column, "column");
    String c = column.trim();
    checkArgument(!c.isEmpty(), "column name for field %s must not be blank", field);
    for (Map.Entry<Field, String> e : explicit.entrySet()) {
      checkArgument(
          e.getKey() == field || !e.getValue().equals(c),
          "column '%s' cannot be mapped to %s: it is already mapped to %s",
          c,
          field,
          e.getKey());
    }
    EnumMap<Field, String> m = new EnumMap<>(Field.class);
    m.putAll(explicit);
    m.put(field, c);
    return new ColumnMapping(m);
  }

  /** Returns the column name of {@code field}: the mapped name, or the default name. */
  public String column(Field field) {
    String c = explicit.get(Objects.requireNonNull(field, "field"));
    return c == null ? field.defaultName() : c;
  }

  /**
   * Returns whether {@code field} reads no column because its default name is mapped explicitly to
   * another field: with {@code amount -> quantity}, the quantity field is unmapped rather than
   * reading the amount column a second time.
   */
  public boolean isShadowed(Field field) {
    if (explicit.containsKey(Objects.requireNonNull(field, "field"))) {
      return false;
    }
    return explicit.containsValue(field.defaultName());
  }

  /** Returns whether {@code field} was mapped explicitly (and so must be present in a header). */
  public boolean isExplicit(Field field) {
    return explicit.containsKey(field);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnMapping && ((ColumnMapping) o).explicit.equals(explicit);
  }

  @Override
  public int hashCode() {
    return explicit.hashCode();
  }

  @Override
  public String toString() {
    return explicit.isEmpty() ? "ColumnMapping[defaults]" : "ColumnMapping" + explicit;
  }
}
