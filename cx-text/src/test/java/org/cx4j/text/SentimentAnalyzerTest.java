package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rule on a hand-worked sentence. Valences from the VADER lexicon: good 1.9, great 3.1, bad
 * -2.5, horrible -2.5, love 3.2, happier 2.4, problems -1.7, no -1.2, kind 2.4, want 0.3, ":)" 2.0,
 * "<3" 1.9, ":(" -1.9. Words such as the, phone, is, food are not in the lexicon (valence 0). N(x)
 * = x / sqrt(x^2 + 15) is VADER's normalisation.
 */
class SentimentAnalyzerTest {

  static final double TOL = 1e-12;
  static final SentimentAnalyzer VADER = SentimentAnalyzer.vader();

  static double n(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  static double compound(String text) {
    return VADER.score(text).orElseThrow().compound();
  }

  @Test
  void oneLexiconWordAndItsShares() {
    // The phone is good: [0, 0, 0, 1.9]; sum 1.9.
    // Shares: positive 1.9 + 1 = 2.9, neutral 3 words, total 5.9.
    SentimentScore s = VADER.score("The phone is good").orElseThrow();
    assertEquals(n(1.9), s.compound(), TOL);
    assertEquals(0.4404, s.compound(), 5e-5); // the rounded figure, 1.9 / sqrt(18.61)
    assertEquals(2.9 / 5.9, s.positive(), TOL);
    assertEquals(3 / 5.9, s.neutral(), TOL);
    assertEquals(0, s.negative(), TOL);
    assertEquals(4, s.tokens());
    assertEquals(Polarity.POSITIVE, s.polarity());
  }

  @Test
  void negationFlipsAndDampens() {
    // not good: 1.9 * -0.74 = -1.406; shares: negative 1.406 + 1 = 2.406, neutral 4, total 6.406.
    SentimentScore s = VADER.score("The phone is not good").orElseThrow();
    assertEquals(n(-1.406), s.compound(), TOL);
    assertEquals(2.406 / 6.406, s.negative(), TOL);
    assertEquals(4 / 6.406, s.neutral(), TOL);
    // Contraction: any word with n't negates. isn't good: -1.406.
    assertEquals(n(-1.406), compound("The phone isn't good"), TOL);
    assertEquals(n(-1.406), compound("The phone isn’t good"), TOL); // typographic apostrophe
  }

  @Test
  void negationScopeIsThreeTokens() {
    // not really that good: d=0 "that" nothing; d=1 "really" +0.293 * 0.95 = 0.27835 -> 2.17835;
    // d=2 "not" negates: 2.17835 * -0.74 = -1.611979.
    assertEquals(n(-1.611979), compound("The phone is not really that good"), TOL);
    // Four tokens back is out of scope: "Not that the phone is good" -> 1.9.
    assertEquals(n(1.9), compound("Not that the phone is good"), TOL);
    // never so good: d=0 "so" +0.293 -> 2.193; d=1 "never so" x 1.25 -> 2.74125.
    assertEquals(n(2.74125), compound("never so good"), TOL);
  }

  @Test
  void intensifiersAndDampeners() {
    assertEquals(n(1.9 + 0.293), compound("The phone is very good"), TOL);
    assertEquals(n(1.9 - 0.293), compound("The phone is somewhat good"), TOL);
    // On a negative word the booster moves away from 0 too: -2.5 - 0.293.
    assertEquals(n(-2.5 - 0.293), compound("The phone is very bad"), TOL);
    // Two boosters: 0.293 at distance 1, 0.293 * 0.95 at distance 2.
    assertEquals(n(1.9 + 0.293 + 0.293 * 0.95), compound("very very good"), TOL);
    // "kind of": kind (2.4 in the lexicon) scores 0 before "of"; "kind of" dampens good by 0.293
    // at distance 1 ("of"): 1.9 - 0.293 = 1.607; "kind" (a lexicon word) is skipped at distance 2.
    assertEquals(n(1.607), compound("The phone is kind of good"), TOL);
    // "sort of" towards 0 on a negative word: -2.5 + 0.293 = -2.207.
    assertEquals(n(-2.207), compound("The food is sort of bad"), TOL);
  }

  @Test
  void negationAndBoostersStopAtAClauseEnd() {
    // not bad: -2.5 * -0.74 = 1.85; good after the comma is out of "not"'s reach: 1.9.
    // Sum 3.75. (Without clause ends: good at distance 2 from "not", 1.9 * -0.74 = -1.406.)
    assertEquals(n(3.75), compound("Not bad, good"), TOL);
    // "very" before a full stop does not boost the next sentence: 1.9.
    assertEquals(n(1.9), compound("Very. Good"), TOL);
    // "no" followed by a comma keeps its own -1.2 and negates nothing: -1.2 + 1.9 = 0.7.
    assertEquals(n(0.7), compound("No, good"), TOL);
  }

  @Test
  void contrastIsPerSentenceAndHoweverCountsAsBut() {
    // As with "but": good 1.9 x 0.5 = 0.95, horrible -2.5 x 1.5 = -3.75; sum -2.8.
    assertEquals(n(-2.8), compound("The food is good however the service is horrible"), TOL);
    // The first sentence keeps good 1.9; in the second, nice 1.8 x 1.5 = 2.7; sum 4.6.
    // (Over the whole comment, good would be halved: 0.95 + 2.7 = 3.65.)
    assertEquals(n(4.6), compound("The food is good. The service is slow but nice"), TOL);
  }

  @Test
  void warningsAreNotNegated() {
    // Sentence-initial "Don't", waste (-1.8), then "your": the advice keeps waste negative.
    // (Negated it would be -1.8 * -0.74 = +1.332.)
    assertEquals(n(-1.8), compound("Don't waste your money"), TOL);
    // please 1.3 (a lexicon word) + waste -1.8 = -0.5.
    assertEquals(n(-0.5), compound("Please don't waste your money"), TOL);
    // After a full stop: bad -2.5 + waste -1.8 = -4.3.
    assertEquals(n(-4.3), compound("Bad. Do not waste your time"), TOL);
    // Not a warning (no "your", or not at the start): negated as usual, +1.332.
    assertEquals(n(1.332), compound("Don't waste money"), TOL);
    assertEquals(n(1.332), compound("I don't waste your time"), TOL);
  }

  @Test
  void idiomsReplaceTheirWords() {
    // "to die for" 3.0 instead of die -2.9.
    assertEquals(n(3.0), compound("The cake is to die for"), TOL);
    // "yeah right" -2 instead of yeah 1.2.
    assertEquals(n(-2.0), compound("Yeah right"), TOL);
    // The idiom's valence sits on its first word, so "not" right before it negates: 3 * -0.74.
    assertEquals(n(-2.22), compound("not to die for"), TOL);
    // Not across a clause end: "to, die for" is die -2.9.
    assertEquals(n(-2.9), compound("to, die for"), TOL);
  }

  @Test
  void butShiftsWeightToTheClauseAfterIt() {
    // good (index 3) x 0.5 = 0.95; horrible (index 8) x 1.5 = -3.75; sum -2.8.
    // Shares: positive 1.95, negative 4.75, neutral 7 (The food is but the service is), total 13.7.
    SentimentScore s = VADER.score("The food is good but the service is horrible").orElseThrow();
    assertEquals(n(-2.8), s.compound(), TOL);
    assertEquals(1.95 / 13.7, s.positive(), TOL);
    assertEquals(4.75 / 13.7, s.negative(), TOL);
    assertEquals(7 / 13.7, s.neutral(), TOL);
    // Without "but" the two simply add: 1.9 - 2.5 = -0.6.
    assertEquals(n(-0.6), compound("The food is good and the service is horrible"), TOL);
  }

  @Test
  void capitalsEmphasiseWhenOtherWordsAreNot() {
    // GREAT in capitals among lower-case words: 3.1 + 0.733.
    assertEquals(n(3.1 + 0.733), compound("The phone is GREAT"), TOL);
    // All in capitals: no differential, no emphasis.
    assertEquals(n(3.1), compound("THE PHONE IS GREAT"), TOL);
    // A booster in capitals: 0.293 + 0.733 = 1.026 on good.
    assertEquals(n(1.9 + 1.026), compound("The phone is VERY good"), TOL);
    // "I" alone is not shouting: no differential.
    assertEquals(n(3.2), compound("I love it"), TOL);
  }

  @Test
  void exclamationAndQuestionMarks() {
    // Two "!": 1.9 + 2 * 0.292 = 2.484. Shares: positive 2.9 + 0.584, neutral 3, total 6.484.
    SentimentScore s = VADER.score("The phone is good!!").orElseThrow();
    assertEquals(n(2.484), s.compound(), TOL);
    assertEquals(3.484 / 6.484, s.positive(), TOL);
    // At most four count: 1.9 + 4 * 0.292.
    assertEquals(n(1.9 + 4 * 0.292), compound("The phone is good!!!!!!"), TOL);
    // Away from 0 on a negative sum: -2.5 - 0.292.
    assertEquals(n(-2.5 - 0.292), compound("The phone is bad!"), TOL);
    // Two "?": 2 * 0.18; more than three: 0.96.
    assertEquals(n(1.9 + 0.36), compound("Is the phone good??"), TOL);
    assertEquals(n(1.9 + 0.96), compound("Is the phone good?????"), TOL);
    // Nothing to emphasise: 0 stays 0.
    assertEquals(0, compound("The phone arrived!!!"), 0);
  }

  @Test
  void emoticons() {
    assertEquals(n(2.0), compound("Arrived today :)"), TOL);
    assertEquals(n(-1.9), compound("Arrived today :("), TOL);
    // "<3" survives the HTML stripping (it is not a tag): 3.2 + 1.9.
    assertEquals(n(5.1), compound("love it <3"), TOL);
    // ":D" has a capital in the lexicon and matches as written: 2.3.
    assertEquals(n(2.3), compound("arrived today :D"), TOL);
  }

  @Test
  void noAndLeast() {
    // "no" before a lexicon word scores 0; problems after "no": -1.7 * -0.74 = 1.258.
    assertEquals(n(1.258), compound("There were no problems"), TOL);
    // least negates: 1.9 * -0.74; "at least" does not.
    assertEquals(n(-1.406), compound("the least good phone"), TOL);
    assertEquals(n(1.9), compound("at least good"), TOL);
  }

  @Test
  void couldNotBeHappierIsNotNegated() {
    assertEquals(n(2.4), compound("I couldn't be happier"), TOL);
    assertEquals(n(2.4), compound("I could not be happier"), TOL);
    // Any other negation of happier still flips: d=1 "wouldn't": 2.4 * -0.74.
    assertEquals(n(2.4 * -0.74), compound("I wouldn't be happier"), TOL);
  }

  @Test
  void compoundStaysBelowOne() {
    // 8 x great = 24.8, plus 4 x 0.292: N(25.968) = 0.9889...
    assertEquals(
        n(8 * 3.1 + 4 * 0.292),
        compound("great great great great great great great great!!!!"),
        TOL);
    assertEquals(1, SentimentAnalyzer.normalize(Double.POSITIVE_INFINITY), 0);
  }

  @Test
  void tokensKeepCaseEmoticonsAndSplitRunTogetherSentences() {
    assertEquals(
        List.of("Great", "It", "works", ":)", "don't", "wi-fi"),
        VADER.tokens("Great!It works :) don't (wi-fi)..."));
    assertEquals(List.of("minutes", "MAJOR", "PROBLEMS"), VADER.tokens("minutes.MAJOR PROBLEMS!!"));
  }

  @Test
  void noCommentIsNotNeutral() {
    assertTrue(VADER.score(null).isEmpty());
    assertTrue(VADER.score("").isEmpty());
    assertTrue(VADER.score(" \t\n ").isEmpty());
    assertTrue(VADER.score("<p> </p>").isEmpty());
    // A real comment without sentiment words is neutral, and present.
    SentimentScore s = VADER.score("The phone arrived").orElseThrow();
    assertEquals(0, s.compound(), 0);
    assertEquals(1, s.neutral(), 0);
  }

  @Test
  void htmlAndControlCharactersAreStripped() {
    // <b>GREAT</b> phone: tokens GREAT, phone; capitals differential: 3.1 + 0.733.
    assertEquals(n(3.1 + 0.733), compound("<b>GREAT</b> phone"), TOL);
    assertEquals(List.of("good", "cheap"), VADER.tokens("good &amp; cheap"));
    assertEquals(List.of("good", "phone"), VADER.tokens("good\u0000phone"));
  }

  @Test
  void longCommentsAreTruncatedAndFlagged() {
    SentimentAnalyzer a = SentimentAnalyzer.builder().maxLength(10).build();
    // "good phone but terrible" is cut to "good phone": 1.9.
    SentimentScore s = a.score("good phone but terrible").orElseThrow();
    assertTrue(s.truncated());
    assertEquals(n(1.9), s.compound(), TOL);
    assertFalse(a.score("good").orElseThrow().truncated());
    // The limit applies after markup is stripped: "<b>good</b> phone but terrible" is
    // "good phone but terrible", cut to "good phone": 1.9; markup alone is no comment.
    SentimentScore html = a.score("<b>good</b> phone but terrible").orElseThrow();
    assertTrue(html.truncated());
    assertEquals(n(1.9), html.compound(), TOL);
    assertTrue(a.score("<p>&nbsp;</p>\u0007").isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SentimentAnalyzer.builder().maxLength(0));
    assertTrue(e.getMessage().contains("maxLength"), e.getMessage());
  }

  @Test
  void usersAddAndOverrideEntries() {
    assertEquals(n(0.3), compound("I want a refund"), TOL); // want 0.3, refund unknown
    SentimentAnalyzer domain =
        SentimentAnalyzer.builder().entries(Map.of("refund", -1.5, "crashed", -2.5)).build();
    assertEquals(n(0.3 - 1.5), domain.score("I want a refund").orElseThrow().compound(), TOL);
    assertEquals(n(-2.5), domain.score("the app crashed").orElseThrow().compound(), TOL);
    // Override: good now 1.0.
    SentimentLexicon l = SentimentLexicon.vader().with("good", 1.0);
    assertEquals(1.0, l.valence("good").orElseThrow(), 0);
    assertEquals(1.9, SentimentLexicon.vader().valence("good").orElseThrow(), 0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> l.with("two words", 1));
    assertTrue(e.getMessage().contains("two words"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> l.with("x", Double.NaN));
  }

  @Test
  void lexiconFileErrorsNameTheLine() {
    SentimentLexicon l =
        SentimentLexicon.read(new StringReader("good\t1.5\t0.3\n\nbad\t-2\n"), "mine.txt");
    assertEquals(2, l.size());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SentimentLexicon.read(new StringReader("good\t1.5\nbad\tminus\n"), "mine.txt"));
    assertTrue(
        e.getMessage().contains("mine.txt line 2") && e.getMessage().contains("minus"),
        e.getMessage());
    assertEquals(7506, SentimentLexicon.vader().size()); // 7,520 lines, 14 repeated tokens
  }

  @Test
  void decisionRule() {
    assertEquals(Polarity.POSITIVE, Polarity.of(0.05));
    assertEquals(Polarity.NEUTRAL, Polarity.of(0.0499));
    assertEquals(Polarity.NEUTRAL, Polarity.of(-0.0499));
    assertEquals(Polarity.NEGATIVE, Polarity.of(-0.05));
    assertTrue(Polarity.twoClassPositive(1e-9));
    assertFalse(Polarity.twoClassPositive(0));
    assertThrows(IllegalArgumentException.class, () -> Polarity.of(1.5));
  }
}
