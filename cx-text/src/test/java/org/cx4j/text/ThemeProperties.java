package org.cx4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.cx4j.text.FightinWords.TermScore;

class ThemeProperties {

  static final List<String> WORDS =
      List.of(
          "delivery",
          "late",
          "refund",
          "great",
          "service",
          "battery",
          "screen",
          "the",
          "app",
          "crashed",
          "money",
          "back",
          "slow",
          "friendly",
          "staff");

  @Provide
  Arbitrary<List<String>> group() {
    Arbitrary<String> comment =
        Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l));
    return comment.list().ofMinSize(1).ofMaxSize(12);
  }

  // δ and z change sign when the groups swap: the formula is antisymmetric in a and b.
  @Property(tries = 500, seed = "42")
  void swappingGroupsNegatesTheLogOdds(
      @ForAll("group") List<String> a,
      @ForAll("group") List<String> b,
      @ForAll @DoubleRange(min = 0.1, max = 1000) double alpha0) {
    FightinWords fw = FightinWords.english().alpha0(alpha0);
    Map<String, TermScore> ab = byTerm(fw.words(a, b));
    Map<String, TermScore> ba = byTerm(fw.words(b, a));
    assertEquals(ab.keySet(), ba.keySet());
    ab.forEach(
        (term, s) -> {
          TermScore r = ba.get(term);
          assertEquals(-s.delta(), r.delta(), 1e-9);
          assertEquals(s.variance(), r.variance(), 1e-9);
          assertEquals(s.countA(), r.countB());
        });
  }

  // Every comment with text matches a theme or is unmatched; shares are counts over comments.
  @Property(tries = 300, seed = "42")
  void themeCountsAddUp(@ForAll("group") List<String> comments) {
    ThemeDictionary d =
        ThemeDictionary.builder()
            .theme("delivery", "delivery", "late")
            .theme("refund", "money back", "refund")
            .build();
    ThemeTable t =
        d.analyze(comments, Function.identity(), c -> "all", SentimentAnalyzer.vader(), 2);
    ThemeTable.GroupTotals g = t.groups().get("all");
    long matchedAny = comments.stream().filter(c -> !d.themesOf(c).isEmpty()).count();
    assertEquals(comments.size(), g.comments() + g.noComment());
    assertEquals(g.comments() - matchedAny, g.unmatched());
    for (ThemeTable.Row r : t.rows()) {
      long naive = comments.stream().filter(c -> d.themesOf(c).contains(r.theme())).count();
      assertEquals(naive, r.comments());
      assertEquals(naive / (double) g.comments(), r.share(), 0);
      assertTrue(r.verbatims().size() <= 2);
    }
  }

  // Scores handed in give the table that scoring the text gives: counts, shares, sentiment,
  // verbatims and suggestions, per group; blank comments are "no comment" either way.
  @Property(tries = 300, seed = "42")
  void scoresHandedInGiveTheSameTable(
      @ForAll("group") List<String> comments, @ForAll("group") List<String> others) {
    ThemeDictionary d =
        ThemeDictionary.builder()
            .theme("delivery", "delivery", "late")
            .theme("staff", "friendly staff", "service")
            .build();
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    List<String> all = new java.util.ArrayList<>(comments);
    all.add("   ");
    all.addAll(others);
    Function<String, String> group = c -> c.length() % 3 == 0 ? "a" : "b";
    ThemeTable scored = d.analyze(all, Function.identity(), group, vader, 2);
    ThemeTable given = d.analyze(all, Function.identity(), vader::score, group, vader, 2);
    assertEquals(scored.groups(), given.groups());
    assertEquals(scored.rows().size(), given.rows().size());
    for (int i = 0; i < scored.rows().size(); i++) {
      ThemeTable.Row x = scored.rows().get(i);
      ThemeTable.Row y = given.rows().get(i);
      assertEquals(
          List.of(x.group(), x.theme(), x.comments(), x.verbatims()),
          List.of(y.group(), y.theme(), y.comments(), y.verbatims()));
      assertEquals(x.share(), y.share(), 0);
      assertEquals(x.sentiment().toString(), y.sentiment().toString());
      assertEquals(x.sentiment().meanCompound(), y.sentiment().meanCompound(), 0);
    }
  }

  static Map<String, TermScore> byTerm(List<TermScore> scores) {
    return scores.stream().collect(Collectors.toMap(TermScore::term, Function.identity()));
  }
}
