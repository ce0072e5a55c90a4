package org.cx4j.report.chart;

import java.math.BigDecimal;

/**
 * A tiny streaming writer of SVG markup: elements, attributes with XML escaping, and numbers in a
 * locale-independent format with at most two decimals.
 *
 * <p>Coordinates are checked to be finite, so that a NaN can never leak into the output (a NaN
 * attribute makes a browser drop the element silently). Not thread-safe.
 */
final class SvgWriter {

  static final String FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";

  private final StringBuilder out = new StringBuilder(8192);
  private final int width;
  private final int height;
  private boolean inTag;
  private int groups;

  /** Opens the {@code <svg>} element with its accessible name and description. */
  SvgWriter(int width, int height, String title, String description) {
    this.width = width;
    this.height = height;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    attr("viewBox", "0 0 " + width + " " + height);
    attr("width", width);
    attr("height", height);
    attr("role", "img");
    attr("aria-label", title);
    attr("font-family", FONT_FAMILY);
    attr("style", "max-width:100%;height:auto;background:#ffffff");
    out.append('>');
    out.append("<title>").append(escape(title)).append("</title>");
    if (description != null && !description.isEmpty()) {
      out.append("<desc>").append(escape(description)).append("</desc>");
    }
    // A white background so that the chart reads the same on a dark page.
    open("rect")
        .attr("x", 0)
        .attr("y", 0)
        .attr("width", width)
        .attr("height", height)
        .attr("fill", "#ffffff")
        .close();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Starts an element {@code <name}; attributes follow, then {@link #close()} or a body. */
  SvgWriter open(String name) {
    finishTag();
    out.append('<').append(name);
    inTag = true;
    return this;
  }

  /** Writes a text attribute, escaped. */
  SvgWriter attr(String name, String value) {
    out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    return this;
  }

  /** Writes a numeric attribute. */
  SvgWriter attr(String name, double value) {
    out.append(' ').append(name).append("=\"").append(num(value)).append('"');
    return this;
  }

  /** Closes an element that has no body: {@code />}. */
  SvgWriter close() {
    out.append("/>");
    inTag = false;
    return this;
  }

  /** Writes escaped character data inside the current element. */
  SvgWriter text(String text) {
    finishTag();
    out.append(escape(text));
    return this;
  }

  /** Writes a {@code <title>} child: the tooltip of the current element. */
  SvgWriter tooltip(String text) {
    finishTag();
    out.append("<title>").append(escape(text)).append("</title>");
    return this;
  }

  /** Ends an element that has a body. */
  SvgWriter end(String name) {
    finishTag();
    out.append("</").append(name).append('>');
    return this;
  }

  private void finishTag() {
    if (inTag) {
      out.append('>');
      inTag = false;
    }
  }

  // ---- shapes -----------------------------------------------------------------------------

  SvgWriter rect(double x, double y, double w, double h, String fill) {
    return open("rect")
        .attr("x", x)
        .attr("y", y)
        .attr("width", Math.max(0, w))
        .attr("height", Math.max(0, h))
        .attr("fill", fill);
  }

  SvgWriter line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return open("line")
        .attr("x1", x1)
        .attr("y1", y1)
        .attr("x2", x2)
        .attr("y2", y2)
        .attr("stroke", stroke)
        .attr("stroke-width", strokeWidth);
  }

  SvgWriter circle(double cx, double cy, double r, String fill) {
    return open("circle").attr("cx", cx).attr("cy", cy).attr("r", r).attr("fill", fill);
  }

  /**
   * Writes a {@code <text>} element, truncating the text with an ellipsis to {@code maxWidth}
   * (estimated) and putting the full text into a tooltip when it was truncated.
   *
   * @param anchor {@code start}, {@code middle} or {@code end}
   */
  SvgWriter label(
      double x,
      double y,
      String text,
      double maxWidth,
      double fontSize,
      String anchor,
      String fill,
      boolean bold) {
    String shown = Text.fit(text, maxWidth, fontSize, bold);
    // Keep the anchor inside the drawing even when a tiny chart has no room for the label.
    x = Math.max(0, Math.min(width, x));
    y = Math.max(0, Math.min(height, y));
    open("text").attr("x", x).attr("y", y).attr("font-size", fontSize);
    if (!"start".equals(anchor)) {
      attr("text-anchor", anchor);
    }
    attr("fill", fill);
    if (bold) {
      attr("font-weight", "600");
    }
    text(shown);
    if (!shown.equals(text)) {
      tooltip(text);
    }
    return end("text");
  }

  /** Writes a label with no width limit. */
  SvgWriter label(double x, double y, String text, double fontSize, String anchor, String fill) {
    return label(x, y, text, Double.POSITIVE_INFINITY, fontSize, anchor, fill, false);
  }

  /**
   * Draws everything that follows {@code dy} pixels lower, in a translated group that {@link
   * #finish()} closes: room for a title on two lines without moving any chart's layout.
   */
  SvgWriter shiftDown(double dy) {
    open("g").attr("transform", "translate(0 " + num(dy) + ")");
    finishTag();
    groups++;
    return this;
  }

  /** Returns the finished markup, closing the {@code <svg>} element. */
  Svg finish() {
    finishTag();
    for (; groups > 0; groups--) {
      out.append("</g>");
    }
    out.append("</svg>");
    return new Svg(out.toString(), width, height);
  }

  // ---- formatting -------------------------------------------------------------------------

  /**
   * Returns {@code text} with the five XML special characters escaped, control characters (C0 but
   * tab and line breaks, DEL, C1: parse errors in HTML) as spaces, bidirectional formatting
   * characters (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) dropped, and other characters
   * that XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF) as U+FFFD; null as empty.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
            sb.append(' ');
          } else if (c == '\u200e'
              || c == '\u200f'
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069')) {
            // Bidirectional formatting characters are dropped: an override in one label must not
            // reorder the rest of it (the count, the unit) or draw it mirrored.
          } else if (c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
              sb.append(c).append(text.charAt(++i));
            } else {
              sb.append('\uFFFD');
            }
          } else if (Character.isLowSurrogate(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Returns the path data of a cubic Bezier curve from (x0, y0) through control points (c1x, c1y)
   * and (c2x, c2y) to (x1, y1): {@code M x0 y0 Cc1x c1y c2x c2y x1 y1}, each number by {@link
   * #num}.
   *
   * @throws IllegalStateException if a coordinate is NaN or infinite (a layout bug)
   */
  static String cubic(
      double x0, double y0, double c1x, double c1y, double c2x, double c2y, double x1, double y1) {
    return "M" + num(x0) + " " + num(y0) + " C" + num(c1x) + " " + num(c1y) + " " + num(c2x) + " "
        + num(c2y) + " " + num(x1) + " " + num(y1);
  }

  /**
   * Formats a coordinate with at most two decimals, without exponent and independent of the default
   * locale.
   *
   * @throws IllegalStateException if {@code v} is NaN or infinite (a layout bug)
   */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("non-finite coordinate " + v);
    }
    double r = Math.round(v * 100.0) / 100.0;
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      return Long.toString((long) r);
    }
    return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
  }
}
