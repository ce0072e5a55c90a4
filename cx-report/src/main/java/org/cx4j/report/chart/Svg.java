package org.cx4j.report.chart;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One rendered chart: a complete, self-contained {@code <svg>} element (no scripts, no external
 * fonts or images) with the size it was laid out for.
 *
 * @param markup the {@code <svg ...>...</svg>} markup, well-formed XML
 * @param width the width in CSS pixels the chart was laid out for
 * @param height the height in CSS pixels the chart was laid out for
 */
public record Svg(String markup, int width, int height) {

  /**
   * Checks the markup is an {@code <svg>} element and the size is positive.
   *
   * @throws NullPointerException if {@code markup} is null
   * @throws IllegalArgumentException if the markup does not start with {@code <svg} or a size is
   *     not positive
   */
  public Svg {
    Objects.requireNonNull(markup, "markup");
    checkArgument(
        markup.startsWith("<svg"),
        "markup must start with <svg, got %s",
        markup.length() > 20 ? markup.substring(0, 20) + "..." : markup);
    checkArgument(width > 0, "width must be positive, got %s", width);
    checkArgument(height > 0, "height must be positive, got %s", height);
  }

  /** Returns the markup, so that the chart prints as itself. */
  @Override
  public String toString() {
    return markup;
  }
}
