package org.cx4j.report.chart;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the chart builders; messages name the parameter and value. */
final class Checks {

  /** The smallest and largest accepted chart size in pixels. */
  static final int MIN_SIZE = 120;

  static final int MAX_SIZE = 20_000;

  private Checks() {}

  static void size(int width, int height) {
    if (width < MIN_SIZE || width > MAX_SIZE) {
      throw new IllegalArgumentException(
          "width must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + width);
    }
    if (height < MIN_SIZE || height > MAX_SIZE) {
      throw new IllegalArgumentException(
          "height must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + height);
    }
  }

  static <T> List<T> list(String name, List<T> list) {
    Objects.requireNonNull(list, name);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be null");
      }
    }
    return List.copyOf(list);
  }

  static void length(String name, int length, String otherName, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          name + " must have the length of " + otherName + " (" + expected + "), got " + length);
    }
  }

  static void nonNegative(String name, long[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be non-negative, got " + values[i]);
      }
    }
  }

  static void finite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
      }
    }
  }

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  /**
   * Checks interval bounds: one pair per {@code otherName} entry, each finite or NaN, and {@code
   * lower[i] <= upper[i]}.
   */
  static void bounds(double[] lower, double[] upper, String otherName, int expected) {
    length("lower", lower.length, otherName, expected);
    length("upper", upper.length, otherName, expected);
    finiteOrNaN("lower", lower);
    finiteOrNaN("upper", upper);
    for (int i = 0; i < lower.length; i++) {
      if (lower[i] > upper[i]) {
        throw new IllegalArgumentException(
            "lower[" + i + "] must be <= upper[" + i + "], got " + lower[i] + " > " + upper[i]);
      }
    }
  }

  /** Checks finite or NaN (NaN meaning "missing"), never infinite. */
  static void finiteOrNaN(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be finite or NaN, got " + values[i]);
      }
    }
  }

  static void share(String name, double value) {
    if (!(value >= 0 && value <= 1) && !Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 or NaN, got " + value);
    }
  }

  static String colour(String name, String colour) {
    if (!Palette.isHex(colour)) {
      throw new IllegalArgumentException(name + " must be a #RRGGBB colour, got " + colour);
    }
    return colour;
  }

  static String title(String title) {
    return Objects.requireNonNull(title, "title");
  }
}
