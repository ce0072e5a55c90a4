package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cx4j.text.FightinWords.TermScore;
import org.junit.jupiter.api.Test;

/**
 * Three comments worked by hand. Group a: "Great battery", "great screen!"; group b: "Bad
 * batteries." Stems (EnglishAnalyzer, Porter): great, batteri, screen, bad.
 *
 * <p>Words: a has great 2, batteri 1, screen 1 (n_a = 4); b has bad 1, batteri 1 (n_b = 2); n = 6.
 * With α₀ = 6, α_w = 6 × count / 6 = the term's total count: great 2, batteri 2, screen 1, bad 1.
 *
 * <pre>
 * great:   log((2+2)/(4+6-2-2)) - log((0+2)/(2+6-0-2)) = log(4/6) - log(2/6) = log 2
 *          var = 1/4 + 1/2 = 3/4
 * batteri: log(3/(10-1-2)) - log(3/(8-1-2)) = log(3/7) - log(3/5) = log(5/7);  var = 1/3 + 1/3
 * screen:  log(2/(10-1-1)) - log(1/(8-0-1)) = log(2/8) - log(1/7) = log(7/4);  var = 1/2 + 1
 * bad:     log(1/(10-0-1)) - log(2/(8-1-1)) = log(1/9) - log(2/6) = log(1/3);  var = 1 + 1/2
 * </pre>
 *
 * <p>Bigrams: a has "great batteri", "great screen" (n_a = 2), b has "bad batteri" (n_b = 1), n =
 * 3; α₀ = 6 gives α_w = 2 for each. "great batteri": log(3/(2+6-1-2)) - log(2/(1+6-0-2)) = log(3/5)
 * - log(2/5) = log(3/2), var = 1/3 + 1/2.
 */
class FightinWordsTest {

  static final List<String> A = List.of("Great battery", "great screen!");
  static final List<String> B = List.of("Bad batteries.");

  static Map<String, TermScore> byTerm(List<TermScore> scores) {
    return scores.stream().collect(Collectors.toMap(TermScore::term, Function.identity()));
  }

  @Test
  void wordsMatchTheHandComputation() {
    List<TermScore> scores = FightinWords.english().alpha0(6).words(A, B);
    Map<String, TermScore> m = byTerm(scores);
    assertEquals(4, m.size());
    check(m.get("great"), 2, 0, Math.log(2), 0.75);
    check(m.get("batteri"), 1, 1, Math.log(5.0 / 7), 2.0 / 3);
    check(m.get("screen"), 1, 0, Math.log(7.0 / 4), 1.5);
    check(m.get("bad"), 0, 1, Math.log(1.0 / 3), 1.5);
    // Highest z first: great 0.8004, screen 0.4569, batteri -0.4121, bad -0.8970.
    assertEquals(
        List.of("great", "screen", "batteri", "bad"),
        scores.stream().map(TermScore::term).toList());
    assertEquals(0.800377, m.get("great").z(), 1e-6);
  }

  @Test
  void bigramsMatchTheHandComputation() {
    Map<String, TermScore> m = byTerm(FightinWords.english().alpha0(6).bigrams(A, B));
    assertEquals(3, m.size());
    check(m.get("great batteri"), 1, 0, Math.log(1.5), 1.0 / 3 + 0.5);
  }

  @Test
  void bigramsDoNotBridgeStopWords() {
    // "battery is great": "is" is a stop word, so no bigram "batteri great".
    assertEquals(List.of(), CommentTerms.english().bigrams("battery is great"));
    assertEquals(List.of("late deliveri"), CommentTerms.english().bigrams("Late deliveries"));
  }

  @Test
  void optionsAndErrors() {
    assertThrows(IllegalArgumentException.class, () -> FightinWords.english().alpha0(0));
    assertThrows(IllegalArgumentException.class, () -> FightinWords.english().minCount(0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FightinWords.english().words(List.of(""), List.of("the")));
    assertTrue(e.getMessage().contains("without terms"), e.getMessage());
    assertEquals(
        List.of("great"),
        FightinWords.english().minCount(2).words(A, B).stream()
            .filter(t -> t.countA() + t.countB() >= 2 && t.term().equals("great"))
            .map(TermScore::term)
            .toList());
    assertEquals(2, FightinWords.english().minCount(2).words(A, B).size()); // great, batteri
  }

  static void check(TermScore t, long a, long b, double delta, double variance) {
    assertEquals(a, t.countA(), t::toString);
    assertEquals(b, t.countB(), t::toString);
    assertEquals(delta, t.delta(), 1e-12, t::toString);
    assertEquals(variance, t.variance(), 1e-12, t::toString);
    assertEquals(delta / Math.sqrt(variance), t.z(), 1e-12, t::toString);
  }
}
