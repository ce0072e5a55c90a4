package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.cx4j.text.ThemeTable.GroupTotals;
import org.cx4j.text.ThemeTable.Row;
import org.cx4j.text.ThemeTable.TermCount;
import org.junit.jupiter.api.Test;

class ThemeDictionaryTest {

  record Comment(String group, String text) {}

  static final ThemeDictionary THEMES =
      ThemeDictionary.builder()
          .theme("delivery", "delivery", "shipping")
          .theme("service", "customer service", "service")
          .theme("refund", "refund", "money back")
          .build();

  static final List<Comment> COMMENTS =
      List.of(
          new Comment("detractor", "Delivery was late and the refund never came"),
          new Comment("detractor", "Late deliveries, terrible"),
          new Comment("detractor", ""),
          new Comment("detractor", "The app crashed"),
          new Comment("detractor", "App crashes again"),
          new Comment("promoter", "Fast delivery, great service"),
          new Comment("promoter", "Great service"));

  static double n(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  @Test
  void phrasesAreStemmedLikeComments() {
    assertEquals(Set.of("delivery"), THEMES.themesOf("Two DELIVERIES went missing"));
    assertEquals(Set.of("refund"), THEMES.themesOf("I want my money back"));
    // Phrase order matters: "back money" is not "money back".
    assertEquals(Set.of(), THEMES.themesOf("back money"));
    assertEquals(Set.of(), THEMES.themesOf(null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ThemeDictionary.builder().theme("x", "the"));
    assertTrue(e.getMessage().contains("'the'") && e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void countsSharesSentimentVerbatimsAndSuggestions() {
    ThemeTable t =
        THEMES.analyze(COMMENTS, Comment::text, Comment::group, SentimentAnalyzer.vader(), 2);

    // Detractors: 4 comments with text, 1 without. delivery in comments 1 and 2.
    GroupTotals d = t.groups().get("detractor");
    assertEquals(4, d.comments());
    assertEquals(1, d.noComment());
    assertEquals(2, d.unmatched());
    // Unmatched stems by comments containing them: app 2, crash 2 (crashed, crashes), again 1.
    assertEquals(
        List.of(new TermCount("app", 2), new TermCount("crash", 2), new TermCount("again", 1)),
        d.suggestions());

    Row delivery = t.row("detractor", "delivery").orElseThrow();
    assertEquals(2, delivery.comments());
    assertEquals(0.5, delivery.share(), 0);
    // Comment 1 has no lexicon word (0); comment 2 has terrible -2.1: mean N(-2.1) / 2.
    assertEquals(n(-2.1) / 2, delivery.meanSentiment(), 1e-12);
    assertEquals(
        List.of("Late deliveries, terrible", "Delivery was late and the refund never came"),
        delivery.verbatims());
    assertEquals(0.25, t.row("detractor", "refund").orElseThrow().share(), 0);
    assertTrue(t.row("detractor", "service").isEmpty());

    // Promoters: service in both (great 3.1 each), delivery in one.
    Row service = t.row("promoter", "service").orElseThrow();
    assertEquals(2, service.comments());
    assertEquals(1.0, service.share(), 0);
    assertEquals(n(3.1), service.meanSentiment(), 1e-12);
    assertEquals(n(3.1), service.sentimentInterval(0.95).orElseThrow().lower(), 1e-12);
    assertEquals(List.of("Great service", "Fast delivery, great service"), service.verbatims());
    assertEquals(0.5, t.row("promoter", "delivery").orElseThrow().share(), 0);
    assertEquals(0, t.groups().get("promoter").unmatched());
    // Rows by group, then dictionary order.
    assertEquals(
        List.of("detractor/delivery", "detractor/refund", "promoter/delivery", "promoter/service"),
        t.rows().stream().map(r -> r.group() + "/" + r.theme()).toList());
  }
}
