package org.cx4j.spark.journey;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.cx4j.spark.journey.SparkJourneysTest.assertContains;
import static org.cx4j.spark.journey.SparkJourneysTest.messages;
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
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.variant.Variants;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two row readers (Spark's internal rows, the default; public {@code Row}s, the fallback) with
 * and without Spark's sort, against each other and against cx-journey on one machine: equal
 * timestamps, null customers under both null policies, outcome names that normalize alike.
 */
class SparkJourneysReadersTest {

  private static final Touchpoint HOME = Touchpoint.of("home", Channel.WEB, JourneyStage.AWARENESS);
  // Longer than 8 bytes and sharing their first 8: the internal reader's table compares them
  // beyond its packed prefix.
  private static final Touchpoint PRODUCT_A =
      Touchpoint.of("product_page_a", Channel.WEB, JourneyStage.CONSIDERATION);
  private static final Touchpoint PRODUCT_B =
      Touchpoint.of("product_page_b", Channel.APP, JourneyStage.CONSIDERATION);
  private static final Touchpoint CART = Touchpoint.of("cart", Channel.WEB, JourneyStage.PURCHASE);
  private static final TouchpointCatalog CATALOG =
      TouchpointCatalog.of(List.of(HOME, PRODUCT_A, PRODUCT_B, CART));
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static SparkJourneys.Builder builder(boolean internal, boolean sorted) {
    return SparkJourneys.builder()
        .catalog(CATALOG)
        .rebuilder(() -> JourneyRebuilder.defaults().noInactivityGap())
        .funnel(() -> Funnel.builder().step("home").step("product_page_a").step("cart").build())
        .attribution(Level.TOUCHPOINT, Outcome.CONVERTED, 1)
        .internalRows(internal)
        .sortWithinPartitions(sorted);
  }

  @ParameterizedTest(name = "internal rows {0}, Spark sort {1}")
  @CsvSource({"true, false", "true, true", "false, false", "false, true"})
  void sampleGivesTheSameAnalysisWithEitherReaderAndSort(boolean internal, boolean sorted) {
    SparkJourneysTest.start();
    Dataset<Row> interactions = SparkTesting.interactions();
    SparkJourneys.Builder b =
        SparkJourneys.builder()
            .catalog(SparkTesting.sample().catalog())
            .rebuilder(() -> JourneyRebuilder.defaults().noInactivityGap())
            .attribution(Level.CHANNEL, Outcome.CONVERTED, 1)
            .partitions(3);
    // The reference: internal rows, no Spark sort (the defaults).
    JourneyAnalysis expected = b.build().run(interactions);
    JourneyAnalysis actual =
        b.internalRows(internal).sortWithinPartitions(sorted).build().run(interactions);
    assertSame(expected, actual);
    // And the defaults against one machine (the oracle of SparkJourneysTest).
    InteractionLog log =
        InteractionLog.builder()
            .catalog(SparkTesting.sample().catalog())
            .addAll(SparkTesting.sample().interactions())
            .build();
    Journeys single = JourneyRebuilder.defaults().noInactivityGap().rebuild(log);
    assertEquals(Variants.of(single, Level.TOUCHPOINT), actual.variants());
  }

  private static void assertSame(JourneyAnalysis expected, JourneyAnalysis actual) {
    assertEquals(expected.events(), actual.events());
    assertEquals(expected.journeys(), actual.journeys());
    assertEquals(expected.rejectedRows(), actual.rejectedRows());
    assertEquals(expected.funnel(), actual.funnel());
    assertEquals(expected.variants(), actual.variants());
    assertEquals(expected.graph(), actual.graph());
    assertEquals(expected.paths().isPresent(), actual.paths().isPresent());
    if (expected.paths().isPresent()) {
      assertPathsEqual(expected.paths().orElseThrow(), actual.paths().orElseThrow());
    }
    assertEquals(expected.attribution().isPresent(), actual.attribution().isPresent());
    if (expected.attribution().isPresent()) {
      assertEquals(
          expected.attribution().orElseThrow().conversionProbability(),
          actual.attribution().orElseThrow().conversionProbability(),
          TOLERANCE);
    }
  }

  private static void assertPathsEqual(PathData a, PathData b) {
    assertEquals(a.channels(), b.channels());
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.length(i), b.length(i), "path " + i);
      for (int k = 0; k < a.length(i); k++) {
        assertEquals(a.touch(i, k), b.touch(i, k), "path " + i);
      }
      assertEquals(a.conversions(i), b.conversions(i), "path " + i);
      assertEquals(a.nulls(i), b.nulls(i), "path " + i);
    }
  }

  private static Dataset<Row> rows(List<Object[]> rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    // One input partition: with one output partition the rows arrive in this order.
    return SparkTesting.spark().createDataFrame(list, SparkTesting.interactionSchema()).coalesce(1);
  }

  private static Object[] row(String customer, Touchpoint t, long seconds, String outcome) {
    return new Object[] {
      customer,
      t.id(),
      t.channel().name(),
      t.stage().name(),
      Timestamp.from(T0.plusSeconds(seconds)),
      outcome
    };
  }

  /**
   * Equal timestamps keep their arrival order in every reader and sort mode, as on one machine:
   * customer "x" meets product_page_a and product_page_b at the same second, in that order,
   * customer "y" meets them in the other order; ids longer than 8 bytes share their first 8.
   */
  @ParameterizedTest(name = "internal rows {0}, Spark sort {1}")
  @CsvSource({"true, false", "true, true", "false, false", "false, true"})
  void equalTimestampsKeepArrivalOrder(boolean internal, boolean sorted) {
    List<Object[]> data =
        List.of(
            row("customer-0000000001", HOME, 0, null),
            row("customer-0000000002", HOME, 0, null),
            row("customer-0000000001", PRODUCT_A, 10, null),
            row("customer-0000000002", PRODUCT_B, 10, null),
            row("customer-0000000001", PRODUCT_B, 10, null),
            row("customer-0000000002", PRODUCT_A, 10, null),
            row("customer-0000000001", CART, 20, "converted"),
            row("c3", CART, 5, "Converted "),
            row("c3", HOME, 5, null));
    JourneyAnalysis a = builder(internal, sorted).partitions(1).build().run(rows(data));

    // One machine, same arrival order.
    InteractionLog.Builder lb = InteractionLog.builder().catalog(CATALOG);
    for (Object[] r : data) {
      Touchpoint t =
          CATALOG.touchpoints().stream().filter(x -> x.id().equals(r[1])).findFirst().orElseThrow();
      lb.add(
          new Interaction(
              CustomerId.of((String) r[0]),
              t,
              ((Timestamp) r[4]).toInstant(),
              r[5] == null ? null : Outcome.of((String) r[5]),
              null,
              null));
    }
    Journeys single = JourneyRebuilder.defaults().noInactivityGap().rebuild(lb.build());
    Abstraction nodes = Abstraction.of(single.dictionary(), Level.TOUCHPOINT);
    assertEquals(new Variants.Accumulator(nodes, false).addAll(single).result(), a.variants());
    assertEquals(TransitionGraph.of(single, Level.TOUCHPOINT), a.graph());
    // By hand: x = home a b cart, y = home b a, c3 = cart home (arrival order at t = 5).
    assertEquals(1, a.graph().count("product_page_a", "product_page_b"));
    assertEquals(1, a.graph().count("product_page_b", "product_page_a"));
    assertEquals(1, a.graph().count("cart", "home"));
    assertEquals(3, a.journeys());
    // "converted" and "Converted " are one outcome: x converts at cart, c3 at its first event.
    PathData paths = PathData.fromJourneys(single, nodes, Outcome.CONVERTED, j -> 1.0);
    assertEquals(2, paths.totalConversions());
    assertEquals(2, a.paths().orElseThrow().totalConversions());
    assertEquals(1, a.paths().orElseThrow().totalNulls());
    MarkovAttribution.MarkovResult m = MarkovAttribution.fit(paths, 1);
    assertEquals(
        m.conversionProbability(),
        a.attribution().orElseThrow().conversionProbability(),
        TOLERANCE);
  }

  /**
   * Customer ids of every length around the internal reader's 8-byte split (coded by sorting their
   * bytes up to 8, by hash beyond), ids equal but for trailing zero bytes ("a", "a\0"), non-ASCII
   * ids: the same journeys as one machine, whose customers are told apart as strings.
   */
  @ParameterizedTest(name = "internal rows {0}, Spark sort {1}")
  @CsvSource({"true, false", "true, true", "false, false"})
  void customerIdsOfAnyLengthAreToldApart(boolean internal, boolean sorted) {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "a",
                "a\u0000",
                "a\u0000\u0000",
                "é",
                "éé",
                "abcdefg",
                "abcdefgh",
                "abcdefgh\u0000",
                "abcdefghi",
                "customer-1",
                "customer-2"));
    for (int k = 0; k < 200; k++) {
      ids.add("x".repeat(k % 12) + k);
    }
    java.util.Random rnd = new java.util.Random(42);
    Touchpoint[] tps = {HOME, PRODUCT_A, PRODUCT_B, CART};
    List<Object[]> data = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      data.add(row(ids.get(rnd.nextInt(ids.size())), tps[rnd.nextInt(4)], i, null));
    }
    JourneyAnalysis a = builder(internal, sorted).partitions(3).build().run(rows(data));
    InteractionLog.Builder lb = InteractionLog.builder().catalog(CATALOG);
    for (Object[] r : data) {
      Touchpoint t =
          CATALOG.touchpoints().stream().filter(x -> x.id().equals(r[1])).findFirst().orElseThrow();
      lb.add(
          new Interaction(
              CustomerId.of((String) r[0]), t, ((Timestamp) r[4]).toInstant(), null, null, null));
    }
    Journeys single = JourneyRebuilder.defaults().noInactivityGap().rebuild(lb.build());
    assertEquals(single.journeyCount(), a.journeys());
    assertEquals(Variants.of(single, Level.TOUCHPOINT), a.variants());
    assertEquals(TransitionGraph.of(single, Level.TOUCHPOINT), a.graph());
  }

  @ParameterizedTest(name = "internal rows {0}, Spark sort {1}")
  @CsvSource({"true, false", "true, true", "false, false", "false, true"})
  void nullsAreCountedUnderLenientAndFailUnderStrict(boolean internal, boolean sorted) {
    List<Object[]> data =
        new ArrayList<>(
            List.of(
                row("c1", HOME, 0, null),
                row("c1", CART, 60, "converted"),
                row(null, HOME, 5, null)));
    Object[] noTime = row("c2", HOME, 0, null);
    noTime[4] = null;
    data.add(noTime);
    Object[] noTouchpoint = row("c2", HOME, 0, null);
    noTouchpoint[1] = null;
    data.add(noTouchpoint);
    JourneyAnalysis a = builder(internal, sorted).build().run(rows(data));
    assertEquals(3, a.rejectedRows());
    assertEquals(2, a.events());
    assertEquals(1, a.journeys());
    assertEquals(1, a.graph().count("home", "cart"));

    Exception e =
        assertThrows(
            Exception.class,
            () ->
                builder(internal, sorted)
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(rows(data).where("customer_id IS NULL")));
    assertContains(messages(e), "null customer_id in a row of customer null");
    e =
        assertThrows(
            Exception.class,
            () ->
                builder(internal, sorted)
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(rows(data).where("time IS NULL")));
    assertContains(messages(e), "null time in a row of customer 'c2'");
    e =
        assertThrows(
            Exception.class,
            () ->
                builder(internal, sorted)
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(rows(data).where("touchpoint IS NULL AND time IS NOT NULL")));
    assertContains(messages(e), "null touchpoint in a row of customer 'c2'");
  }

  @ParameterizedTest(name = "internal rows {0}")
  @CsvSource({"true", "false"})
  void unknownTouchpointFailsNamingItInEitherReader(boolean internal) {
    Object[] r = row("c1", HOME, 0, null);
    r[1] = "teleport";
    Exception e =
        assertThrows(
            Exception.class,
            () -> builder(internal, false).build().run(rows(List.<Object[]>of(r))));
    assertContains(messages(e), "touchpoint 'teleport' in column touchpoint is not in the catalog");
  }

  @Test
  void internalRowsAreReadFromClassicDatasets() {
    // The tests run classic Spark (4.x, or 3.5 with -Pspark-3.5): the probe passes and the fast
    // readers are the ones the defaults use.
    assertEquals(java.util.Optional.empty(), SparkInternals.unusableReason());
    assertTrue(SparkInternals.enabled());
    assertTrue(SparkInternals.usable(SparkTesting.interactions()));
  }

  /** Only a Dataset whose {@code queryExecution()} is Spark's query execution is read so. */
  @Test
  void objectsWithoutAQueryExecutionAreNotReadAsInternalRows() {
    assertEquals(null, SparkInternals.queryExecution(new Object()));
    assertEquals(null, SparkInternals.queryExecution(new NotADataset()));
    assertTrue(SparkInternals.queryExecution(SparkTesting.interactions()) != null);
  }

  /** Has a {@code queryExecution()}, but not Spark's. */
  public static final class NotADataset {
    public String queryExecution() {
      return "not a plan";
    }
  }

  /**
   * {@code -Dcx4j.spark.internals=false} switches the internals off for the JVM: the defaults then
   * take the public Row API, and the results are those of the internal readers.
   */
  @Test
  void systemPropertyForcesThePublicRowApi() {
    SparkJourneysTest.start();
    Dataset<Row> interactions = SparkTesting.interactions();
    SparkJourneys journeys =
        SparkJourneys.builder()
            .catalog(SparkTesting.sample().catalog())
            .rebuilder(() -> JourneyRebuilder.defaults().noInactivityGap())
            .funnel(SparkJourneysTest.FUNNEL)
            .attribution(Level.CHANNEL, Outcome.CONVERTED, 1)
            .partitions(3)
            .build();
    JourneyAnalysis internal = journeys.run(interactions);
    String before = System.getProperty(SparkInternals.PROPERTY);
    System.setProperty(SparkInternals.PROPERTY, "false");
    try {
      assertTrue(!SparkInternals.enabled() && !SparkInternals.usable(interactions));
      Exception e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  SparkInternals.mapPartitions(interactions, rows -> List.<byte[]>of().iterator()));
      assertContains(e.getMessage(), "read Rows through the public API");
      assertSame(internal, journeys.run(interactions));
    } finally {
      if (before == null) {
        System.clearProperty(SparkInternals.PROPERTY);
      } else {
        System.setProperty(SparkInternals.PROPERTY, before);
      }
    }
    assertTrue(SparkInternals.usable(interactions));
  }

  /**
   * Random interactions (ids of 1 to 20 bytes, some non-ASCII, nulls, equal times, outcomes that
   * normalize alike) give the same analysis through the internal readers (block shuffle; Spark's
   * sort) as through the public Row API.
   */
  @Property(tries = 6, seed = "42")
  void internalReadersEqualThePublicRowApiOnRandomData(
      @ForAll @IntRange(min = 1, max = 3_000) int rows, @ForAll long seed, @ForAll boolean sorted) {
    SparkJourneysTest.start();
    java.util.Random rnd = new java.util.Random(seed);
    Touchpoint[] tps = {HOME, PRODUCT_A, PRODUCT_B, CART};
    String[] outcomes = {null, null, null, "converted", "Converted ", "churned"};
    List<Object[]> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String id =
          rnd.nextInt(50) == 0
              ? null
              : "c"
                  + "\u00e9".repeat(rnd.nextInt(3))
                  + "x".repeat(rnd.nextInt(10))
                  + rnd.nextInt(1 + rows / 5);
      Object[] r =
          row(id, tps[rnd.nextInt(4)], rnd.nextInt(rows), outcomes[rnd.nextInt(outcomes.length)]);
      if (rnd.nextInt(50) == 0) {
        r[4] = null;
      }
      data.add(r);
    }
    Dataset<Row> ds =
        SparkTesting.spark()
            .createDataFrame(toRows(data), SparkTesting.interactionSchema())
            .repartition(2);
    JourneyAnalysis fast = builder(true, sorted).partitions(3).build().run(ds);
    JourneyAnalysis plain = builder(false, sorted).partitions(3).build().run(ds);
    assertSame(plain, fast);
  }

  private static List<Row> toRows(List<Object[]> rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return list;
  }
}
