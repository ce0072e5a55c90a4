package org.cx4j.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.report.analysis.CxReport;
import org.cx4j.report.analysis.ReportSnapshot;
import org.cx4j.report.analysis.ReportSnapshot.GroupStats;
import org.cx4j.report.analysis.ReportSnapshot.MetricStats;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.Test;

/** {@code report.json}: round trips, escaping of hostile names, and errors naming the field. */
class ReportJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theSampleReportRoundTripsToEqualSufficientStatistics() {
    ReportSnapshot s = CxReport.of(ReportInput.sample()).snapshot();
    assertEquals(
        List.of("NPS", "CSAT", "CES"), s.metrics().stream().map(MetricStats::metric).toList());
    String json = ReportJson.toJson(s);
    ReportSnapshot back = ReportJson.parse("test", json);
    assertEquals(s, back);
    // Byte for byte: what is read back writes the same text.
    assertEquals(json, ReportJson.toJson(back));
    // Every dimension is there, and every group's counts sum to its n.
    MetricStats nps = s.metrics().get(0);
    for (String d : ReportSnapshot.DIMENSIONS) {
      assertTrue(nps.groups().stream().anyMatch(g -> g.dimension().equals(d)), d);
    }
  }

  @Property(tries = 300, seed = "42")
  void weightedHistogramsRoundTripExactly(@ForAll("groups") List<GroupStats> groups) {
    ReportSnapshot s =
        new ReportSnapshot(
            "random",
            List.of(new MetricStats("CSAT", "CSAT (% satisfied)", Instrument.csat(), groups)));
    ReportSnapshot back = ReportJson.parse("random", ReportJson.toJson(s));
    assertEquals(s, back);
    for (int i = 0; i < groups.size(); i++) {
      ScoreDistribution a = groups.get(i).distribution();
      ScoreDistribution b = back.metrics().get(0).groups().get(i).distribution();
      // The Kish n_eff that the tests use is recomputed from the same sums.
      assertEquals(a.effectiveSampleSize(), b.effectiveSampleSize(), 1e-12 * a.n());
    }
  }

  @Provide
  Arbitrary<List<GroupStats>> groups() {
    Arbitrary<GroupStats> g =
        Arbitraries.integers()
            .between(1, 40)
            .flatMap(
                n ->
                    Arbitraries.integers()
                        .between(1, 5)
                        .array(int[].class)
                        .ofSize(n)
                        .flatMap(
                            scores ->
                                Arbitraries.doubles()
                                    .between(0.01, 50)
                                    .array(double[].class)
                                    .ofSize(n)
                                    .flatMap(
                                        w ->
                                            Arbitraries.strings()
                                                .all()
                                                .ofMaxLength(12)
                                                .map(
                                                    key ->
                                                        new GroupStats(
                                                            "segment",
                                                            key,
                                                            ScoreDistribution.of(
                                                                new Scale(1, 5), scores, w),
                                                            T0,
                                                            T0.plusSeconds(scores.length))))));
    return g.list()
        .ofMaxSize(6)
        .map(
            list -> {
              // keys are unique per dimension in a snapshot; the order is kept as given
              List<GroupStats> out = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                GroupStats x = list.get(i);
                out.add(
                    new GroupStats(
                        x.dimension(), i + ":" + x.key(), x.distribution(), x.first(), x.last()));
              }
              return out;
            });
  }

  @Test
  void hostileNamesAreEscapedByJacksonAndReadBackUnchanged() throws Exception {
    List<String> keys =
        List.of(
            "say \"hi\"",
            "back\\slash",
            "line\nbreak",
            "</script><b>",
            "\u001b[31mred",
            "\u202eevil",
            "nul\u0000",
            "sep\u2028arator",
            "emoji \ud83d\ude00");
    List<GroupStats> groups = new ArrayList<>();
    for (String k : keys) {
      groups.add(
          new GroupStats(
              "touchpoint",
              k,
              ScoreDistribution.ofCounts(new Scale(0, 10), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
              T0,
              T0));
    }
    ReportSnapshot s =
        new ReportSnapshot(
            "a \"name\"\n", List.of(new MetricStats("NPS", "NPS", Instrument.nps(), groups)));
    String json = ReportJson.toJson(s);
    // Control characters never appear raw inside the JSON text.
    for (char c : json.toCharArray()) {
      assertTrue(c == '\n' || c >= 0x20, "raw control character " + (int) c);
    }
    assertFalse(json.contains("line\nbreak"));
    JsonNode root = JSON.readTree(json);
    List<String> back = new ArrayList<>();
    root.get("metrics").get(0).get("groups").forEach(g -> back.add(g.get("key").asText()));
    assertEquals(keys, back);
    assertEquals(s, ReportJson.parse("x", json));
  }

  /** A valid one-group file as a tree, to break one field at a time. */
  private static ObjectNode valid() throws Exception {
    ReportSnapshot s =
        new ReportSnapshot(
            "ok",
            List.of(
                new MetricStats(
                    "NPS",
                    "NPS",
                    Instrument.nps(),
                    List.of(
                        new GroupStats(
                            "overall",
                            "overall",
                            ScoreDistribution.ofCounts(
                                new Scale(0, 10), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
                            T0,
                            T0.plusSeconds(60))))));
    return (ObjectNode) JSON.readTree(ReportJson.toJson(s));
  }

  private static ObjectNode group(ObjectNode root) {
    return (ObjectNode) root.get("metrics").get(0).get("groups").get(0);
  }

  private static String error(ObjectNode root) {
    return assertThrows(
            IllegalArgumentException.class, () -> ReportJson.parse("f.json", root.toString()))
        .getMessage();
  }

  @Test
  void badFieldsAreNamedWithTheirPathAndValue() throws Exception {
    ObjectNode r = valid();
    group(r).putArray("counts").add(1).add(2);
    assertEquals(
        "baseline f.json: metrics[0].groups[0].counts has 2 entries; the scale 0..10 " + "has 11",
        error(r));

    r = valid();
    ((com.fasterxml.jackson.databind.node.ArrayNode) group(r).get("counts"))
        .set(3, JSON.getNodeFactory().numberNode(-4));
    assertEquals(
        "baseline f.json: metrics[0].groups[0].counts[3] must be a non-negative "
            + "integer, got -4",
        error(r));

    r = valid();
    group(r).put("n", 7);
    assertEquals("baseline f.json: metrics[0].groups[0].n is 7 but the counts sum to 3", error(r));

    r = valid();
    group(r).put("dimension", "planet");
    assertTrue(
        error(r)
            .startsWith(
                "baseline f.json: metrics[0].groups[0].dimension is "
                    + "'planet', expected one of [overall, segment, touchpoint, channel]"));

    r = valid();
    ((ObjectNode) r.get("metrics").get(0).get("instrument")).put("kind", "MOOD");
    assertTrue(error(r).startsWith("baseline f.json: metrics[0].instrument.kind is 'MOOD'"));

    r = valid();
    group(r).put("last", "yesterday");
    assertTrue(error(r).contains("metrics[0].groups[0].last must be an ISO-8601 instant"));

    r = valid();
    group(r).put("last", "2025-01-01T00:00:00Z");
    assertTrue(error(r).contains("metrics[0].groups[0].last (2025-01-01T00:00:00Z) is before"));

    r = valid();
    group(r).putArray("weights").add(1);
    assertTrue(error(r).contains("metrics[0].groups[0].weights has 1 entries"), error(r));

    r = valid();
    r.remove("metrics");
    assertEquals("baseline f.json: metrics is missing", error(r));

    r = valid();
    r.put("version", "1");
    assertEquals("baseline f.json: \"version\" is '1', expected the integer 1", error(r));
  }

  @Test
  void malformedJsonNamesTheLine() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ReportJson.parse(
                        "f.json", "{\n\"format\": \"cx4j-report\",\n\"format\": \"x\"}"))
            .getMessage();
    assertTrue(m.startsWith("baseline f.json: not valid JSON at line 3"), m);
    assertTrue(m.contains("Duplicate field 'format'"), m);
    String deep = "[".repeat(10_000);
    m =
        assertThrows(IllegalArgumentException.class, () -> ReportJson.parse("f.json", deep))
            .getMessage();
    assertEquals("baseline f.json: nests deeper than 32 levels; not a report.json", m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> ReportJson.parse("f.json", "{\"format\": \"cx4j-report\"}\n{\"more\": 1}"))
            .getMessage();
    assertTrue(m.startsWith("baseline f.json: not valid JSON at line 2"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> ReportJson.parse("f.json", ""))
            .getMessage();
    assertEquals("baseline f.json: the file is empty, not a report.json", m);
  }
}
