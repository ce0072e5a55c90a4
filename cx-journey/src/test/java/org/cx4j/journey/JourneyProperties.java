package org.cx4j.journey;

import static org.cx4j.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.Duplicates;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.SecondsHistogram;

class JourneyProperties {

  static final JourneyRebuilder REBUILD = JourneyRebuilder.defaults();

  /**
   * Random events: 1..40 of up to 6 customers, 7 touchpoints, times 0..4000 s (gaps > 30 min
   * occur).
   */
  @Provide
  Arbitrary<List<Interaction>> events() {
    Arbitrary<Interaction> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, 4000))
            .as((c, t, s) -> at("c" + c, tp(t), s));
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  private static List<List<String>> paths(Journeys js) {
    List<List<String>> l = new ArrayList<>();
    for (int j = 0; j < js.journeyCount(); j++) {
      List<String> p = new ArrayList<>(js.journey(j).path());
      p.add(0, js.journey(j).customer().value() + "@" + js.journey(j).start());
      l.add(p);
    }
    l.sort((a, b) -> a.toString().compareTo(b.toString()));
    return l;
  }

  @Property(tries = 300, seed = "42")
  void rebuildEqualsBruteForce(
      @ForAll("events") List<Interaction> events, @ForAll boolean collapse) {
    // Oracle: group by customer, stable-sort each group by time (arrival order on ties), drop
    // later (customer, touchpoint, time) duplicates when collapsing, split where the gap
    // exceeds 30 minutes. Journeys are compared as sorted lists of "customer@start path".
    java.util.Map<String, List<Interaction>> byCustomer = new java.util.TreeMap<>();
    for (Interaction e : events) {
      byCustomer.computeIfAbsent(e.customer().value(), k -> new ArrayList<>()).add(e);
    }
    List<String> expected = new ArrayList<>();
    for (List<Interaction> l : byCustomer.values()) {
      List<Interaction> sorted = new ArrayList<>(l);
      sorted.sort(java.util.Comparator.comparing(Interaction::timestamp)); // List.sort is stable
      if (collapse) {
        List<Interaction> kept = new ArrayList<>();
        for (Interaction e : sorted) {
          boolean dup = false;
          for (Interaction k : kept) {
            dup |= k.timestamp().equals(e.timestamp()) && k.touchpoint().equals(e.touchpoint());
          }
          if (!dup) {
            kept.add(e);
          }
        }
        sorted = kept;
      }
      StringBuilder cur = null;
      for (int i = 0; i < sorted.size(); i++) {
        Interaction e = sorted.get(i);
        if (i == 0
            || e.timestamp().toEpochMilli() - sorted.get(i - 1).timestamp().toEpochMilli()
                > 1_800_000) {
          if (cur != null) {
            expected.add(cur.toString());
          }
          cur = new StringBuilder(e.customer().value() + "@" + e.timestamp());
        }
        cur.append(' ').append(e.touchpoint().id());
      }
      expected.add(cur.toString());
    }
    Journeys js =
        REBUILD.duplicates(collapse ? Duplicates.COLLAPSE : Duplicates.KEEP).rebuild(log(events));
    List<String> actual = new ArrayList<>();
    for (int j = 0; j < js.journeyCount(); j++) {
      actual.add(
          js.journey(j).customer()
              + "@"
              + js.journey(j).start()
              + " "
              + String.join(" ", js.journey(j).path()));
    }
    Collections.sort(expected);
    Collections.sort(actual);
    assertEquals(expected, actual);
  }

  @Property(tries = 300, seed = "42")
  void permutingTheInputDoesNotChangeJourneys(
      @ForAll("events") List<Interaction> events, @ForAll long shuffleSeed) {
    // Equal (customer, time) pairs keep arrival order, so only permute events whose
    // (customer, time) is unique; collapse makes duplicates irrelevant to order too.
    JourneyRebuilder r = REBUILD.duplicates(Duplicates.COLLAPSE);
    List<Interaction> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    Journeys a = r.rebuild(log(events));
    Journeys b = r.rebuild(log(shuffled));
    // Compare each journey's customer, start, end, size and (sorted) touchpoints.
    assertEquals(a.journeyCount(), b.journeyCount());
    List<String> sa = new ArrayList<>();
    List<String> sb = new ArrayList<>();
    for (int j = 0; j < a.journeyCount(); j++) {
      sa.add(
          a.journey(j).customer()
              + "@"
              + a.journey(j).start()
              + "-"
              + a.journey(j).end()
              + "#"
              + a.journey(j).size()
              + sortedTouchpoints(a, j));
      sb.add(
          b.journey(j).customer()
              + "@"
              + b.journey(j).start()
              + "-"
              + b.journey(j).end()
              + "#"
              + b.journey(j).size()
              + sortedTouchpoints(b, j));
    }
    // Customer codes follow arrival order, so journeys of different customers may come in a
    // different order: compare as sorted lists.
    Collections.sort(sa);
    Collections.sort(sb);
    assertEquals(sa, sb);
  }

  private static List<String> sortedTouchpoints(Journeys js, int j) {
    List<String> l = new ArrayList<>(js.journey(j).path());
    Collections.sort(l);
    return l;
  }

  @Property(tries = 300, seed = "42")
  void journeysWithDistinctTimesAreIdenticalUnderPermutation(
      @ForAll("events") List<Interaction> events, @ForAll long shuffleSeed) {
    // Make times distinct per customer by adding the index in milliseconds: then the order is
    // fully determined by time and the paths must match exactly.
    List<Interaction> distinct = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      distinct.add(Interaction.of(e.customer(), e.touchpoint(), e.timestamp().plusMillis(i)));
    }
    List<Interaction> shuffled = new ArrayList<>(distinct);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    assertEquals(paths(REBUILD.rebuild(log(distinct))), paths(REBUILD.rebuild(log(shuffled))));
  }

  @Property(tries = 300, seed = "42")
  void graphsMergedOverCustomerPartitionsEqualTheWhole(
      @ForAll("events") List<Interaction> events, @ForAll int mask) {
    List<Interaction> left = new ArrayList<>();
    List<Interaction> right = new ArrayList<>();
    for (Interaction e : events) {
      int c = e.customer().value().charAt(1) - '0';
      ((mask >>> c & 1) == 0 ? left : right).add(e);
    }
    Journeys all = REBUILD.rebuild(log(events));
    for (Level level : Level.values()) {
      TransitionGraph whole = TransitionGraph.of(all, level);
      Abstraction abs = Abstraction.of(all.dictionary(), level);
      TransitionGraph.Accumulator l = new TransitionGraph.Accumulator(abs);
      TransitionGraph.Accumulator r = new TransitionGraph.Accumulator(abs);
      if (!left.isEmpty()) {
        l.addAll(REBUILD.rebuild(log(left)));
      }
      if (!right.isEmpty()) {
        r.addAll(REBUILD.rebuild(log(right)));
      }
      TransitionGraph.Accumulator r2 = new TransitionGraph.Accumulator(abs);
      if (!right.isEmpty()) {
        r2.addAll(REBUILD.rebuild(log(right)));
      }
      TransitionGraph.Accumulator l2 = new TransitionGraph.Accumulator(abs);
      if (!left.isEmpty()) {
        l2.addAll(REBUILD.rebuild(log(left)));
      }
      assertEquals(whole, l.merge(r).result());
      assertEquals(whole, r2.merge(l2).result()); // commutative
    }
  }

  @Property(tries = 200, seed = "42")
  void variantsAndSwitchingMergedOverPartitionsEqualTheWhole(
      @ForAll("events") List<Interaction> events, @ForAll int mask, @ForAll boolean collapse) {
    List<Interaction> left = new ArrayList<>();
    List<Interaction> right = new ArrayList<>();
    for (Interaction e : events) {
      ((mask >>> (e.customer().value().charAt(1) - '0') & 1) == 0 ? left : right).add(e);
    }
    Journeys all = REBUILD.rebuild(log(events));
    Abstraction tp = Abstraction.of(all.dictionary(), Level.TOUCHPOINT);
    Abstraction ch = Abstraction.of(all.dictionary(), Level.CHANNEL);
    org.cx4j.journey.variant.Variants.Accumulator vl =
        new org.cx4j.journey.variant.Variants.Accumulator(tp, collapse);
    org.cx4j.journey.variant.Variants.Accumulator vr =
        new org.cx4j.journey.variant.Variants.Accumulator(tp, collapse);
    org.cx4j.journey.path.ChannelSwitching.Accumulator sl =
        new org.cx4j.journey.path.ChannelSwitching.Accumulator(ch);
    org.cx4j.journey.path.ChannelSwitching.Accumulator sr =
        new org.cx4j.journey.path.ChannelSwitching.Accumulator(ch);
    if (!left.isEmpty()) {
      vl.addAll(REBUILD.rebuild(log(left)));
      sl.addAll(REBUILD.rebuild(log(left)));
    }
    if (!right.isEmpty()) {
      vr.addAll(REBUILD.rebuild(log(right)));
      sr.addAll(REBUILD.rebuild(log(right)));
    }
    assertEquals(
        new org.cx4j.journey.variant.Variants.Accumulator(tp, collapse).addAll(all).result(),
        vl.merge(vr).result());
    assertEquals(org.cx4j.journey.path.ChannelSwitching.of(all), sl.merge(sr).result());
  }

  @Property(tries = 200, seed = "42")
  void conformanceMergedOverPartitionsEqualsTheWhole(
      @ForAll("events") List<Interaction> events, @ForAll int mask) {
    List<Interaction> left = new ArrayList<>();
    List<Interaction> right = new ArrayList<>();
    for (Interaction e : events) {
      ((mask >>> (e.customer().value().charAt(1) - '0') & 1) == 0 ? left : right).add(e);
    }
    org.cx4j.journey.conformance.ConformanceChecker c =
        org.cx4j.journey.conformance.ConformanceChecker.against(ConformanceTest.DESIGN);
    org.cx4j.journey.conformance.ConformanceReport.Accumulator l = c.accumulator();
    org.cx4j.journey.conformance.ConformanceReport.Accumulator r = c.accumulator();
    if (!left.isEmpty()) {
      l.addAll(REBUILD.rebuild(log(left)));
    }
    if (!right.isEmpty()) {
      r.addAll(REBUILD.rebuild(log(right)));
    }
    org.cx4j.journey.conformance.ConformanceReport whole = c.report(REBUILD.rebuild(log(events)));
    org.cx4j.journey.conformance.ConformanceReport merged = l.merge(r).result();
    assertEquals(whole.journeys(), merged.journeys());
    assertEquals(whole.conforming(), merged.conforming());
    assertEquals(whole.deviations(), merged.deviations());
    assertEquals(whole.leftAtStage(), merged.leftAtStage());
    assertEquals(whole.meanFitness(), merged.meanFitness(), 1e-12);
    assertTrue(whole.meanFitness() >= 0 && whole.meanFitness() <= 1);
  }

  @Provide
  Arbitrary<List<Long>> durations() {
    // Mix of small values and values past the dense limit (65536 s) to exercise the overflow list.
    return Arbitraries.oneOf(
            Arbitraries.longs().between(0, 100), Arbitraries.longs().between(0, 200_000))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  @Property(tries = 500, seed = "42")
  void histogramQuantilesAreExactAndMergeable(
      @ForAll("durations") List<Long> xs, @ForAll("durations") List<Long> ys) {
    SecondsHistogram a = new SecondsHistogram();
    SecondsHistogram b = new SecondsHistogram();
    SecondsHistogram all = new SecondsHistogram();
    xs.forEach(a::addSeconds);
    ys.forEach(b::addSeconds);
    xs.forEach(all::addSeconds);
    ys.forEach(all::addSeconds);
    a.merge(b);
    assertEquals(all.result(), a.result());
    List<Long> v = new ArrayList<>(xs);
    v.addAll(ys);
    Collections.sort(v);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    assertEquals(median, a.result().medianSeconds());
    assertEquals((double) v.get((int) ((9L * n + 9) / 10) - 1), a.result().p90Seconds());
    assertEquals((double) v.get(0), a.result().quantileSeconds(0));
    assertEquals((double) v.get(n - 1), a.result().maxSeconds());
    assertEquals(v.get((int) ((9L * n + 9) / 10) - 1), a.quantile(0.9));
    java.util.Map<Long, Long> freq = new java.util.TreeMap<>();
    java.util.Map<Long, Long> bins = new java.util.TreeMap<>();
    for (long x : v) {
      freq.merge(x, 1L, Long::sum);
      bins.merge(x / 1000 * 1000, 1L, Long::sum);
    }
    assertEquals(freq, a.result().frequencies());
    assertEquals(bins, a.result().histogram(1000));
  }
}
