package org.cx4j.core.touchpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The fast name normalization equals its definition, the regex {@code trim, lower case, \s+ to _},
 * for any string (the oracle is the one-line definition itself).
 */
class NameNormalizationProperties {

  private static String reference(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
  }

  @Property(tries = 2000, seed = "42")
  void fastPathEqualsTheRegex(
      @ForAll
          @StringLength(max = 20)
          @Chars({
            ' ', '\t', '\n', '\u000B', '\f', '\r', 'a', 'B', 'z', 'Z', '_', '-', '\u00c9', '\u0130',
            '1'
          })
          String s) {
    assertEquals(reference(s), Names.normalize(s));
  }

  @Property(tries = 500, seed = "42")
  void anyStringNormalizesLikeTheRegex(@ForAll @StringLength(max = 30) String s) {
    assertEquals(reference(s), Names.normalize(s));
  }
}
