package org.cx4j.report.html;

import static org.cx4j.report.html.HtmlReport.bdi;
import static org.cx4j.report.html.HtmlReport.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cx4j.metrics.score.Interval;
import org.cx4j.report.analysis.TextSection;
import org.cx4j.text.FightinWords.TermScore;
import org.cx4j.text.SentimentSummary;
import org.cx4j.text.ThemeTable;

/**
 * Renders "What customers say" ({@link TextSection}) for {@link HtmlReport}. Comments are hostile
 * input: every verbatim, term and name is escaped and isolated ({@link HtmlReport#bdi}).
 */
final class TextSectionHtml {

  /** The section's id, for the navigation link. */
  static final String ID = "text";

  /** The section's navigation label. */
  static final String NAV = "Comments";

  private final StringBuilder h = new StringBuilder(16 * 1024);
  private final TextSection t;
  private final int pct;

  private TextSectionHtml(TextSection t, int pct) {
    this.t = t;
    this.pct = pct;
  }

  /** Returns the section as HTML, intervals labelled at {@code pct}%. */
  static String render(TextSection t, int pct) {
    return new TextSectionHtml(t, pct).render();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private String render() {
    h.append("<section id=\"").append(ID).append("\">\n<h2>What customers say</h2>\n");
    if (!t.hasComments()) {
      p(
          "The survey responses have no comments (no comment column, or it is empty): there is"
              + " nothing to read here.");
      h.append("</section>\n");
      return h.toString();
    }
    p(
        f(
            "%d of %d survey responses have a comment (%.0f%%). Sentiment is the VADER compound"
                + " score of each comment, from -1 (most negative) to +1; 0.05 and above counts as"
                + " positive, -0.05 and below as negative.",
            t.comments(), t.responses(), 100.0 * t.comments() / t.responses()));
    touchpoints();
    terms();
    themes();
    h.append("</section>\n");
    return h.toString();
  }

  private void p(String text) {
    h.append("<p>").append(esc(text)).append("</p>\n");
  }

  private void head(String... cells) {
    h.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (String c : cells) {
      boolean numeric = c.startsWith("#");
      h.append(numeric ? "<th class=\"n\">" : "<th>")
          .append(esc(numeric ? c.substring(1) : c))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
  }

  private void text(String s) {
    h.append("<td>").append(bdi(s)).append("</td>");
  }

  private void num(String s) {
    h.append("<td class=\"n\">").append(esc(s)).append("</td>");
  }

  private void end() {
    h.append("</tbody>\n</table></div>\n");
  }

  private String interval(SentimentSummary s) {
    Optional<Interval> i = s.meanInterval(t.level());
    return i.map(x -> f("%.2f to %.2f", x.lower(), x.upper())).orElse("");
  }

  private void touchpoints() {
    h.append("<h3>Sentiment by touchpoint</h3>\n");
    head(
        "Touchpoint",
        "#Comments",
        "#Mean sentiment",
        "#" + pct + "% interval",
        "#Positive",
        "#Negative");
    for (Map.Entry<String, SentimentSummary> e : t.byTouchpoint().entrySet()) {
      SentimentSummary s = e.getValue();
      h.append("<tr>");
      text(e.getKey());
      num(Long.toString(s.scored()));
      num(f("%+.2f", s.meanCompound()));
      num(interval(s));
      num(Long.toString(s.positive()));
      num(Long.toString(s.negative()));
      h.append("</tr>\n");
    }
    end();
    p("The interval is Student's t on the comments' scores; none below two comments.");
  }

  private void terms() {
    h.append("<h3>Words and phrases of detractors and promoters</h3>\n");
    if (t.detractorTerms().isEmpty() && t.promoterTerms().isEmpty()) {
      p(
          f(
              "No word or phrase tells detractors' comments from promoters' at |z| above %.2f.",
              TextSection.MIN_Z));
      return;
    }
    head("More typical of", "Word or phrase (stems)", "#Detractor uses", "#Promoter uses", "#z");
    rows("Detractors", t.detractorTerms());
    rows("Promoters", t.promoterTerms());
    end();
    p(
        "Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi and Quinn"
            + " 2008), on stemmed words without stop words and on adjacent pairs of them; |z| above"
            + " 1.96 is a difference at the 5% level for one term taken alone.");
  }

  private void rows(String side, List<TermScore> terms) {
    for (TermScore s : terms) {
      h.append("<tr>");
      text(side);
      text(s.term());
      num(Long.toString(s.countA()));
      num(Long.toString(s.countB()));
      num(f("%+.2f", s.z()));
      h.append("</tr>\n");
    }
  }

  private void themes() {
    h.append("<h3>Themes in NPS comments</h3>\n");
    ThemeTable table = t.themes();
    if (table.rows().isEmpty()) {
      p("No NPS comment matches a theme of the dictionary.");
      return;
    }
    head(
        "Group",
        "Theme",
        "#Comments",
        "#Share of the group's comments",
        "#Mean sentiment",
        "Shortest comments");
    for (ThemeTable.Row row : table.rows()) {
      h.append("<tr>");
      text(row.group());
      text(row.theme());
      num(Long.toString(row.comments()));
      num(f("%.0f%%", 100 * row.share()));
      num(f("%+.2f", row.meanSentiment()));
      h.append("<td>");
      for (String v : row.verbatims()) {
        h.append("<q>").append(bdi(v)).append("</q> ");
      }
      h.append("</td></tr>\n");
    }
    end();
    StringBuilder unmatched = new StringBuilder();
    table
        .groups()
        .forEach(
            (g, totals) ->
                unmatched
                    .append(unmatched.length() == 0 ? "" : "; ")
                    .append(
                        f(
                            "%s: %d of %d comments match no theme",
                            g, totals.unmatched(), totals.comments())));
    p(unmatched + ". A comment can match several themes.");
  }
}
