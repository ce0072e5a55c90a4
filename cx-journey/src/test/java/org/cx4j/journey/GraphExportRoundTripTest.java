package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.attribution.HeuristicAttribution;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.graph.GraphExport;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.UnknownTouchpoints;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.junit.jupiter.api.Test;

/**
 * Names with the characters people really use (the path separator, commas, quotes, markup,
 * backslashes, line breaks, the characters that start escapes) survive the DOT and Mermaid exports:
 * each label is parsed back by a small parser written from the formats' rules and equals the name;
 * and a channel containing {@code " > "} goes through attribution as one channel.
 */
class GraphExportRoundTripTest {

  /** Hostile touchpoint names; each must read back unchanged. */
  static final List<String> NAMES =
      List.of(
          "web > direct",
          "a, b; c",
          "say \"hi\"",
          "<b>x</b> & y",
          "back\\slash\\n not a break",
          "two\nlines",
          "#quot; is not a quote",
          "`tick`",
          "x\\",
          "\u05e9\u05dc\u05d5\u05dd \u202eevil");

  /** One customer per name, visiting every name in order: a path through all of them. */
  static TransitionGraph graph() {
    List<Interaction> events = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      Touchpoint tp = Touchpoint.of(NAMES.get(i), Channel.WEB, JourneyStage.CONSIDERATION);
      events.add(at("c", tp, 10L * i));
    }
    InteractionLog log =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .addAll(events)
            .build();
    return TransitionGraph.of(JourneyRebuilder.defaults().rebuild(log), Level.TOUCHPOINT);
  }

  // DOT: ID [label="escString\nN visits"]; inside the quotes \\ is a backslash, \" a quote and \n
  // a line break (Graphviz, "Node, Edge and Graph Attributes", escString and the DOT grammar).
  private static final Pattern DOT_NODE =
      Pattern.compile(
          "^  (n\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\\\\n(\\d+) visits\"\\];$",
          Pattern.MULTILINE);

  static Map<String, String> dotLabels(String dot) {
    Map<String, String> out = new HashMap<>();
    Matcher m = DOT_NODE.matcher(dot);
    while (m.find()) {
      String raw = m.group(2);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\\') {
          char next = raw.charAt(++i);
          sb.append(next == 'n' ? '\n' : next);
        } else {
          sb.append(c);
        }
      }
      out.put(m.group(1), sb.toString());
    }
    return out;
  }

  // Mermaid: ID["label<br/>N visits"]; inside the quotes #name; and #digits; are entity codes and
  // <br/> a line break (Mermaid flowchart syntax, "Entity codes to escape characters").
  private static final Pattern MERMAID_NODE =
      Pattern.compile("^  (n\\d+)\\[\"([^\"]*)<br/>(\\d+) visits\"\\]$", Pattern.MULTILINE);
  private static final Pattern ENTITY = Pattern.compile("#(\\w+);");
  private static final Map<String, String> NAMED =
      Map.of("quot", "\"", "amp", "&", "lt", "<", "gt", ">");

  static Map<String, String> mermaidLabels(String mmd) {
    Map<String, String> out = new HashMap<>();
    Matcher m = MERMAID_NODE.matcher(mmd);
    while (m.find()) {
      String raw = m.group(2).replace("<br/>", "\n");
      Matcher e = ENTITY.matcher(raw);
      StringBuilder sb = new StringBuilder();
      while (e.find()) {
        String code = e.group(1);
        String text =
            code.chars().allMatch(Character::isDigit)
                ? Character.toString(Integer.parseInt(code))
                : NAMED.get(code);
        e.appendReplacement(sb, Matcher.quoteReplacement(text));
      }
      e.appendTail(sb);
      out.put(m.group(1), sb.toString());
    }
    return out;
  }

  @Test
  void dotLabelsReadBackToTheNames() {
    TransitionGraph g = graph();
    Map<String, String> labels = dotLabels(GraphExport.dot(g, 1));
    assertEquals(g.nodes().size(), labels.size(), "one parsed label per node");
    for (int i = 0; i < g.nodes().size(); i++) {
      assertEquals(g.nodes().get(i), labels.get("n" + i));
    }
    assertEquals(new java.util.HashSet<>(NAMES), new java.util.HashSet<>(labels.values()));
  }

  @Test
  void mermaidLabelsReadBackToTheNames() {
    TransitionGraph g = graph();
    String mmd = GraphExport.mermaid(g, 1);
    Map<String, String> labels = mermaidLabels(mmd);
    assertEquals(g.nodes().size(), labels.size(), "one parsed label per node:\n" + mmd);
    for (int i = 0; i < g.nodes().size(); i++) {
      assertEquals(g.nodes().get(i), labels.get("n" + i));
    }
    // Every line is one statement: no name breaks a line or leaves a quote open.
    for (String line : mmd.split("\n")) {
      assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, line);
    }
  }

  @Test
  void lineBreaksOfAnyKindBecomeOneEscapedBreak() {
    Touchpoint crlf = Touchpoint.of("a\r\nb", Channel.WEB, JourneyStage.AWARENESS);
    Touchpoint cr = Touchpoint.of("c\rd", Channel.WEB, JourneyStage.AWARENESS);
    InteractionLog log =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .addAll(List.of(at("x", crlf, 0), at("x", cr, 5)))
            .build();
    TransitionGraph g =
        TransitionGraph.of(JourneyRebuilder.defaults().rebuild(log), Level.TOUCHPOINT);
    String dot = GraphExport.dot(g, 1);
    assertEquals(
        List.of("a\nb", "c\nd"), List.copyOf(new java.util.TreeSet<>(dotLabels(dot).values())));
    assertEquals(-1, dot.indexOf('\r'));
    String mmd = GraphExport.mermaid(g, 1);
    assertEquals(
        List.of("a\nb", "c\nd"), List.copyOf(new java.util.TreeSet<>(mermaidLabels(mmd).values())));
    assertEquals(-1, mmd.indexOf('\r'));
  }

  /**
   * Paths are lists, never joined and split again: journeys "web > direct", "e, mail" (converts)
   * and "e, mail" (does not). First touch: "web > direct" 1; last touch: "e, mail" 1.
   */
  @Test
  void aChannelContainingTheSeparatorIsOneChannelInAttribution() {
    Touchpoint a = Touchpoint.of("landing", Channel.of("web > direct"), JourneyStage.AWARENESS);
    Touchpoint b = Touchpoint.of("news", Channel.of("e, mail"), JourneyStage.PURCHASE);
    InteractionLog log =
        InteractionLog.builder()
            .unknownTouchpoints(UnknownTouchpoints.REGISTER)
            .addAll(List.of(at("p", a, 0), at("p", b, 10, Outcome.of("conversion")), at("q", b, 0)))
            .build();
    Journeys js = JourneyRebuilder.defaults().rebuild(log);
    PathData paths =
        PathData.fromJourneys(
            js, Abstraction.of(js.dictionary(), Level.CHANNEL), Outcome.of("conversion"), j -> 1);
    // Channel names are normalised by cx-core (blanks as '_'); the separator stays inside.
    String web = Channel.of("web > direct").name();
    String mail = Channel.of("e, mail").name();
    assertEquals(2, paths.channels().size(), paths.channels().toString());
    assertEquals(
        List.of(web, mail),
        List.of(paths.channels().get(paths.touch(0, 0)), paths.channels().get(paths.touch(0, 1))));
    AttributionResult first = HeuristicAttribution.firstTouch(paths);
    assertEquals(1, first.credit(web).conversions(), 1e-12);
    assertEquals(0, first.credit(mail).conversions(), 1e-12);
    assertEquals(1, HeuristicAttribution.lastTouch(paths).credit(mail).conversions(), 1e-12);
    // The builder takes a list with the separator in a name as one channel too.
    PathData listed = PathData.builder().add(List.of("x > y", "z"), 1, 1, 0).build();
    assertEquals(List.of("x > y", "z"), listed.channels());
    assertEquals(2, listed.length(0));
  }
}
