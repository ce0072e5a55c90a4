package org.cx4j.report.chart;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colours: the Okabe-Ito palette for categories (distinguishable with the common colour-vision
 * deficiencies; Okabe and Ito, "Color Universal Design", 2008) and a sequential blue scale
 * (ColorBrewer "Blues", Harrower and Brewer 2003) for magnitudes.
 */
final class Palette {

  static final String ORANGE = "#E69F00";
  static final String SKY_BLUE = "#56B4E9";
  static final String BLUISH_GREEN = "#009E73";
  static final String YELLOW = "#F0E442";
  static final String BLUE = "#0072B2";
  static final String VERMILLION = "#D55E00";
  static final String REDDISH_PURPLE = "#CC79A7";
  static final String GREY = "#999999";

  static final String TEXT = "#222222";
  static final String MUTED = "#595959";
  static final String GRID = "#e6e6e6";
  static final String AXIS = "#8c8c8c";

  /** Series colours in order of use; yellow last because it is weak on white. */
  static final List<String> SERIES =
      List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, "#444444", YELLOW);

  private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

  private static final int[][] BLUES = {
    {0xf7, 0xfb, 0xff}, {0xde, 0xeb, 0xf7}, {0xc6, 0xdb, 0xef}, {0x9e, 0xca, 0xe1},
    {0x6b, 0xae, 0xd6}, {0x42, 0x92, 0xc6}, {0x21, 0x71, 0xb5}, {0x08, 0x51, 0x9c},
    {0x08, 0x30, 0x6b}
  };

  private Palette() {}

  /** Returns the colour of series {@code i}, cycling after eight. */
  static String series(int i) {
    return SERIES.get(Math.floorMod(i, SERIES.size()));
  }

  /** Returns the sequential colour of {@code t} in 0..1 (clamped), light to dark. */
  static String sequential(double t) {
    double x = Math.max(0, Math.min(1, t)) * (BLUES.length - 1);
    int i = Math.min(BLUES.length - 2, (int) Math.floor(x));
    double f = x - i;
    int[] a = BLUES[i];
    int[] b = BLUES[i + 1];
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(a[0] + f * (b[0] - a[0])),
        Math.round(a[1] + f * (b[1] - a[1])),
        Math.round(a[2] + f * (b[2] - a[2])));
  }

  /** Returns whether text on the sequential colour of {@code t} should be white. */
  static boolean sequentialIsDark(double t) {
    return t > 0.5;
  }

  /** Returns whether {@code colour} is a {@code #RRGGBB} hex colour. */
  static boolean isHex(String colour) {
    return colour != null && HEX.matcher(colour).matches();
  }
}
