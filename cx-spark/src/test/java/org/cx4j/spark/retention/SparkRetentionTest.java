package org.cx4j.spark.retention;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.transaction.Transaction;
import org.cx4j.metrics.activity.ActivityLog;
import org.cx4j.metrics.retention.CohortRetention;
import org.cx4j.metrics.retention.PeriodUnit;
import org.cx4j.metrics.retention.RetentionKind;
import org.cx4j.metrics.survival.ChurnSurvival;
import org.cx4j.metrics.survival.KaplanMeier;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.Test;

/**
 * Cohort retention and Kaplan-Meier in Spark against cx-metrics on one machine, on the bundled
 * sample data: counts exact, curve to 1e-12.
 */
class SparkRetentionTest {

  static void assertSameTable(CohortRetention expected, CohortRetention actual) {
    assertEquals(expected.cohorts(), actual.cohorts(), "cohorts");
    assertEquals(expected.customers(), actual.customers(), "customers");
    for (int c = 0; c < expected.cohorts(); c++) {
      assertEquals(expected.cohortStart(c), actual.cohortStart(c));
      assertEquals(expected.cohortSize(c), actual.cohortSize(c));
      assertEquals(expected.periods(c), actual.periods(c));
      for (RetentionKind kind : RetentionKind.values()) {
        for (int k = 0; k < expected.periods(c); k++) {
          assertEquals(
              expected.count(kind, c, k),
              actual.count(kind, c, k),
              kind + " cohort " + expected.cohortStart(c) + " +" + k);
        }
      }
    }
    for (RetentionKind kind : RetentionKind.values()) {
      assertEquals(expected.table(kind), actual.table(kind));
    }
  }

  static void assertSameCurve(KaplanMeier expected, KaplanMeier actual) {
    assertEquals(expected.records(), actual.records());
    assertEquals(expected.size(), actual.size());
    for (int j = 0; j < expected.size(); j++) {
      assertEquals(expected.time(j), actual.time(j), 0.0);
      assertEquals(expected.atRisk(j), actual.atRisk(j), 0.0);
      assertEquals(expected.events(j), actual.events(j), 0.0);
      assertEquals(expected.censored(j), actual.censored(j), 0.0);
      assertEquals(expected.survival(j), actual.survival(j), TOLERANCE);
      assertEquals(expected.standardError(j), actual.standardError(j), TOLERANCE);
    }
  }

  @Test
  void transactionsEqualSingleMachine() {
    List<Transaction> tx = SparkTesting.sample().transactions();
    ActivityLog log = ActivityLog.fromTransactions(tx);
    Instant end = Instant.MIN;
    for (Transaction t : tx) {
      end = t.timestamp().isAfter(end) ? t.timestamp() : end;
    }
    RetentionAnalysis r =
        SparkRetention.builder().partitions(4).build().run(SparkTesting.transactions());

    assertEquals(end, r.observationEnd());
    assertEquals(tx.size(), r.rows());
    assertSameTable(CohortRetention.of(log, PeriodUnit.MONTH, ZoneId.of("UTC")), r.cohorts());
    ChurnSurvival s = ChurnSurvival.fromActivity(log, Duration.ofDays(90), end, Duration.ofDays(1));
    assertEquals(s.size(), r.customers());
    assertEquals(s.churnCount(), r.churned());
    assertSameCurve(s.kaplanMeier(), r.survival());
    assertTrue(r.survival().size() > 10, "a non-trivial curve: " + r.survival().size());
  }

  @Test
  void interactionsByWeekInAZoneWithDstEqualSingleMachine() {
    List<Interaction> events = SparkTesting.sample().interactions();
    ActivityLog log = ActivityLog.fromInteractions(events);
    ZoneId paris = ZoneId.of("Europe/Paris");
    Instant end = Instant.parse("2030-01-01T00:00:00Z");
    for (int partitions : new int[] {1, 5}) {
      RetentionAnalysis r =
          SparkRetention.builder()
              .unit(PeriodUnit.ISO_WEEK)
              .zone(paris)
              .observationEnd(end)
              .churnGap(Duration.ofDays(30))
              .timeUnit(Duration.ofHours(1))
              .partitions(partitions)
              .build()
              .run(SparkTesting.interactions());
      assertSameTable(CohortRetention.of(log, PeriodUnit.ISO_WEEK, paris, end), r.cohorts());
      assertSameCurve(
          ChurnSurvival.fromActivity(log, Duration.ofDays(30), end, Duration.ofHours(1))
              .kaplanMeier(),
          r.survival());
    }
  }

  @Test
  void segmentsEqualTheSingleMachineResultsOfTheirCustomers() {
    List<Transaction> tx = SparkTesting.sample().transactions();
    Map<String, String> plans = SparkTesting.plans();
    Instant end = Instant.MIN;
    Map<String, List<Transaction>> bySegment = new TreeMap<>();
    for (Transaction t : tx) {
      end = t.timestamp().isAfter(end) ? t.timestamp() : end;
      bySegment.computeIfAbsent(plans.get(t.customer().value()), k -> new ArrayList<>()).add(t);
    }
    Dataset<Row> data =
        SparkTesting.transactions()
            .withColumn(
                "plan",
                org.apache
                    .spark
                    .sql
                    .functions
                    .udf((String c) -> plans.get(c), DataTypes.StringType)
                    .apply(org.apache.spark.sql.functions.col("customer_id")));
    RetentionAnalysis r = SparkRetention.builder().segment("plan").partitions(3).build().run(data);

    assertEquals(bySegment.keySet(), r.cohortsBySegment().keySet());
    assertEquals(bySegment.keySet(), r.survivalBySegment().keySet());
    assertTrue(bySegment.size() > 1, "segments: " + bySegment.keySet());
    long customers = 0;
    for (var e : bySegment.entrySet()) {
      // Oracle: cx-metrics on one machine over that segment's transactions alone, observed to
      // the end of the whole data set (the segments share it).
      ActivityLog log = ActivityLog.fromTransactions(e.getValue());
      assertSameTable(
          CohortRetention.of(log, PeriodUnit.MONTH, ZoneId.of("UTC"), end),
          r.cohortsBySegment().get(e.getKey()));
      assertSameCurve(
          ChurnSurvival.fromActivity(log, Duration.ofDays(90), end, Duration.ofDays(1))
              .kaplanMeier(),
          r.survivalBySegment().get(e.getKey()));
      customers += r.cohortsBySegment().get(e.getKey()).customers();
    }
    // The segments partition the customers; the whole is unchanged by the breakdown.
    assertEquals(r.cohorts().customers(), customers);
    assertSameTable(
        CohortRetention.of(ActivityLog.fromTransactions(tx), PeriodUnit.MONTH, ZoneId.of("UTC")),
        r.cohorts());
    assertTrue(r.toString().contains("segments ["), r.toString());
  }

  @Test
  void aCustomerInTwoSegmentsFailsNamingBoth() {
    List<Row> list =
        List.of(RowFactory.create("a", day(0), "basic"), RowFactory.create("a", day(3), "premium"));
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("plan", DataTypes.StringType);
    Dataset<Row> data = SparkTesting.spark().createDataFrame(list, schema);
    Exception e =
        assertThrows(
            Exception.class,
            () -> SparkRetention.builder().segment("plan").partitions(1).build().run(data));
    assertTrue(
        messages(e).contains("customer a has two values of plan, 'basic' and 'premium'"),
        messages(e));
    // A null segment is a rejected row under the lenient policy.
    Dataset<Row> withNull =
        SparkTesting.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", day(0), "basic"), RowFactory.create("b", day(1), null)),
                schema);
    RetentionAnalysis r = SparkRetention.builder().segment("plan").build().run(withNull);
    assertEquals(1, r.rejectedRows());
    assertEquals(List.of("basic"), List.copyOf(r.cohortsBySegment().keySet()));
  }

  private static Dataset<Row> activity(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("time", DataTypes.TimestampType);
    return SparkTesting.spark().createDataFrame(list, schema);
  }

  private static Timestamp day(int d) {
    return Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(d)));
  }

  @Test
  void nullsAreCountedUnderLenientAndFailUnderStrict() {
    Dataset<Row> data =
        activity(
            new Object[] {"a", day(0)},
            new Object[] {"a", day(40)},
            new Object[] {"b", day(1)},
            new Object[] {null, day(3)},
            new Object[] {"c", null});
    RetentionAnalysis r = SparkRetention.builder().build().run(data);
    // a: Jan, Feb; b: Jan. One January cohort of 2, of whom 1 (a) is active in February.
    assertEquals(2, r.rejectedRows());
    assertEquals(3, r.rows());
    assertEquals(1, r.cohorts().cohorts());
    assertEquals(2, r.cohorts().cohortSize(0));
    assertEquals(1, r.cohorts().count(RetentionKind.CLASSIC, 0, 1));
    // End = day 40. a: last active at the end, censored at 40 days. b: 39 days idle < 90,
    // censored at 39 days (end - first). No churn.
    assertEquals(0, r.churned());

    Exception e =
        assertThrows(
            Exception.class,
            () ->
                SparkRetention.builder()
                    .nullPolicy(NullPolicy.STRICT)
                    .build()
                    .run(data.where("time IS NOT NULL")));
    assertTrue(messages(e).contains("null customer_id in row [null,"), messages(e));
  }

  @Test
  void activityAfterTheObservationEndFailsNamingIt() {
    Dataset<Row> data = activity(new Object[] {"a", day(0)}, new Object[] {"a", day(40)});
    Exception e =
        assertThrows(
            Exception.class,
            () -> SparkRetention.builder().observationEnd(day(10).toInstant()).build().run(data));
    assertTrue(
        messages(e)
            .contains(
                "time 2024-02-10T00:00:00Z of customer a is after the"
                    + " observation end 2024-01-11T00:00:00Z"),
        messages(e));
  }

  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
