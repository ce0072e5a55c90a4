package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.CART;
import static org.cx4j.journey.JourneyFixtures.HOME;
import static org.cx4j.journey.JourneyFixtures.PRODUCT;
import static org.cx4j.journey.JourneyFixtures.at;
import static org.cx4j.journey.JourneyFixtures.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.internal.PartialStates;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.junit.jupiter.api.Test;

/**
 * The version-1 journey partial states (funnel, transition graph, variants) in the style of
 * DataSketches' SerDe tests: the bytes a build writes for a fixed input equal the committed
 * version-1 fixtures (so a format change cannot slip in unversioned), every later build decodes
 * those fixtures to the counts worked out by hand below, and a header of another version or another
 * family is refused by name.
 *
 * <p>The input: three customers, {@code c1}: home (0 s), product (10 s), cart (70 s); {@code c2}:
 * home (0 s), product (5 s); {@code c3}: home (0 s). By hand: the funnel home &gt; product &gt;
 * cart reaches 3, 2, 1; the graph has edges home&rarr;product twice and product&rarr;cart once over
 * 3 journeys; the variants are three, once each, 3 journeys in all.
 */
class PartialStateSerDeTest {

  private static final Funnel FUNNEL =
      Funnel.builder().step("home").step("product").step("cart").build();

  private static Journeys journeys() {
    return JourneyRebuilder.defaults()
        .rebuild(
            log(
                List.of(
                    at("c1", HOME, 0),
                    at("c1", PRODUCT, 10),
                    at("c1", CART, 70),
                    at("c2", HOME, 0),
                    at("c2", PRODUCT, 5),
                    at("c3", HOME, 0))));
  }

  private static Abstraction nodes(Journeys js) {
    return Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
  }

  interface IoWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(IoWriter w) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    w.write(new DataOutputStream(b));
    return b.toByteArray();
  }

  private static DataInputStream in(byte[] b) {
    return new DataInputStream(new ByteArrayInputStream(b));
  }

  /**
   * The committed fixture; when it is missing (a new family), the current bytes are written under
   * {@code target/} for review and the test fails, so a fixture is only ever added deliberately.
   */
  private static byte[] fixture(String name, byte[] current) throws IOException {
    try (InputStream s = PartialStateSerDeTest.class.getResourceAsStream(name)) {
      if (s == null) {
        Path out = Path.of("target", "new-fixtures", name);
        Files.createDirectories(out.getParent());
        Files.write(out, current);
        throw new AssertionError("fixture " + name + " is missing; review and commit " + out);
      }
      return s.readAllBytes();
    }
  }

  @Test
  void funnelStateMatchesAndDecodesTheVersion1Fixture() throws IOException {
    Journeys js = journeys();
    byte[] written = bytes(FUNNEL.accumulator().addAll(js)::writeTo);
    byte[] v1 = fixture("funnel-state-v1.bin", written);
    assertArrayEquals(v1, written);
    assertEquals(PartialStates.FORMAT_VERSION, v1[0]);
    assertEquals('F', v1[1]);
    assertArrayEquals(
        new long[] {3, 2, 1}, FUNNEL.accumulator().mergeFrom(in(v1)).result().counts());
  }

  @Test
  void graphStateMatchesAndDecodesTheVersion1Fixture() throws IOException {
    Journeys js = journeys();
    byte[] written = bytes(new TransitionGraph.Accumulator(nodes(js)).addAll(js)::writeTo);
    byte[] v1 = fixture("graph-state-v1.bin", written);
    assertArrayEquals(v1, written);
    TransitionGraph g = new TransitionGraph.Accumulator(nodes(js)).mergeFrom(in(v1)).result();
    assertEquals(2, g.count("home", "product"));
    assertEquals(1, g.count("product", "cart"));
    assertEquals(0, g.count("home", "cart"));
    assertEquals(3, g.journeys());
    assertEquals(3L, g.starts().get("home"));
  }

  @Test
  void variantsStateMatchesAndDecodesTheVersion1Fixture() throws IOException {
    Journeys js = journeys();
    byte[] written = bytes(new Variants.Accumulator(nodes(js), false).addAll(js)::writeTo);
    byte[] v1 = fixture("variants-state-v1.bin", written);
    assertArrayEquals(v1, written);
    Variants v = new Variants.Accumulator(nodes(js), false).mergeFrom(in(v1)).result();
    assertEquals(3, v.total());
    assertEquals(3, v.distinct());
    assertTrue(v.all().stream().allMatch(x -> x.count() == 1), v::toString);
  }

  @Test
  void anotherFamilyOrVersionIsRefusedByName() throws IOException {
    Journeys js = journeys();
    byte[] graph = bytes(new TransitionGraph.Accumulator(nodes(js)).addAll(js)::writeTo);
    IllegalArgumentException family =
        assertThrows(
            IllegalArgumentException.class, () -> FUNNEL.accumulator().mergeFrom(in(graph)));
    assertEquals("expected a funnel state, found a transition-graph state", family.getMessage());

    byte[] funnel = bytes(FUNNEL.accumulator().addAll(js)::writeTo);
    funnel[0] = 2;
    IllegalArgumentException version =
        assertThrows(
            IllegalArgumentException.class, () -> FUNNEL.accumulator().mergeFrom(in(funnel)));
    assertTrue(version.getMessage().contains("format version 2"), version.getMessage());
  }

  @Test
  void funnelsThatPrintAlikeButDifferAreRefused() throws IOException {
    // Two predicate steps with the same name print the same but are the same step by definition
    // (a predicate step is identified by its name); a stage step and a touchpoint step with the
    // same label print differently but must be told apart structurally, not by their text.
    Funnel byTouchpoint = Funnel.builder().step("home").step("product").build();
    Funnel byName =
        Funnel.builder()
            .step(org.cx4j.journey.funnel.FunnelStep.matching("home", i -> true))
            .step("product")
            .build();
    byte[] state = bytes(byName.accumulator()::writeTo);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> byTouchpoint.accumulator().mergeFrom(in(state)));
    assertTrue(e.getMessage().contains("different funnels"), e.getMessage());
  }

  @Test
  void aFunnelWithAVeryLongLabelRoundTrips() throws IOException {
    // writeUTF would stop at 65,535 bytes; the definition writes lengths as ints.
    String longId = "x".repeat(70_000);
    Funnel f = Funnel.builder().step(longId).step("home").build();
    byte[] state = bytes(f.accumulator()::writeTo);
    assertArrayEquals(new long[] {0, 0}, f.accumulator().mergeFrom(in(state)).result().counts());
  }
}
