package org.cx4j.report.input;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.io.Field;
import org.cx4j.core.io.TimestampFormat;

/**
 * One column mapping as a person writes it: {@code KIND.FIELD=COLUMN}, or for a date or timestamp
 * field {@code KIND.FIELD=COLUMN:FORMAT}, such as {@code transactions.amount=dollar_value} or
 * {@code transactions.timestamp=date:yyyyMMdd}.
 *
 * <p>{@code FORMAT} is {@code iso}, {@code epoch-millis} or a {@link
 * java.time.format.DateTimeFormatter} pattern ({@code yyyyMMdd}, {@code dd/MM/yyyy HH:mm}),
 * optionally followed by {@code @ZONE} ({@code yyyy-MM-dd HH:mm@Europe/Paris}); without a zone,
 * local times are read in the report's zone. The column name ends at the first {@code :} that is
 * followed by a valid format, so that names with a colon ({@code time:timestamp}) still work; a
 * value with no valid format after any {@code :} is a column name as a whole. Only {@code
 * timestamp} and {@code signup_date} take a format; it applies to that file's timestamps. Text
 * after the first colon that can only be meant as a format (it holds {@code @}, {@code yy}, {@code
 * MM}, {@code dd}, {@code HH}, {@code mm} or {@code ss}, or starts with {@code iso} or {@code
 * epoch}) but is not a valid one is an error that says why.
 *
 * @param kind the kind of file
 * @param field the field
 * @param column the column name, trimmed
 * @param format the format text, or null for the file-wide format ({@code --timestamps})
 */
public record ColumnOption(DataKind kind, Field field, String column, String format) {

  /** Text after a colon that can only be meant as a format: a zone, or a run of pattern letters. */
  private static final java.util.regex.Pattern LOOKS_LIKE_FORMAT =
      java.util.regex.Pattern.compile("@|yy|MM|dd|HH|mm|ss|(?i:^\\s*(iso|epoch))");

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if {@code kind}, {@code field} or {@code column} is null
   * @throws IllegalArgumentException if the column is blank, the field is not read from this kind
   *     of file, or a format is given for a field that is not a date or timestamp, or is invalid
   */
  public ColumnOption {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(column, "column");
    column = column.strip();
    checkArgument(!column.isEmpty(), "the column for %s.%s must not be blank", kind.key(), field);
    checkArgument(
        kind.reads(field),
        "%s files have no field '%s'; their fields are %s",
        kind.key(),
        field,
        fieldNames(kind));
    if (format != null) {
      checkArgument(
          DataKind.isTemporal(field),
          "only timestamp and signup_date columns take a format, got %s.%s=%s:%s",
          kind.key(),
          field,
          column,
          format);
      timestampFormat(format, ZoneOffset.UTC); // validates
    }
  }

  /**
   * Parses {@code KIND.FIELD} and {@code COLUMN[:FORMAT]} (see the class comment).
   *
   * @param key {@code KIND.FIELD}, e.g. {@code transactions.timestamp}
   * @param value {@code COLUMN} or {@code COLUMN:FORMAT}, e.g. {@code date:yyyyMMdd}
   * @throws IllegalArgumentException naming the option if the kind or field is unknown, the column
   *     blank, or the field does not belong to the kind
   */
  public static ColumnOption parse(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int dot = key.indexOf('.');
    checkArgument(
        dot > 0 && dot < key.length() - 1,
        "a column mapping is KIND.FIELD=COLUMN such as transactions.amount=dollar_value, got '%s=%s'",
        key,
        value);
    DataKind kind = DataKind.of(key.substring(0, dot));
    String name = key.substring(dot + 1);
    Field field = null;
    for (Field f : Field.values()) {
      if (f.defaultName().equalsIgnoreCase(name.strip()) && kind.reads(f)) {
        field = f;
      }
    }
    checkArgument(
        field != null,
        "%s files have no field '%s'; their fields are %s",
        kind.key(),
        name,
        fieldNames(kind));
    return of(kind, field, value);
  }

  /**
   * Returns the mapping of {@code field} of {@code kind} to {@code value}: {@code COLUMN} or, for a
   * date or timestamp field, {@code COLUMN:FORMAT} (see the class comment).
   *
   * @throws IllegalArgumentException as {@link #ColumnOption the constructor}
   */
  public static ColumnOption of(DataKind kind, Field field, String value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (DataKind.isTemporal(field)) {
      for (int i = value.indexOf(':'); i > 0; i = value.indexOf(':', i + 1)) {
        String format = value.substring(i + 1).strip();
        if (validFormat(format)) {
          return new ColumnOption(kind, field, value.substring(0, i), format);
        }
      }
      int colon = value.indexOf(':');
      if (colon > 0 && LOOKS_LIKE_FORMAT.matcher(value.substring(colon + 1)).find()) {
        // Meant as a format, not as part of a column name: say what is wrong with it.
        String format = value.substring(colon + 1);
        try {
          timestampFormat(format, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "invalid format '"
                  + format.strip()
                  + "' after column '"
                  + value.substring(0, colon).strip()
                  + "': "
                  + e.getMessage(),
              e);
        }
      }
    }
    return new ColumnOption(kind, field, value, null);
  }

  private static boolean validFormat(String format) {
    try {
      timestampFormat(format, ZoneOffset.UTC);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Returns the timestamp format of a format text: {@code iso}, {@code epoch-millis}, {@code
   * PATTERN}, each optionally with {@code @ZONE}; {@code zone} for local times when none is given.
   *
   * @throws IllegalArgumentException if the text is none of these (the text is named)
   */
  public static TimestampFormat timestampFormat(String format, ZoneId zone) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(zone, "zone");
    String text = format.strip();
    int at = text.lastIndexOf('@');
    ZoneId z = zone;
    if (at >= 0) {
      String id = text.substring(at + 1).strip();
      try {
        z = ZoneId.of(id);
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException(
            "unknown time zone '"
                + id
                + "' in format '"
                + format
                + "' (use a region such as Europe/Paris, or an offset such as +01:00)",
            e);
      }
      text = text.substring(0, at).strip();
    }
    checkArgument(!text.isEmpty(), "empty timestamp format '%s'", format);
    if (text.equalsIgnoreCase("iso")) {
      return TimestampFormat.iso(z);
    }
    if (text.equalsIgnoreCase("epoch-millis")) {
      checkArgument(at < 0, "epoch-millis takes no zone, got '%s'", format);
      return TimestampFormat.epochMillis();
    }
    checkArgument(
        text.chars().anyMatch(Character::isLetter),
        "timestamp format '%s' has no pattern letters (such as yyyy, MM, dd)",
        format);
    return TimestampFormat.pattern(text, z);
  }

  /**
   * Returns this mapping as the option that gives it, e.g. {@code
   * transactions.timestamp=date:yyyyMMdd}.
   */
  public String option() {
    return kind.key()
        + "."
        + field.defaultName()
        + "="
        + column
        + (format == null ? "" : ":" + format);
  }

  private static String fieldNames(DataKind kind) {
    List<String> names = new ArrayList<>();
    for (Field f : kind.requiredFields()) {
      names.add(f.defaultName());
    }
    for (Field f : kind.optionalFields()) {
      names.add(f.defaultName());
    }
    return String.join(", ", names);
  }

  @Override
  public String toString() {
    return option();
  }
}
