package org.cx4j.spark.journey;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.sample.SampleData;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.journey.attribution.AttributionResult;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.funnel.FunnelStep;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.Recipe;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Journey analytics in Spark against cx-journey on one machine, on the bundled sample data: the
 * oracle is the single-machine funnel, variants, graph and Markov attribution of the same
 * interactions (counts exact, attribution to 1e-12).
 */
class SparkJourneysTest {

  private static final Recipe<JourneyRebuilder> REBUILD =
      () -> JourneyRebuilder.defaults().noInactivityGap();
  static final Recipe<Funnel> FUNNEL =
      () ->
          Funnel.builder()
              .step(FunnelStep.stage(JourneyStage.AWARENESS))
              .step(FunnelStep.stage(JourneyStage.CONSIDERATION))
              .step(FunnelStep.touchpoint("checkout_payment"))
              .build();

  private static Journeys single;
  private static Dataset<Row> interactions;

  // Lazy rather than @BeforeAll: jqwik's properties do not run JUnit's lifecycle methods.
  @BeforeAll
  static synchronized void start() {
    if (single != null) {
      return;
    }
    SparkTesting.spark();
    SampleData s = SparkTesting.sample();
    InteractionLog log =
        InteractionLog.builder().catalog(s.catalog()).addAll(s.interactions()).build();
    single = REBUILD.get().rebuild(log);
    interactions = SparkTesting.interactions().cache();
  }

  private static SparkJourneys.Builder sampleBuilder() {
    start();
    return SparkJourneys.builder()
        .catalog(SparkTesting.sample().catalog())
        .rebuilder(REBUILD)
        .funnel(FUNNEL)
        .attribution(Level.CHANNEL, Outcome.CONVERTED, 1);
  }

  @Test
  void sampleJourneysEqualSingleMachine() {
    JourneyAnalysis a = sampleBuilder().partitions(4).build().run(interactions);

    assertEquals(SparkTesting.sample().interactions().size(), a.events());
    assertEquals(single.journeyCount(), a.journeys());
    assertEquals(0, a.rejectedRows());
    assertTrue(a.partitions() > 1, "states of " + a.partitions() + " partitions");
    assertEquals(FUNNEL.get().run(single), a.funnel().orElseThrow());
    Abstraction nodes = Abstraction.of(single.dictionary(), Level.TOUCHPOINT);
    assertEquals(new Variants.Accumulator(nodes, false).addAll(single).result(), a.variants());
    assertEquals(TransitionGraph.of(single, Level.TOUCHPOINT), a.graph());

    PathData paths =
        PathData.fromJourneys(
            single,
            Abstraction.of(single.dictionary(), Level.CHANNEL),
            Outcome.CONVERTED,
            j -> 1.0);
    MarkovAttribution.MarkovResult expected = MarkovAttribution.fit(paths, 1);
    MarkovAttribution.MarkovResult actual = a.attribution().orElseThrow();
    assertEquals(expected.states(), actual.states());
    assertEquals(expected.conversionProbability(), actual.conversionProbability(), TOLERANCE);
    assertEquals(paths.totalConversions(), a.paths().orElseThrow().totalConversions());
    assertEquals(paths.totalNulls(), a.paths().orElseThrow().totalNulls());
    for (AttributionResult.ChannelCredit c : expected.attribution().channels()) {
      assertEquals(
          expected.removalEffect(c.channel()),
          actual.removalEffect(c.channel()),
          TOLERANCE,
          c.channel());
    }
    assertEquals(expected.attribution().channels().size(), actual.attribution().channels().size());
  }

  @Property(tries = 3, seed = "42")
  void partitionCountDoesNotChangeTheResult(@ForAll @IntRange(min = 1, max = 9) int partitions) {
    JourneyAnalysis a = sampleBuilder().partitions(partitions).build().run(interactions);
    JourneyAnalysis b = sampleBuilder().partitions(partitions + 1).build().run(interactions);
    assertEquals(partitions, a.partitions());
    assertEquals(a.funnel(), b.funnel());
    // Without Spark's sort, the rebuilder's own sort gives the same journeys.
    JourneyAnalysis c =
        sampleBuilder()
            .partitions(partitions)
            .sortWithinPartitions(false)
            .build()
            .run(interactions);
    assertEquals(a.funnel(), c.funnel());
    assertEquals(a.variants(), c.variants());
    assertEquals(a.graph(), c.graph());
    assertEquals(a.variants(), b.variants());
    assertEquals(a.graph(), b.graph());
    assertEquals(
        a.paths().orElseThrow().totalConversions(), b.paths().orElseThrow().totalConversions());
  }

  @Test
  void derivedCatalogGivesTheSameCountsInIdOrder() {
    JourneyAnalysis a = SparkJourneys.builder().rebuilder(REBUILD).build().run(interactions);
    TransitionGraph expected = TransitionGraph.of(single, Level.TOUCHPOINT);
    // Node order differs (ids sorted), counts do not: compare as maps and edge sets.
    assertEquals(expected.visits(), a.graph().visits());
    assertEquals(expected.starts(), a.graph().starts());
    assertEquals(
        new java.util.HashSet<>(expected.edges()), new java.util.HashSet<>(a.graph().edges()));
    assertEquals(single.journeyCount(), a.journeys());
  }

  private static Dataset<Row> rows(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SparkTesting.spark().createDataFrame(list, SparkTesting.interactionSchema());
  }

  private static Timestamp at(long seconds) {
    return Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(seconds));
  }

  @Test
  void nullCustomerIsCountedUnderLenientAndFailsUnderStrict() {
    Dataset<Row> data =
        rows(
            new Object[] {"c1", "home", "web", "awareness", at(0), null},
            new Object[] {"c1", "cart", "web", "purchase", at(60), "converted"},
            new Object[] {null, "home", "web", "awareness", at(5), null},
            new Object[] {"c2", "home", "web", "awareness", null, null});
    JourneyAnalysis a = SparkJourneys.builder().build().run(data);
    assertEquals(2, a.rejectedRows());
    assertEquals(2, a.events());
    assertEquals(1, a.journeys());
    assertEquals(1, a.graph().count("home", "cart"));

    Exception e =
        assertThrows(
            Exception.class,
            () ->
                SparkJourneys.builder()
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(data.where("time IS NOT NULL")));
    assertContains(messages(e), "null customer_id in a row of customer null");
    e =
        assertThrows(
            Exception.class,
            () ->
                SparkJourneys.builder()
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(data.where("customer_id IS NOT NULL")));
    assertContains(messages(e), "null time in a row of customer 'c2'");
  }

  @Test
  void unknownTouchpointFailsNamingIt() {
    Dataset<Row> data = rows(new Object[] {"c1", "teleport", "web", "awareness", at(0), null});
    Exception e = assertThrows(Exception.class, () -> sampleBuilder().build().run(data));
    assertContains(messages(e), "touchpoint 'teleport' in column touchpoint is not in the catalog");
  }

  @Test
  void oneTouchpointWithTwoChannelsFailsNamingIt() {
    Dataset<Row> data =
        rows(
            new Object[] {"c1", "home", "web", "awareness", at(0), null},
            new Object[] {"c2", "home", "app", "awareness", at(0), null});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SparkJourneys.builder().build().run(data));
    assertContains(e.getMessage(), "touchpoint 'home' appears as both");
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
  }

  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
