package org.cx4j.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Names with bidirectional controls are isolated in the HTML: {@code <bdi>} around each name, and
 * the name's own embeddings, overrides and isolates balanced so that none reaches past its end.
 */
class BidiBalanceTest {

  static final char LRE = '\u202a';
  static final char PDF = '\u202c';
  static final char RLO = '\u202e';
  static final char RLI = '\u2067';
  static final char FSI = '\u2068';
  static final char PDI = '\u2069';

  /**
   * Returns whether every opener in {@code s} is closed within it and every closer closes an opener
   * of its kind: a naive stack check written from UAX #9 X6a (a PDI closes the embeddings opened
   * after its isolate initiator too).
   */
  static boolean balanced(String s) {
    Deque<Character> open = new ArrayDeque<>();
    for (char c : s.toCharArray()) {
      if ((c >= '\u202a' && c <= '\u202e' && c != PDF) || (c >= '\u2066' && c <= '\u2068')) {
        open.push(c);
      } else if (c == PDF) {
        if (open.isEmpty() || open.peek() >= '\u2066') {
          return false;
        }
        open.pop();
      } else if (c == PDI) {
        while (!open.isEmpty() && open.peek() < '\u2066') {
          open.pop();
        }
        if (open.isEmpty()) {
          return false;
        }
        open.pop();
      }
    }
    return open.isEmpty();
  }

  static String strip(String s) {
    return s.replaceAll("[\u202a-\u202e\u2066-\u2069]", "");
  }

  @Test
  void overridesAreClosedAndStrayClosersDropped() {
    // Closed at the end, in reverse order of opening.
    assertEquals("abc" + RLO + "gnp.exe" + PDF, HtmlReport.balance("abc" + RLO + "gnp.exe"));
    assertEquals(LRE + "a" + FSI + "b" + PDI + PDF, HtmlReport.balance(LRE + "a" + FSI + "b"));
    // A PDI that closes nothing opened in the name (it would close the page's isolate) goes.
    assertEquals("x" + RLO + "y" + PDF, HtmlReport.balance("x" + PDI + RLO + "y"));
    assertEquals("x", HtmlReport.balance("x" + PDF));
    // A PDI closes the override opened inside its isolate; a later PDF then closes nothing.
    assertEquals(
        "" + RLI + RLO + "a" + PDI + "b",
        HtmlReport.balance("" + RLI + RLO + "a" + PDI + PDF + "b"));
    assertEquals(
        "plain \u05e9\u05dc\u05d5\u05dd", HtmlReport.balance("plain \u05e9\u05dc\u05d5\u05dd"));
    assertEquals("", HtmlReport.balance(null));
  }

  @Test
  void bdiIsolatesAnEscapedName() {
    assertEquals(
        "<bdi>a &lt;b&gt;" + RLO + "c" + PDF + "</bdi>", HtmlReport.bdi("a <b>" + RLO + "c"));
  }

  @Provide
  Arbitrary<String> bidiText() {
    return Arbitraries.strings()
        .withChars("ab \u05d0\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        .ofMaxLength(16);
  }

  /** Balanced, the same text once the controls are set aside, and stable. */
  @Property(tries = 2000, seed = "42")
  void balanceBalancesAndKeepsTheText(@ForAll("bidiText") String s) {
    String b = HtmlReport.balance(s);
    assertTrue(
        balanced(b),
        () -> "not balanced: " + b.chars().mapToObj(c -> String.format("%04x", c)).toList());
    assertEquals(strip(s), strip(b));
    assertEquals(b, HtmlReport.balance(b));
    if (balanced(s)) {
      assertEquals(s, b, "a balanced name is left as it is");
    }
  }
}
