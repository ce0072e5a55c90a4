package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SentimentProperties {

  static final SentimentAnalyzer VADER = SentimentAnalyzer.vader();

  // Lexicon words, boosters, negations, "but", "no", "least", capitals, emoticons and punctuation.
  static final List<String> VOCABULARY =
      List.of(
          "good",
          "GREAT",
          "bad",
          "horrible",
          "love",
          "hate",
          "very",
          "EXTREMELY",
          "barely",
          "not",
          "never",
          "isn't",
          "without",
          "doubt",
          "but",
          "no",
          "least",
          "at",
          "kind",
          "of",
          "so",
          "this",
          "phone",
          "THE",
          "app",
          ":)",
          ":(",
          "<3",
          "!",
          "?",
          "!!!",
          "could",
          "be",
          "happier",
          "worst",
          "nor",
          "or",
          "problems",
          "<b>",
          "&amp;");

  // Lower-case words that are in no list: neither lexicon, booster, negation nor "but"/"of".
  static final List<String> NEUTRAL = List.of("phone", "table", "delivery", "the", "yesterday");

  @Provide
  Arbitrary<List<String>> comments() {
    return Arbitraries.of(VOCABULARY).list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<String>> lowerCaseComments() {
    return Arbitraries.of(VOCABULARY)
        .filter(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)) && !w.equals("kind"))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  @Property(tries = 2000, seed = "42")
  void compoundInRangeAndSharesSumToOne(@ForAll("comments") List<String> words) {
    var score = VADER.score(String.join(" ", words));
    if (score.isEmpty()) {
      // Only markup: no comment once the HTML is stripped.
      assertTrue(words.stream().allMatch("<b>"::equals), words::toString);
      return;
    }
    SentimentScore s = score.get();
    assertTrue(s.compound() >= -1 && s.compound() <= 1, s::toString);
    if (s.tokens() > 0) {
      assertEquals(1, s.positive() + s.neutral() + s.negative(), 1e-9, s::toString);
    } else {
      assertEquals(0, s.positive() + s.neutral() + s.negative(), 0, s::toString);
    }
  }

  // True because a word only looks back at earlier words (and "no"/"kind" look one ahead, which
  // neutral words cannot trigger), and lower-case text has no capitals differential to change.
  @Property(tries = 2000, seed = "42")
  void appendingNeutralWordsKeepsTheCompound(
      @ForAll("lowerCaseComments") List<String> words, @ForAll("neutralTail") List<String> tail) {
    List<String> longer = new ArrayList<>(words);
    longer.addAll(tail);
    double before = VADER.score(String.join(" ", words)).map(SentimentScore::compound).orElse(0.0);
    double after = VADER.score(String.join(" ", longer)).orElseThrow().compound();
    assertEquals(before, after, 0);
  }

  @Provide
  Arbitrary<List<String>> neutralTail() {
    return Arbitraries.of(NEUTRAL).list().ofMinSize(1).ofMaxSize(5);
  }

  // The summary's merge equals adding sequentially.
  @Property(tries = 300, seed = "42")
  void summaryMergeEqualsSequential(
      @ForAll("comments") List<String> a, @ForAll("comments") List<String> b) {
    List<String> left = List.of(String.join(" ", a), "", String.join(" ", b.subList(0, 1)));
    List<String> right = List.of(String.join(" ", b));
    SentimentSummary.Accumulator x = SentimentSummary.accumulator(VADER);
    left.forEach(x::add);
    SentimentSummary.Accumulator y = SentimentSummary.accumulator(VADER);
    right.forEach(y::add);
    x.addAll(y);
    List<String> all = new ArrayList<>(left);
    all.addAll(right);
    SentimentSummary seq = SentimentSummary.of(VADER, all);
    SentimentSummary merged = x.snapshot();
    assertEquals(seq.scored(), merged.scored());
    assertEquals(seq.noComment(), merged.noComment());
    assertEquals(seq.positive(), merged.positive());
    assertEquals(seq.meanCompound(), merged.meanCompound(), 1e-12);
    assertEquals(seq.standardDeviation(), merged.standardDeviation(), 1e-12);
  }
}
