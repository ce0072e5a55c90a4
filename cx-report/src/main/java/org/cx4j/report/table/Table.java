package org.cx4j.report.table;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table behind the report: a name (the file name without extension), a title, column names and
 * rows of plain values (strings, numbers, booleans, lists of strings, or null for "no value").
 *
 * @param name the file name stem, e.g. {@code scores}; lower case letters, digits and {@code _}
 * @param title what the table holds, one line
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns}
 */
public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the name is not a file name stem, there are no columns, or
   *     a row's length differs from the number of columns (the row is named)
   */
  public Table {
    Objects.requireNonNull(name, "name");
    checkArgument(name.matches("[a-z0-9_]+"), "table name must match [a-z0-9_]+, got '%s'", name);
    Objects.requireNonNull(title, "title");
    columns = ImmutableList.copyOf(columns);
    checkArgument(!columns.isEmpty(), "table %s has no columns", name);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> r = rows.get(i);
      checkArgument(
          r.size() == columns.size(),
          "table %s row %s has %s values for %s columns",
          name,
          i,
          r.size(),
          columns.size());
      // Rows may hold nulls ("no value"), which immutable Guava lists refuse.
      copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Starts a table with the given columns. */
  public static Builder builder(String name, String title, String... columns) {
    return new Builder(name, title, Arrays.asList(columns));
  }

  /** Returns the number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * Returns whether column {@code index} is numeric: every value in it is a {@link Number} or a
   * {@link Boolean}, or null. Decided by the values' Java types, never by parsing text: a text cell
   * {@code "-12.5"} keeps its column a text column. A column with no values at all is numeric (it
   * has nothing to neutralise).
   *
   * @throws IndexOutOfBoundsException if {@code index} is not a column
   */
  public boolean isNumeric(int index) {
    java.util.Objects.checkIndex(index, columns.size());
    for (List<Object> r : rows) {
      Object v = r.get(index);
      if (v != null && !(v instanceof Number) && !(v instanceof Boolean)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Table[" + name + ": " + columns + ", " + rows.size() + " rows]";
  }

  /** Collects the rows of a {@link Table}. */
  public static final class Builder {
    private final String name;
    private final String title;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(String name, String title, List<String> columns) {
      this.name = name;
      this.title = title;
      this.columns = columns;
    }

    /**
     * Adds a row; a {@code double} that is NaN or infinite becomes null ("no value").
     *
     * @throws IllegalArgumentException if the number of values differs from the columns
     */
    public Builder row(Object... values) {
      checkArgument(
          values.length == columns.size(),
          "table %s: %s values for %s columns",
          name,
          values.length,
          columns.size());
      Object[] v = values.clone();
      for (int i = 0; i < v.length; i++) {
        if (v[i] instanceof Double d && !Double.isFinite(d)) {
          v[i] = null;
        }
      }
      rows.add(Arrays.asList(v));
      return this;
    }

    /** Returns the table. */
    public Table build() {
      return new Table(name, title, columns, rows);
    }
  }
}
