package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.SecondsHistogram;
import org.cx4j.journey.variant.Variants;
import org.junit.jupiter.api.Test;

/**
 * The accumulators' written state (writeTo / mergeFrom), which distributed engines ship between
 * processes: splitting the customers in two, accumulating each part, writing one part's state and
 * merging it into the other must give the result of one accumulator over all events (the oracle is
 * the existing single-accumulator result).
 */
class PartialStateProperties {

  private static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults();
  private static final Funnel FUNNEL =
      Funnel.builder().step("home").step("product").step("cart").build();

  /** Events of up to 6 customers, 7 touchpoints; times up to 200000 s, past the dense limit. */
  @Provide
  Arbitrary<List<Interaction>> events() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, 200_000))
            .as((c, t, s) -> at("c" + c, tp(t), s));
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  private static Funnel.Accumulator add(Funnel.Accumulator acc, Journeys js) {
    return js == null ? acc : acc.addAll(js);
  }

  private static byte[] bytes(IoWriter w) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    w.write(new DataOutputStream(b));
    return b.toByteArray();
  }

  private static DataInputStream in(byte[] b) {
    return new DataInputStream(new ByteArrayInputStream(b));
  }

  interface IoWriter {
    void write(DataOutputStream out) throws IOException;
  }

  @Property(tries = 300, seed = "42")
  void mergedWrittenStateEqualsOneAccumulator(
      @ForAll("events") List<Interaction> events, @ForAll Set<Integer> firstPart)
      throws IOException {
    List<Interaction> a = new ArrayList<>();
    List<Interaction> b = new ArrayList<>();
    for (Interaction e : events) {
      int c = Integer.parseInt(e.customer().value().substring(1));
      (firstPart.contains(c % 6) ? a : b).add(e);
    }
    Journeys all = REBUILD.rebuild(log(events));
    // An empty part (no events: nothing to rebuild) is an empty accumulator.
    Journeys ja = a.isEmpty() ? null : REBUILD.rebuild(log(a));
    Journeys jb = b.isEmpty() ? null : REBUILD.rebuild(log(b));
    Abstraction nodes = Abstraction.of(all.dictionary(), Level.TOUCHPOINT);

    Funnel.Accumulator fa = add(FUNNEL.accumulator(), ja);
    Funnel.Accumulator fb = add(FUNNEL.accumulator(), jb);
    fa.mergeFrom(in(bytes(fb::writeTo)));
    assertEquals(FUNNEL.run(all), fa.result());

    Variants.Accumulator va = new Variants.Accumulator(nodes, false);
    if (ja != null) {
      va.addAll(ja);
    }
    Variants.Accumulator vb = new Variants.Accumulator(nodes, false);
    if (jb != null) {
      vb.addAll(jb);
    }
    va.mergeFrom(in(bytes(vb::writeTo)));
    assertEquals(new Variants.Accumulator(nodes, false).addAll(all).result(), va.result());

    TransitionGraph.Accumulator ga = new TransitionGraph.Accumulator(nodes);
    if (ja != null) {
      ga.addAll(ja);
    }
    TransitionGraph.Accumulator gb = new TransitionGraph.Accumulator(nodes);
    if (jb != null) {
      gb.addAll(jb);
    }
    ga.mergeFrom(in(bytes(gb::writeTo)));
    assertEquals(new TransitionGraph.Accumulator(nodes).addAll(all).result(), ga.result());
  }

  @Property(tries = 300, seed = "42")
  void histogramRoundTripsByteForByte(@ForAll("seconds") List<Long> seconds) throws IOException {
    SecondsHistogram h = new SecondsHistogram();
    for (long s : seconds) {
      h.addSeconds(s);
    }
    byte[] first = bytes(h::writeTo);
    SecondsHistogram back = SecondsHistogram.readFrom(in(first));
    assertEquals(h.result(), back.result());
    assertArrayEquals(first, bytes(back::writeTo));
  }

  @Provide
  Arbitrary<List<Long>> seconds() {
    return Arbitraries.longs().between(0, 3L * SecondsHistogram.DENSE_LIMIT).list().ofMaxSize(50);
  }

  @Test
  void stateOfAnotherFunnelOrOtherNodesIsRejected() throws IOException {
    Journeys js = REBUILD.rebuild(log(List.of(at("c", HOME, 0), at("c", PRODUCT, 10))));
    Funnel other = Funnel.builder().step("home").step("cart").build();
    byte[] state = bytes(other.accumulator().addAll(js)::writeTo);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FUNNEL.accumulator().mergeFrom(in(state)));
    assertTrue(e.getMessage().contains("different funnels"), e.getMessage());

    Abstraction byTouchpoint = Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
    Abstraction byChannel = Abstraction.of(js.dictionary(), Level.CHANNEL);
    byte[] graph = bytes(new TransitionGraph.Accumulator(byChannel).addAll(js)::writeTo);
    assertThrows(
        IllegalArgumentException.class,
        () -> new TransitionGraph.Accumulator(byTouchpoint).mergeFrom(in(graph)));
    byte[] variants = bytes(new Variants.Accumulator(byTouchpoint, true).addAll(js)::writeTo);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Variants.Accumulator(byTouchpoint, false).mergeFrom(in(variants)));
  }

  @Test
  void truncatedStateLeavesTheAccumulatorUnchanged() throws IOException {
    Journeys js = REBUILD.rebuild(log(List.of(at("c", HOME, 0), at("c", PRODUCT, 10))));
    Abstraction nodes = Abstraction.of(js.dictionary(), Level.TOUCHPOINT);
    byte[] state = bytes(new TransitionGraph.Accumulator(nodes).addAll(js)::writeTo);
    byte[] cut = java.util.Arrays.copyOf(state, state.length - 3);
    TransitionGraph.Accumulator g = new TransitionGraph.Accumulator(nodes).addAll(js);
    TransitionGraph before = g.result();
    assertThrows(EOFException.class, () -> g.mergeFrom(in(cut)));
    assertEquals(before, g.result());
  }
}
