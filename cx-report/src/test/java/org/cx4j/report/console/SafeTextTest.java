package org.cx4j.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Text from the data printed on a terminal: control and bidi characters shown, never sent. */
class SafeTextTest {

  @Test
  void escapeSequencesAndControlsAreShownEscaped() {
    // CSI colour, OSC window title ended by BEL, the one-character C1 CSI, DEL.
    assertEquals("red\\u001b[31m alert\\u0007", SafeText.escape("red\u001b[31m alert\u0007"));
    assertEquals("\\u001b]0;pwned\\u0007", SafeText.escape("\u001b]0;pwned\u0007"));
    assertEquals("\\u009b2J\\u007f", SafeText.escape("\u009b2J\u007f"));
    assertEquals("two\\nlines\\ttab\\rcr\\u0000", SafeText.escape("two\nlines\ttab\rcr\u0000"));
    assertEquals("abc\\u202egnp.exe", SafeText.escape("abc\u202egnp.exe"));
    assertEquals(
        "\\u2066x\\u2069\\u200e\\u200f\\u2028", SafeText.escape("\u2066x\u2069\u200e\u200f\u2028"));
    assertEquals("", SafeText.escape(null));
  }

  @Test
  void ordinaryTextIsKeptAsItIs() {
    String s =
        "Caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 "
            + "a > b, \"c\" \\ d";
    assertSame(s, SafeText.escape(s));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withCharRange('\u2000', '\u206f')
        .ofMaxLength(30);
  }

  /** Nothing unsafe survives, and text without unsafe characters is unchanged. */
  @Property(tries = 2000, seed = "42")
  void noUnsafeCharacterSurvives(@ForAll("anyText") String s) {
    String e = SafeText.escape(s);
    assertTrue(e.chars().noneMatch(c -> SafeText.isUnsafe((char) c)), e);
    // A naive oracle: the same text with each unsafe character replaced by its escape.
    StringBuilder naive = new StringBuilder();
    for (char c : s.toCharArray()) {
      boolean unsafe =
          c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || c == 0x2028
              || c == 0x2029
              || c == 0x200e
              || c == 0x200f
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069);
      naive.append(
          !unsafe
              ? String.valueOf(c)
              : c == '\n'
                  ? "\\n"
                  : c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.format("\\u%04x", (int) c));
    }
    assertEquals(naive.toString(), e);
  }
}
